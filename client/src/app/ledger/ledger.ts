import { ChangeDetectionStrategy, Component, DestroyRef, computed, effect, inject, linkedSignal, signal, untracked } from '@angular/core';
import { takeUntilDestroyed, toObservable, toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatDialog } from '@angular/material/dialog';
import type { PageEvent } from '@angular/material/paginator';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatSortModule, type Sort } from '@angular/material/sort';
import { MatTableModule } from '@angular/material/table';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import {
  LEDGER_COLUMN_KEYS,
  LEDGER_SORT_KEYS,
  LedgerSortSchema,
  LrmxExportRequestSchema,
  MAX_LEDGER_EXPORT_ROWS,
  type LedgerColumn,
  type LedgerFilter,
  type LedgerPage,
  type LedgerQuery,
  type LedgerRow,
  type LedgerView,
} from '@cadre/shared-models';
import { catchError, map, of, startWith, switchMap, type Observable } from 'rxjs';
import { AuthSession } from '../core/auth/auth-session';
import { describeFailure } from '../core/http/describe-failure';
import { FailureNotice } from '../core/http/failure-notice';
import { I18n } from '../core/i18n/i18n';
import { providePaginatorI18n } from '../core/i18n/provide-paginator-i18n';
import { PagedTableCard } from '../core/layout/paged-table-card';
import { FileSaver, type DownloadedFile } from './file-download';
import { LedgerApi } from './ledger-api';
import { LedgerColumnPreference, dottedMonth, normalizeColumns } from './ledger-columns';
import { LedgerColumnsDialog } from './ledger-columns-dialog';
import { LedgerFilters } from './ledger-filters';
import { LEDGER_PAGE_SIZES, NO_FILTER, countActiveFilters, filterOf, ledgerQueryFromParams, ledgerQueryToParams } from './ledger-query';
import { LedgerViews, type LedgerSettings } from './ledger-views';

type PageState =
  | { readonly status: 'loading' }
  | { readonly status: 'loaded'; readonly page: LedgerPage }
  | { readonly status: 'failed'; readonly error: unknown };

/** A row with every cell already in display form, since mat-table hands rows to the template untyped. */
interface DisplayRow {
  readonly id: string;
  readonly name: string;
  readonly tags: readonly string[];
  readonly cells: Readonly<Record<LedgerColumn, string>>;
}

const SORTABLE = new Set<string>(LEDGER_SORT_KEYS);

/** Columns whose long texts are cut short with an ellipsis so the default columns fit a laptop; the cell's title has them whole. */
const CLIPPED_COLUMNS: ReadonlySet<string> = new Set<LedgerColumn>(['unitName', 'post', 'school', 'tags', 'nativePlace']);

/**
 * The ledger (台账): the cadres of the caller's scope, filtered, sorted and paged on the server.
 * Filters, sort and paging live in the address so a view can be linked and the back button
 * steps through it; the columns are a per-user preference, saved with views.
 */
