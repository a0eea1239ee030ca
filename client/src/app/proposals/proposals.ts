import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, DestroyRef, computed, inject, linkedSignal, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable, toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule, type MatButtonToggleChange } from '@angular/material/button-toggle';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import type { PageEvent } from '@angular/material/paginator';
import { MatSelectModule, type MatSelectChange } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { RouterLink } from '@angular/router';
import { ProposalDecisionSchema, type AdjustmentProposal, type ProposalDecision } from '@cadre/shared-models';
import { catchError, filter, map, of, startWith, switchMap } from 'rxjs';
import { AuthSession } from '../core/auth/auth-session';
import { describeFailure } from '../core/http/describe-failure';
import { FailureNotice } from '../core/http/failure-notice';
import { I18n } from '../core/i18n/i18n';
import { providePaginatorI18n } from '../core/i18n/provide-paginator-i18n';
import { PagedTableCard } from '../core/layout/paged-table-card';
import { ReasonedDecisionDialog, type ReasonedDecisionData } from '../core/dialogs/reasoned-decision-dialog';
import { ProposalsApi, type ProposalList, type ProposalStatus } from './proposals-api';

const PAGE_SIZES = [10, 20, 50];

export type StatusFilter = ProposalStatus | 'all';
const STATUS_FILTERS: readonly StatusFilter[] = ['pending', 'accepted', 'rejected', 'all'];

type ListState =
  | { readonly status: 'loading' }
  | { readonly status: 'loaded'; readonly list: ProposalList }
  | { readonly status: 'failed'; readonly error: unknown };

/**
 * Adjustment proposals raised when cycles lock (能上能下): the platform proposes, the organization
 * department accepts or rejects each with a reason; assessors read along.
 */
@Component({
  selector: 'cadre-proposals',
  imports: [
    DatePipe,
    MatButtonModule,
    MatButtonToggleModule,
    MatFormFieldModule,
    MatSelectModule,
    RouterLink,
    FailureNotice,
    PagedTableCard,
  ],
  providers: [providePaginatorI18n()],
  templateUrl: './proposals.html',
  styleUrl: './proposals.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class Proposals {
  private readonly api = inject(ProposalsApi);
  private readonly session = inject(AuthSession);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly destroyRef = inject(DestroyRef);
  private readonly i18n = inject(I18n);

  protected readonly messages = this.i18n.messages;
  protected readonly language = this.i18n.language;
  protected readonly pageSizes = PAGE_SIZES;
  protected readonly statusFilters = STATUS_FILTERS;
  protected readonly canDecide = computed(() => this.session.can('proposal:decide'));

  protected readonly statusFilter = signal<StatusFilter>('pending');
  protected readonly cycleFilter = signal<string | null>(null);
  /** Another filter starts again at the first page. */
  protected readonly pageIndex = linkedSignal({ source: computed(() => [this.statusFilter(), this.cycleFilter()]), computation: () => 0 });
  protected readonly pageSize = signal(PAGE_SIZES[1]!);
  private readonly reloads = signal(0);

  /** The cycles proposals came from: only locked cycles raise any. */
  protected readonly cycles = toSignal(
    this.api.lockedCycles().pipe(
      map((list) => list.items),
      // The filter is a convenience: without it the list still shows every cycle's proposals.
      catchError(() => of([])),
    ),
    { initialValue: [] },
  );

  private readonly query = computed(() => ({
    status: this.statusFilter(),
    cycleId: this.cycleFilter(),
    page: this.pageIndex(),
    size: this.pageSize(),
    reload: this.reloads(),
  }));
  protected readonly state = toSignal(
    toObservable(this.query).pipe(
      switchMap(({ status, cycleId, page, size }) =>
        this.api.list({ status: status === 'all' ? undefined : status, cycleId: cycleId ?? undefined, page, size }).pipe(
          map((list): ListState => ({ status: 'loaded', list })),
          catchError((error: unknown) => of<ListState>({ status: 'failed', error })),
          startWith<ListState>({ status: 'loading' }),
        ),
      ),
    ),
    { initialValue: { status: 'loading' } as ListState },
  );
  /** The proposals stay on screen while the next page loads, so the list does not jump. */
  protected readonly list = linkedSignal<ListState, ProposalList>({
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

  protected filterByCycle(change: MatSelectChange): void {
    this.cycleFilter.set((change.value as string | null) ?? null);
  }

  protected changePage(event: PageEvent): void {
    this.pageSize.set(event.pageSize);
    this.pageIndex.set(event.pageIndex);
  }

  protected reload(): void {
    this.reloads.update((count) => count + 1);
  }

  protected decide(proposal: AdjustmentProposal, decision: ProposalDecision['decision']): void {
    const text = this.messages().proposals;
    const data: ReasonedDecisionData<AdjustmentProposal> = {
      title: decision === 'accepted' ? text.acceptTitle : text.rejectTitle,
      confirm: decision === 'accepted' ? text.accept : text.reject,
      summary: text.decisionSummary(proposal.cadreName, text.actions[proposal.action]),
      facts: [{ label: text.basis, text: proposal.basis }],
      hint: text.decisionHint,
      reasonLabel: text.decisionReason,
      reasonHint: text.decisionReasonHint,
      reasonSchema: ProposalDecisionSchema.shape.reason,
      decide: (reason) => this.api.decide(proposal.id, { decision, reason }),
    };
    this.dialog
      .open<ReasonedDecisionDialog<AdjustmentProposal>, ReasonedDecisionData<AdjustmentProposal>, AdjustmentProposal>(ReasonedDecisionDialog, {
        data,
        width: '560px',
        maxWidth: '95vw',
      })
      .afterClosed()
      .pipe(
        filter((decided): decided is AdjustmentProposal => decided !== undefined),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe((decided) => {
        this.reload();
        const message = decided.status === 'accepted' ? text.acceptedDone(decided.cadreName) : text.rejectedDone(decided.cadreName);
        this.snackBar.open(message, undefined, { duration: 4000 });
      });
  }
}
