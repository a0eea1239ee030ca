import { ChangeDetectionStrategy, Component, computed, inject, linkedSignal, signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule, type MatButtonToggleChange } from '@angular/material/button-toggle';
import type { PageEvent } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { CYCLE_STATUSES, type CycleStatus } from '@cadre/shared-models';
import { catchError, map, of, startWith, switchMap } from 'rxjs';
import { AuthSession } from '../core/auth/auth-session';
import { describeFailure } from '../core/http/describe-failure';
import { FailureNotice } from '../core/http/failure-notice';
import { I18n } from '../core/i18n/i18n';
import { providePaginatorI18n } from '../core/i18n/provide-paginator-i18n';
import { PagedTableCard } from '../core/layout/paged-table-card';
import { CycleStatusBadge } from './cycle-status-badge';
import { CyclesApi, type CycleList as CyclePage } from './cycles-api';

const PAGE_SIZES = [10, 20, 50];
type StatusFilter = CycleStatus | 'all';

type ListState =
  | { readonly status: 'loading' }
  | { readonly status: 'loaded'; readonly list: CyclePage }
  | { readonly status: 'failed'; readonly error: unknown };

/** The assessment cycles, newest first, with their state and how many forms are in. */
@Component({
  selector: 'cadre-cycle-list',
  imports: [MatButtonModule, MatButtonToggleModule, MatProgressBarModule, RouterLink, CycleStatusBadge, FailureNotice, PagedTableCard],
  providers: [providePaginatorI18n()],
  templateUrl: './cycle-list.html',
  styleUrl: './cycle-list.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CycleList {
  private readonly api = inject(CyclesApi);
  protected readonly messages = inject(I18n).messages;
  private readonly session = inject(AuthSession);
  protected readonly canManage = computed(() => this.session.can('cycle:manage'));
  protected readonly pageSizes = PAGE_SIZES;
  protected readonly statusFilters: readonly StatusFilter[] = ['all', ...CYCLE_STATUSES];

  protected readonly statusFilter = signal<StatusFilter>('all');
  protected readonly pageIndex = linkedSignal({ source: this.statusFilter, computation: () => 0 });
  protected readonly pageSize = signal(PAGE_SIZES[1]!);
  private readonly reloads = signal(0);

  protected readonly state = toSignal(
    toObservable(computed(() => ({ status: this.statusFilter(), page: this.pageIndex(), size: this.pageSize(), reload: this.reloads() }))).pipe(
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
  protected readonly list = linkedSignal<ListState, CyclePage>({
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

  protected percent(submitted: number, total: number): number {
    return total === 0 ? 0 : (submitted * 100) / total;
  }
}
