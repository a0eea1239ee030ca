import { BreakpointObserver } from '@angular/cdk/layout';
import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, linkedSignal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import { LRMX_ELEMENT_LABELS, type ImportItem, type ImportProblem, type ImportReport } from '@cadre/shared-models';
import { map } from 'rxjs';
import { AuthSession } from '../core/auth/auth-session';
import { FailureNotice } from '../core/http/failure-notice';
import { I18n } from '../core/i18n/i18n';
import { HANDSET_QUERY } from '../core/shell/shell';
import { ImportFlow } from './import-flow';

/**
 * A row of the items table: the item, its action's label and the ids its expandable change list
 * needs. Labels are resolved here because mat-table hands rows to the template untyped.
 */
interface ItemEntry {
  readonly item: ImportItem;
  readonly actionLabel: string;
  readonly key: string;
  readonly detailId: string;
}

interface Count {
  readonly label: string;
  readonly tone: 'neutral' | 'bad';
}

/** Problems in file order: whole-file problems first, then by spreadsheet row, then by file name. */
export function sortProblems(problems: readonly ImportProblem[]): ImportProblem[] {
  // Array.prototype.sort is stable, so problems of one row keep the server's column order.
  return [...problems].sort(
    (a, b) => (a.row ?? 0) - (b.row ?? 0) || (a.file ?? '').localeCompare(b.file ?? '', 'zh-CN'),
  );
}

/**
 * The report of an upload and what can be done with it: the problems that block it, what
 * applying would do, the apply (after confirmation) and discard actions, and the outcome.
 */
@Component({
  selector: 'cadre-import-report',
  imports: [DatePipe, MatButtonModule, MatProgressBarModule, MatTableModule, RouterLink, FailureNotice],
  templateUrl: './import-report.html',
  styleUrl: './import-report.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ImportReportView {
  protected readonly flow = inject(ImportFlow);
  private readonly i18n = inject(I18n);
  private readonly session = inject(AuthSession);

  protected readonly messages = this.i18n.messages;
  protected readonly language = this.i18n.language;
  protected readonly canReadLedger = computed(() => this.session.can('ledger:read'));

  private readonly breakpoints = inject(BreakpointObserver);
  /** On a phone, where and what share a column, so the tables fit without scrolling sideways. */
  private readonly handset = toSignal(this.breakpoints.observe(HANDSET_QUERY).pipe(map((state) => state.matches)), {
    initialValue: this.breakpoints.isMatched(HANDSET_QUERY),
  });

  private readonly report = computed<ImportReport | null>(() => {
    const state = this.flow.state();
    return state.status === 'reported' ? state.report : null;
  });
  private readonly kind = computed(() => this.report()?.kind ?? 'excel');

  protected readonly problems = computed(() => sortProblems(this.report()?.problems ?? []));
  protected readonly problemColumns = computed(() => {
    if (this.handset()) return ['where', 'message'];
    return this.kind() === 'excel' ? ['row', 'column', 'message'] : ['file', 'column', 'message'];
  });

  /**
   * What applying would do. An Excel file is all or nothing, so its rows are previewed only once
   * it is clean; an .lrmx upload shows every file's outcome, problems or not.
   */
  protected readonly items = computed<ItemEntry[]>(() => {
    const report = this.report();
    if (!report || (report.kind === 'excel' && report.problems.length)) return [];
    const labels = this.messages().imports.actionLabels;
    return report.items.map((item, index) => ({
      item,
      actionLabel: labels[item.action],
      key: `${index}`,
      detailId: `${report.kind}-import-changes-${index}`,
    }));
  });
  protected readonly itemColumns = computed(() => {
    // Excel only creates (a known ID number is a row error), so its preview needs no action or change columns.
    if (this.kind() === 'excel') return ['row', 'name'];
    return this.handset() ? ['person', 'action', 'changes'] : ['file', 'name', 'action', 'changes'];
  });
  protected readonly itemsTitle = computed(() => {
    const report = this.report();
    const text = this.messages().imports;
    return report?.kind === 'excel' ? text.previewTitle(report.counts.create) : text.filesTitle;
  });

  protected readonly counts = computed<Count[]>(() => {
    const report = this.report();
    if (!report) return [];
    const text = this.messages().imports;
    const { total, create, update, unchanged, error } = report.counts;
    const labels = text.actionLabels;
    const shown: Count[] = [
      { label: text.countTotal(report.kind, total), tone: 'neutral' },
      { label: `${labels.create} ${create}`, tone: 'neutral' },
    ];
    if (report.kind === 'lrmx') {
      shown.push({ label: `${labels.update} ${update}`, tone: 'neutral' }, { label: `${labels.unchanged} ${unchanged}`, tone: 'neutral' });
    }
    shown.push({ label: `${labels.error} ${error}`, tone: error ? 'bad' : 'neutral' });
    return shown;
  });

  /** Keys of the items whose changes are open; a new report starts with all closed. */
  private readonly expanded = linkedSignal<ImportReport | null, ReadonlySet<string>>({
    source: this.report,
    computation: () => new Set(),
  });

  /** An .lrmx problem names the element (ShenFenZheng); people know it by the form's label (身份证号). */
  protected columnLabel(column: string | null): string {
    if (column === null) return '';
    return Object.hasOwn(LRMX_ELEMENT_LABELS, column) ? LRMX_ELEMENT_LABELS[column as keyof typeof LRMX_ELEMENT_LABELS] : column;
  }

  /** Where a problem is: the row or file with the person it names, or the whole file. */
  protected placeOf(problem: ImportProblem): string {
    const text = this.messages().imports;
    if (problem.row !== null && this.kind() === 'excel') return text.rowOf(problem.row, problem.name);
    if (problem.file !== null) return text.fileOf(problem.file, problem.name);
    return text.wholeFile;
  }

  protected isExpanded(key: string): boolean {
    return this.expanded().has(key);
  }

  protected toggle(key: string): void {
    this.expanded.update((open) => {
      const next = new Set(open);
      if (!next.delete(key)) next.add(key);
      return next;
    });
  }
}
