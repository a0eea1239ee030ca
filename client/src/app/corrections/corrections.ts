import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, DestroyRef, computed, inject, linkedSignal, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable, toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule, type MatButtonToggleChange } from '@angular/material/button-toggle';
import { MatDialog } from '@angular/material/dialog';
import type { PageEvent } from '@angular/material/paginator';
import { MatSnackBar } from '@angular/material/snack-bar';
import { RouterLink } from '@angular/router';
import { CorrectionReasonSchema, type CadreRecord, type CorrectionDecision, type CorrectionRequest } from '@cadre/shared-models';
import { catchError, filter, map, of, startWith, switchMap, type Observable } from 'rxjs';
import { describeFailure } from '../core/http/describe-failure';
import { FailureNotice } from '../core/http/failure-notice';
import { I18n } from '../core/i18n/i18n';
import { providePaginatorI18n } from '../core/i18n/provide-paginator-i18n';
import { PagedTableCard } from '../core/layout/paged-table-card';
import { CorrectionStatusBadge } from './correction-status-badge';
import { CorrectionsApi, type CorrectionList, type CorrectionStatus } from './corrections-api';
import { ReasonedDecisionDialog, type ReasonedDecisionData } from '../core/dialogs/reasoned-decision-dialog';
import { CadresApi } from '../cadres/cadres-api';
import { CorrectionApproveDialog, type CorrectionApproveData } from './correction-approve-dialog';

const PAGE_SIZES = [10, 20, 50];

/** The status filter: one state, or every request. */
export type StatusFilter = CorrectionStatus | 'all';
const STATUS_FILTERS: readonly StatusFilter[] = ['pending', 'approved', 'rejected', 'all'];

type ListState =
  | { readonly status: 'loading' }
  | { readonly status: 'loaded'; readonly list: CorrectionList }
  | { readonly status: 'failed'; readonly error: unknown };

/**
 * Correction requests for a unit manager (their subtree) or the organization department (all):
 * each shows what the record says and what the cadre asks for; approving or rejecting needs a
 * reason. Approving shows the record's value beside the proposal and writes the approved value
 * into the record.
 */
@Component({
  selector: 'cadre-corrections',
  imports: [DatePipe, MatButtonModule, MatButtonToggleModule, RouterLink, CorrectionStatusBadge, FailureNotice, PagedTableCard],
  providers: [providePaginatorI18n()],
  templateUrl: './corrections.html',
  styleUrl: './corrections.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class Corrections {
  private readonly api = inject(CorrectionsApi);
  private readonly cadres = inject(CadresApi);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly destroyRef = inject(DestroyRef);
  private readonly i18n = inject(I18n);

  protected readonly messages = this.i18n.messages;
  protected readonly language = this.i18n.language;
  protected readonly pageSizes = PAGE_SIZES;
  protected readonly statusFilters = STATUS_FILTERS;

  protected readonly statusFilter = signal<StatusFilter>('pending');
  /** Another filter starts again at the first page. */
  protected readonly pageIndex = linkedSignal({ source: this.statusFilter, computation: () => 0 });
  protected readonly pageSize = signal(PAGE_SIZES[1]!);
  private readonly reloads = signal(0);

  private readonly query = computed(() => ({
    status: this.statusFilter(),
    page: this.pageIndex(),
    size: this.pageSize(),
    reload: this.reloads(),
  }));
  protected readonly state = toSignal(
    toObservable(this.query).pipe(
      switchMap(({ status, page, size }) =>
        this.api.list({ status: status === 'all' ? undefined : status, page, size }).pipe(
          map((list): ListState => ({ status: 'loaded', list })),
          catchError((error: unknown) => of<ListState>({ status: 'failed', error })),
          startWith<ListState>({ status: 'loading' }),
        ),
      ),
    ),
    { initialValue: { status: 'loading' } as ListState },
  );
  /** The requests stay on screen while the next page loads, so the list does not jump. */
  protected readonly list = linkedSignal<ListState, CorrectionList>({
    source: this.state,
    computation: (state, previous) => (state.status === 'loaded' ? state.list : (previous?.value ?? { items: [], total: 0 })),
  });
  protected readonly failure = computed(() => {
    const state = this.state();
    return state.status === 'failed' ? describeFailure(state.error, this.messages()) : null;
  });

  protected filterBy(change: MatButtonToggleChange): void {
    this.statusFilter.set(change.value as StatusFilter);
  }

  protected changePage(event: PageEvent): void {
    this.pageSize.set(event.pageSize);
    this.pageIndex.set(event.pageIndex);
  }

  protected reload(): void {
    this.reloads.update((count) => count + 1);
  }

  protected decide(request: CorrectionRequest, decision: CorrectionDecision['decision']): void {
    const decided = decision === 'approved' ? this.openApproval(request) : this.openRejection(request);
    decided.pipe(takeUntilDestroyed(this.destroyRef)).subscribe((result) => {
      this.reload();
      const text = this.messages().corrections;
      this.snackBar.open(result.status === 'approved' ? text.approvedDone(result.cadreName) : text.rejectedDone(result.cadreName), undefined, {
        duration: 4000,
      });
    });
  }

  /** The approval is made against the record as it stands now, read just before the dialog opens. */
  private openApproval(request: CorrectionRequest): Observable<CorrectionRequest> {
    return this.cadres.get(request.cadreId).pipe(
      catchError((error: unknown) => {
        const failure = describeFailure(error, this.messages());
        this.snackBar.open(`${this.messages().corrections.recordLoadFailed}：${failure.title}`, undefined, { duration: 6000 });
        return of<CadreRecord | null>(null);
      }),
      filter((record): record is CadreRecord => record !== null),
      switchMap((record) =>
        this.dialog
          .open<CorrectionApproveDialog, CorrectionApproveData, CorrectionRequest>(CorrectionApproveDialog, {
            data: { request, record },
            width: '720px',
            maxWidth: '95vw',
          })
          .afterClosed(),
      ),
      filter((decided): decided is CorrectionRequest => decided !== undefined),
    );
  }

  private openRejection(request: CorrectionRequest): Observable<CorrectionRequest> {
    const text = this.messages().corrections;
    const data: ReasonedDecisionData<CorrectionRequest> = {
      title: text.rejectTitle,
      confirm: text.reject,
      summary: text.decisionSummary(request.cadreName, text.fields[request.field]),
      facts: [
        { label: text.currentValue, text: request.currentValue || text.empty },
        { label: text.proposedValue, text: request.proposedValue },
      ],
      hint: null,
      reasonLabel: text.decisionReason,
      reasonHint: text.decisionReasonHint,
      reasonSchema: CorrectionReasonSchema,
      decide: (reason) => this.api.decide(request.id, { decision: 'rejected', reason }),
    };
    return this.dialog
      .open<ReasonedDecisionDialog<CorrectionRequest>, ReasonedDecisionData<CorrectionRequest>, CorrectionRequest>(ReasonedDecisionDialog, {
        data,
        width: '560px',
        maxWidth: '95vw',
      })
      .afterClosed()
      .pipe(filter((decided): decided is CorrectionRequest => decided !== undefined));
  }
}
