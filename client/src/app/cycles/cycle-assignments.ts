import { ChangeDetectionStrategy, Component, DestroyRef, computed, inject, input, linkedSignal, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable, toSignal } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import type { PageEvent } from '@angular/material/paginator';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { RouterLink } from '@angular/router';
import { RATER_GROUPS, scopeFor, type Cycle, type RateeAssignment } from '@cadre/shared-models';
import { catchError, debounceTime, distinctUntilChanged, filter, map, of, startWith, switchMap } from 'rxjs';
import { UnitsApi } from '../admin/units/units-api';
import { AuthSession } from '../core/auth/auth-session';
import { describeFailure } from '../core/http/describe-failure';
import { FailureNotice } from '../core/http/failure-notice';
import { I18n } from '../core/i18n/i18n';
import { providePaginatorI18n } from '../core/i18n/provide-paginator-i18n';
import { PagedTableCard } from '../core/layout/paged-table-card';
import { buildUnitOptions } from '../ledger/unit-options';
import { CyclesApi, type RateeAssignmentList, type RateeAssignmentRow } from './cycles-api';
import { RatersDialog, type RatersDialogData } from './raters-dialog';

const PAGE_SIZES = [20, 50, 100];
const SEARCH_DEBOUNCE_MS = 300;

type ListState =
  | { readonly status: 'loading' }
  | { readonly status: 'loaded'; readonly list: RateeAssignmentList }
  | { readonly status: 'failed'; readonly error: unknown };

/** Who rates whom in a cycle: the ratees by unit and name, how many raters each group has, and their editor. */
@Component({
  selector: 'cadre-cycle-assignments',
  imports: [ReactiveFormsModule, RouterLink, MatButtonModule, MatFormFieldModule, MatInputModule, MatSelectModule, FailureNotice, PagedTableCard],
  providers: [providePaginatorI18n()],
  templateUrl: './cycle-assignments.html',
  styleUrl: './cycle-assignments.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CycleAssignments {
  /** The `:id` route parameter. */
  readonly id = input.required<string>();

  private readonly api = inject(CyclesApi);
  private readonly session = inject(AuthSession);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly destroyRef = inject(DestroyRef);
  protected readonly messages = inject(I18n).messages;
  protected readonly pageSizes = PAGE_SIZES;
  protected readonly groups = RATER_GROUPS;

  protected readonly cycle = toSignal(
    toObservable(this.id).pipe(switchMap((id) => this.api.get(id).pipe(catchError(() => of<Cycle | null>(null))))),
    { initialValue: null },
  );
  /** Raters change while the cycle is set up, and may still be added while forms are being filled. */
  protected readonly editable = computed(() => {
    const status = this.cycle()?.status;
    return this.session.can('cycle:manage') && (status === 'draft' || status === 'open');
  });
  protected readonly unitOptions = toSignal(
    inject(UnitsApi)
      .list()
      .pipe(
        map((units) => {
          const me = this.session.me();
          return buildUnitOptions(units, me ? scopeFor(me, 'cycle:read') : { kind: 'all' });
        }),
        catchError(() => of([])),
      ),
    { initialValue: [] },
  );

  protected readonly unitId = signal<string | null>(null);
  protected readonly search = new FormControl('', { nonNullable: true });
  private readonly q = toSignal(this.search.valueChanges.pipe(debounceTime(SEARCH_DEBOUNCE_MS), map((value) => value.trim()), distinctUntilChanged()), {
    initialValue: '',
  });
  protected readonly pageIndex = linkedSignal({ source: computed(() => [this.unitId(), this.q()]), computation: () => 0 });
  protected readonly pageSize = signal(PAGE_SIZES[0]!);
  private readonly reloads = signal(0);

  protected readonly state = toSignal(
    toObservable(
      computed(() => ({ id: this.id(), unitId: this.unitId(), q: this.q(), page: this.pageIndex(), size: this.pageSize(), reload: this.reloads() })),
    ).pipe(
      switchMap(({ id, unitId, q, page, size }) =>
        this.api.assignments(id, { unitId: unitId ?? undefined, q: q || undefined, page, size }).pipe(
          map((list): ListState => ({ status: 'loaded', list })),
          catchError((error: unknown) => of<ListState>({ status: 'failed', error })),
          startWith<ListState>({ status: 'loading' }),
        ),
      ),
    ),
    { initialValue: { status: 'loading' } as ListState },
  );
  protected readonly list = linkedSignal<ListState, RateeAssignmentList>({
    source: this.state,
    computation: (state, previous) => (state.status === 'loaded' ? state.list : (previous?.value ?? { items: [], total: 0 })),
  });
  protected readonly failure = computed(() => {
    const state = this.state();
    return state.status === 'failed' ? describeFailure(state.error, this.messages()) : null;
  });

  protected changePage(event: PageEvent): void {
    this.pageSize.set(event.pageSize);
    this.pageIndex.set(event.pageIndex);
  }

  protected reload(): void {
    this.reloads.update((count) => count + 1);
  }

  /** "上级 1 · 同级 5": the groups this ratee has raters in. */
  protected countsOf(row: RateeAssignmentRow): string {
    const labels = this.messages().ratings.groups;
    return this.groups
      .filter((group) => (row.raterCounts[group] ?? 0) > 0)
      .map((group) => `${labels[group]} ${row.raterCounts[group]}`)
      .join(' · ');
  }

  protected editRaters(row: RateeAssignmentRow): void {
    this.dialog
      .open<RatersDialog, RatersDialogData, RateeAssignment>(RatersDialog, {
        data: { cycleId: this.id(), cadreId: row.cadreId, cadreName: row.cadreName, groups: this.cycle()?.raterGroups.map((g) => g.group) ?? [...RATER_GROUPS] },
        width: '640px',
        maxWidth: '95vw',
      })
      .afterClosed()
      .pipe(
        filter((saved): saved is RateeAssignment => saved !== undefined),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe(() => {
        this.snackBar.open(this.messages().cycles.ratersSaved, undefined, { duration: 4000 });
        this.reload();
      });
  }
}