@Component({
  selector: 'cadre-ledger',
  imports: [
    MatButtonModule,
    MatCheckboxModule,
    MatSortModule,
    MatTableModule,
    RouterLink,
    FailureNotice,
    LedgerFilters,
    LedgerViews,
    PagedTableCard,
  ],
  providers: [providePaginatorI18n()],
  templateUrl: './ledger.html',
  styleUrl: './ledger.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class Ledger {
  private readonly api = inject(LedgerApi);
  private readonly route = inject(ActivatedRoute);
  private readonly router = inject(Router);
  private readonly session = inject(AuthSession);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly saver = inject(FileSaver);
  private readonly preference = inject(LedgerColumnPreference);
  private readonly destroyRef = inject(DestroyRef);

  protected readonly messages = inject(I18n).messages;
  protected readonly pageSizes = LEDGER_PAGE_SIZES;
  protected readonly allColumns = LEDGER_COLUMN_KEYS;
  protected readonly clipped = CLIPPED_COLUMNS;
  protected readonly canExport = computed(() => this.session.can('cadre:export'));


  /** The state of the page as the address bar says. */
  protected readonly query = toSignal(this.route.queryParamMap.pipe(map(ledgerQueryFromParams)), { requireSync: true });
  protected readonly filter = computed(() => filterOf(this.query()), { equal: (a, b) => JSON.stringify(a) === JSON.stringify(b) });
  protected readonly filtered = computed(() => countActiveFilters(this.filter()) > 0);

  private readonly userId = this.session.me()?.id ?? '';
  protected readonly columns = signal<readonly LedgerColumn[]>(this.preference.load(this.userId));
  protected readonly displayedColumns = computed(() => [...(this.canExport() ? ['select'] : []), ...this.columns()]);
  protected readonly settings = computed(
    (): LedgerSettings => ({ filter: this.filter(), sort: this.query().sort, direction: this.query().direction, columns: this.columns() }),
  );

  private readonly reloads = signal(0);
  private readonly request = computed(() => ({ query: this.query(), reload: this.reloads() }));
  protected readonly state = toSignal(
    toObservable(this.request).pipe(
      switchMap(({ query }) =>
        this.api.page(query).pipe(
          map((page): PageState => ({ status: 'loaded', page })),
          catchError((error: unknown) => of<PageState>({ status: 'failed', error })),
          startWith<PageState>({ status: 'loading' }),
        ),
      ),
    ),
    { initialValue: { status: 'loading' } as PageState },
  );
  /** The rows stay on screen while the next page loads, so the table does not jump; null before the first. */
  protected readonly page = linkedSignal<PageState, LedgerPage | null>({
    source: this.state,
    computation: (state, previous) => (state.status === 'loaded' ? state.page : (previous?.value ?? null)),
  });
  protected readonly total = computed(() => this.page()?.total ?? 0);
  protected readonly rows = computed(() => (this.page()?.items ?? []).map((row) => this.display(row)));
  protected readonly failure = computed(() => {
    const state = this.state();
    return state.status === 'failed' ? describeFailure(state.error, this.messages()) : null;
  });

  /** Ids of the chosen cadres, kept across pages so one export can gather several pages. */
  protected readonly selection = signal<ReadonlySet<string>>(new Set());
  protected readonly pageSelection = computed(() => {
    const selected = this.rows().filter((row) => this.selection().has(row.id)).length;
    return { all: selected > 0 && selected === this.rows().length, some: selected > 0 && selected < this.rows().length };
  });
  protected readonly exporting = signal<'excel' | 'lrmx' | null>(null);

  constructor() {
    // A page past the end (an old link, or rows gone since) shows the last page that has rows.
    effect(() => {
      const state = this.state();
      const query = untracked(this.query);
      if (state.status !== 'loaded' || state.page.items.length > 0 || state.page.total === 0 || query.page === 0) return;
      const last = Math.ceil(state.page.total / query.size) - 1;
      this.navigate({ ...query, page: Math.min(query.page, last) }, { replaceUrl: true });
    });
  }

  protected isSortable(column: string): boolean {
    return SORTABLE.has(column);
  }

  /** The whole text of a clipped cell, for its tooltip. */
  protected titleOf(row: DisplayRow, column: LedgerColumn): string {
    return column === 'tags' ? row.tags.join('、') : row.cells[column];
  }

  protected changeFilter(filter: LedgerFilter): void {
    const { sort, direction, size } = this.query();
    this.navigate({ ...filter, sort, direction, size, page: 0 });
  }

  protected clearFilters(): void {
    this.changeFilter(NO_FILTER);
  }

  protected changeSort(sort: Sort): void {
    const parsed = LedgerSortSchema.safeParse(sort.active);
    if (!parsed.success || !sort.direction) return;
    this.navigate({ ...this.query(), sort: parsed.data, direction: sort.direction, page: 0 });
  }

  protected changePage(event: PageEvent): void {
    this.navigate({ ...this.query(), page: event.pageIndex, size: event.pageSize });
  }

  protected reload(): void {
    this.reloads.update((count) => count + 1);
  }

  protected chooseColumns(): void {
    this.dialog
      .open<LedgerColumnsDialog, readonly LedgerColumn[], LedgerColumn[]>(LedgerColumnsDialog, {
        data: this.columns(),
        width: '480px',
        maxWidth: '95vw',
      })
      .afterClosed()
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe((columns) => {
        if (columns) this.setColumns(columns);
      });
  }

  protected applyView(view: LedgerView): void {
    this.setColumns(view.columns);
    this.navigate({ ...view.filter, sort: view.sort, direction: view.direction, size: this.query().size, page: 0 });
  }

  protected toggleRow(row: DisplayRow, checked: boolean): void {
    this.selection.update((selection) => {
      const next = new Set(selection);
      if (checked) next.add(row.id);
      else next.delete(row.id);
      return next;
    });
  }

  protected togglePage(checked: boolean): void {
    this.selection.update((selection) => {
      const next = new Set(selection);
      for (const row of this.rows()) {
        if (checked) next.add(row.id);
        else next.delete(row.id);
      }
      return next;
    });
  }

  protected clearSelection(): void {
    this.selection.set(new Set());
  }

  protected exportExcel(): void {
    const text = this.messages().ledger;
    const total = this.total();
    // The count on screen is for exactly these filters, so a file the server would refuse is not asked for.
    if (total > MAX_LEDGER_EXPORT_ROWS) {
      this.snackBar.open(text.exportTooLarge(total, MAX_LEDGER_EXPORT_ROWS), this.messages().common.close);
      return;
    }
    const { sort, direction } = this.query();
    this.download('excel', this.api.exportExcel({ ...this.filter(), sort, direction, columns: [...this.columns()] }));
  }

  protected exportLrmx(): void {
    const ids = [...this.selection()];
    // The shared rule caps one export; its limit is read from the refusal, so the two cannot drift apart.
    const refusal = LrmxExportRequestSchema.safeParse({ cadreIds: ids }).error?.issues[0];
    if (refusal?.code === 'too_big') {
      this.snackBar.open(this.messages().ledger.lrmxTooMany(Number(refusal.maximum)), this.messages().common.close);
      return;
    }
    this.download('lrmx', this.api.exportLrmx(ids));
  }

  private download(kind: 'excel' | 'lrmx', request: Observable<DownloadedFile>): void {
    this.exporting.set(kind);
    request.pipe(takeUntilDestroyed(this.destroyRef)).subscribe({
      next: (file) => {
        this.exporting.set(null);
        this.saver.save(file);
      },
      error: (error: unknown) => {
        this.exporting.set(null);
        const failure = describeFailure(error, this.messages());
        const reason = failure.detail ? `${failure.title} ${failure.detail}` : failure.title;
        this.snackBar.open(this.messages().ledger.exportFailed(reason), this.messages().common.close);
      },
    });
  }

  private setColumns(columns: readonly string[]): void {
    const normalized = normalizeColumns(columns);
    this.columns.set(normalized);
    this.preference.save(this.userId, normalized);
  }

  private navigate(query: LedgerQuery, options: { replaceUrl?: boolean } = {}): void {
    void this.router.navigate([], { relativeTo: this.route, queryParams: ledgerQueryToParams(query), ...options });
  }

  private display(row: LedgerRow): DisplayRow {
    const values = this.messages().ledger.values;
    const cells: Record<LedgerColumn, string> = {
      name: row.name,
      sex: values.sex[row.sex],
      birthMonth: dottedMonth(row.birthMonth),
      age: String(row.age),
      ethnicity: row.ethnicity,
      nativePlace: row.nativePlace || '—',
      politicalStatus: values.politicalStatus[row.politicalStatus],
      partyJoinMonth: dottedMonth(row.partyJoinMonth),
      workStartMonth: dottedMonth(row.workStartMonth),
      education: values.education[row.education],
      degree: values.degree[row.degree],
      school: row.school || '—',
      unitName: row.unitName,
      post: row.post,
      postLevel: values.postLevel[row.postLevel],
      rank: values.rank[row.rank],
      postStartMonth: dottedMonth(row.postStartMonth),
      category: values.category[row.category],
      appointmentType: values.appointmentType[row.appointmentType],
      professionalTitle: row.professionalTitle || '—',
      tags: row.tags.join('、'),
      idNumberMasked: row.idNumberMasked ?? '—',
    };
    return { id: row.id, name: row.name, tags: row.tags, cells };
  }
}
