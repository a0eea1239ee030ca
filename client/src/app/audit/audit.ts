import { BreakpointObserver } from '@angular/cdk/layout';
import { DatePipe, NgTemplateOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, linkedSignal, signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDatepickerModule } from '@angular/material/datepicker';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import type { PageEvent } from '@angular/material/paginator';
import { MatSelectModule } from '@angular/material/select';
import { MatTableModule } from '@angular/material/table';
import { AUDIT_ACTION_LABELS, AUDIT_OBJECT_TYPE_LABELS, AUDIT_RESULTS, AuditQuerySchema, type AuditPage } from '@cadre/shared-models';
import { catchError, map, of, startWith, switchMap } from 'rxjs';
import { AuthSession } from '../core/auth/auth-session';
import { describeControlErrors, schemaValidator } from '../core/forms/schema-validator';
import { describeFailure } from '../core/http/describe-failure';
import { FailureNotice } from '../core/http/failure-notice';
import { I18n } from '../core/i18n/i18n';
import { provideDatepickerI18n } from '../core/i18n/provide-datepicker-i18n';
import { providePaginatorI18n } from '../core/i18n/provide-paginator-i18n';
import { PagedTableCard } from '../core/layout/paged-table-card';
import { HANDSET_QUERY } from '../core/shell/shell';
import { AuditRecordDetail } from './audit-record-detail';
import { buildAuditRow, type AuditRow } from './audit-rows';
import { AuditApi } from './audit-api';
import { buildAuditFilterParams, NO_AUDIT_FILTERS, type AuditFilters, type AuditResult } from './audit-query';
import { AuditVerificationCard } from './audit-verification-card';

// At most 100: the server names the objects of every record on the page by `_id`.
const PAGE_SIZES = [20, 50, 100];

type PageState =
  | { readonly status: 'loading' }
  | { readonly status: 'loaded'; readonly page: AuditPage }
  | { readonly status: 'failed'; readonly error: unknown };

const query = AuditQuerySchema.shape;

/** Choices of the action and object type filters, in the order of their labels. */
const byLabel = (labels: Record<string, string>) =>
  Object.entries(labels)
    .map(([value, label]) => ({ value, label }))
    .sort((a, b) => a.label.localeCompare(b.label, 'zh-CN'));
const ACTION_CHOICES = byLabel(AUDIT_ACTION_LABELS);
// Two stored names mean a cycle; one choice per label, the one the current code records.
const OBJECT_TYPE_CHOICES = byLabel(AUDIT_OBJECT_TYPE_LABELS).filter((choice) => choice.value !== 'assessment_cycle');

/**
 * The audit administrator's view of the log, in Chinese: the chain verification first, then
 * filters, then records by action label and object name; a row opens to its before/after.
 */
@Component({
  selector: 'cadre-audit',
  imports: [
    DatePipe,
    NgTemplateOutlet,
    ReactiveFormsModule,
    MatButtonModule,
    MatDatepickerModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    MatTableModule,
    AuditRecordDetail,
    AuditVerificationCard,
    FailureNotice,
    PagedTableCard,
  ],
  providers: [provideDatepickerI18n(), providePaginatorI18n()],
  templateUrl: './audit.html',
  styleUrl: './audit.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class Audit {
  private readonly api = inject(AuditApi);
  private readonly session = inject(AuthSession);
  private readonly i18n = inject(I18n);

  protected readonly messages = this.i18n.messages;
  protected readonly language = this.i18n.language;
  protected readonly errorsOf = describeControlErrors;
  protected readonly results = AUDIT_RESULTS;
  protected readonly pageSizes = PAGE_SIZES;
  protected readonly actionChoices = ACTION_CHOICES;
  protected readonly objectTypeChoices = OBJECT_TYPE_CHOICES;
  private readonly breakpoints = inject(BreakpointObserver);
  /** On a phone one column tells the whole record; the details open below it as on a desktop. */
  protected readonly handset = toSignal(this.breakpoints.observe(HANDSET_QUERY).pipe(map((state) => state.matches)), {
    initialValue: this.breakpoints.isMatched(HANDSET_QUERY),
  });
  protected readonly columns = computed(() =>
    this.handset() ? ['summary', 'expand'] : ['seq', 'time', 'user', 'action', 'object', 'result', 'expand'],
  );
  protected readonly expanded = signal<number | null>(null);
  /** On a phone the filters fold away, so the records are what the auditor sees first. */
  protected readonly filtersOpen = signal(false);
  protected readonly canExport = computed(() => this.session.can('audit:export'));
  protected readonly canVerify = computed(() => this.session.can('audit:verify'));

  protected readonly filters = new FormGroup({
    username: new FormControl('', { nonNullable: true, validators: schemaValidator(query.username) }),
    action: new FormControl('', { nonNullable: true, validators: schemaValidator(query.action) }),
    objectType: new FormControl('', { nonNullable: true, validators: schemaValidator(query.objectType) }),
    objectId: new FormControl('', { nonNullable: true, validators: schemaValidator(query.objectId) }),
    result: new FormControl<AuditResult | ''>('', { nonNullable: true }),
    from: new FormControl<Date | null>(null),
    to: new FormControl<Date | null>(null),
  });

  /** The filters of the last search; the form may hold edits not searched for yet. */
  private readonly applied = signal<AuditFilters>(NO_AUDIT_FILTERS);
  private readonly params = computed(() => buildAuditFilterParams(this.applied()));
  protected readonly pageIndex = linkedSignal({ source: this.applied, computation: () => 0 });
  protected readonly pageSize = signal(PAGE_SIZES[1]!);
  private readonly reloads = signal(0);

  private readonly request = computed(() => ({
    params: this.params(),
    page: this.pageIndex(),
    size: this.pageSize(),
    reload: this.reloads(),
  }));
  protected readonly state = toSignal(
    toObservable(this.request).pipe(
      switchMap(({ params, page, size }) =>
        this.api.list(params, page, size).pipe(
          map((result): PageState => ({ status: 'loaded', page: result })),
          catchError((error: unknown) => of<PageState>({ status: 'failed', error })),
          startWith<PageState>({ status: 'loading' }),
        ),
      ),
    ),
    { initialValue: { status: 'loading' } as PageState },
  );
  protected readonly page = linkedSignal<PageState, AuditPage>({
    source: this.state,
    computation: (state, previous) =>
      state.status === 'loaded' ? state.page : (previous?.value ?? { items: [], total: 0, names: {} }),
  });
  // Labels are resolved here because mat-table hands rows to the template untyped.
  protected readonly rows = computed((): Array<AuditRow & { resultLabel: string }> => {
    const text = this.messages().audit;
    const words = { empty: text.valueEmpty, yes: text.yes, no: text.no, items: text.items };
    const { items, names } = this.page();
    return items.map((record) => ({ ...buildAuditRow(record, names, words), resultLabel: text.results[record.result] }));
  });
  protected readonly failure = computed(() => {
    const state = this.state();
    return state.status === 'failed' ? describeFailure(state.error, this.messages()) : null;
  });
  /** The export follows the searched filters, so the file matches the table the auditor sees. */
  protected readonly exportUrl = computed(() => this.api.exportUrl(this.params()));

  protected search(): void {
    if (this.filters.invalid) {
      this.filters.markAllAsTouched();
      return;
    }
    this.applied.set(this.filters.getRawValue());
    // Searching again with the same filters is how an auditor asks for the newest records.
    this.reloads.update((count) => count + 1);
  }

  protected reset(): void {
    this.filters.reset();
    this.applied.set(NO_AUDIT_FILTERS);
  }

  protected reload(): void {
    this.reloads.update((count) => count + 1);
  }

  protected toggle(seq: number): void {
    this.expanded.update((current) => (current === seq ? null : seq));
  }

  protected changePage(event: PageEvent): void {
    this.pageSize.set(event.pageSize);
    this.pageIndex.set(event.pageIndex);
  }
}
