import { ChangeDetectionStrategy, Component, DestroyRef, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatAutocompleteModule, type MatAutocompleteSelectedEvent } from '@angular/material/autocomplete';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { AssignmentEditSchema, type LedgerRow, type RateeAssignment, type RaterGroup } from '@cadre/shared-models';
import { catchError, debounceTime, distinctUntilChanged, map, of, switchMap } from 'rxjs';
import { describeConflict } from '../core/http/describe-conflict';
import { describeFailure, type FailureDescription } from '../core/http/describe-failure';
import { I18n } from '../core/i18n/i18n';
import { LedgerApi } from '../ledger/ledger-api';
import { DEFAULT_LEDGER_QUERY } from '../ledger/ledger-query';
import { CyclesApi } from './cycles-api';

export interface RatersDialogData {
  readonly cycleId: string;
  readonly cadreId: string;
  readonly cadreName: string;
  /** The rater groups of the cycle, which are the roles a new rater can take. */
  readonly groups: readonly RaterGroup[];
}

interface PendingRater {
  readonly raterId: string;
  readonly raterName: string;
  readonly group: RaterGroup;
}

const SEARCH_DEBOUNCE_MS = 300;
const SEARCH_SIZE = 10;

function keyOf(rater: { raterId: string; group: RaterGroup }): string {
  return `${rater.group}:${rater.raterId}`;
}

/**
 * Adds and removes the raters of one ratee. Changes are collected and sent in one request, so a
 * refusal leaves the assignment as it was; a rater who already submitted cannot be removed.
 */
@Component({
  selector: 'cadre-raters-dialog',
  imports: [
    ReactiveFormsModule,
    MatAutocompleteModule,
    MatButtonModule,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
  ],
  templateUrl: './raters-dialog.html',
  styleUrl: './raters-dialog.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RatersDialog {
  protected readonly data = inject<RatersDialogData>(MAT_DIALOG_DATA);
  private readonly dialogRef = inject<MatDialogRef<RatersDialog, RateeAssignment>>(MatDialogRef);
  private readonly api = inject(CyclesApi);
  private readonly ledger = inject(LedgerApi);
  private readonly destroyRef = inject(DestroyRef);
  protected readonly messages = inject(I18n).messages;

  protected readonly assignment = signal<RateeAssignment | null>(null);
  protected readonly loadFailure = signal<FailureDescription | null>(null);
  protected readonly failure = signal<FailureDescription | null>(null);
  protected readonly busy = signal(false);
  protected readonly removals = signal<ReadonlySet<string>>(new Set());
  protected readonly additions = signal<readonly PendingRater[]>([]);
  protected readonly addProblem = signal<string | null>(null);
  /** Raters are others; the ratee's own form (本人) is not handed out here. */
  protected readonly addableGroups = this.data.groups.filter((group) => group !== 'self');
  protected readonly group = new FormControl<RaterGroup>(this.addableGroups[0] ?? 'peer', { nonNullable: true });
  protected readonly raterInput = new FormControl<string | LedgerRow>('', { nonNullable: true });
  protected readonly displayRater = (value: string | LedgerRow | null): string => (typeof value === 'string' ? value : (value?.name ?? ''));

  protected readonly matches = toSignal(
    this.raterInput.valueChanges.pipe(
      map((value) => (typeof value === 'string' ? value.trim() : '')),
      debounceTime(SEARCH_DEBOUNCE_MS),
      distinctUntilChanged(),
      switchMap((q) =>
        q
          ? this.ledger.page({ ...DEFAULT_LEDGER_QUERY, q, size: SEARCH_SIZE }).pipe(
              map((page) => page.items.filter((row) => row.id !== this.data.cadreId)),
              catchError(() => of([])),
            )
          : of([]),
      ),
    ),
    { initialValue: [] },
  );
  protected readonly searched = toSignal(this.raterInput.valueChanges.pipe(map((value) => typeof value === 'string' && value.trim() !== '')), {
    initialValue: false,
  });
  protected readonly raters = computed(() => {
    const removals = this.removals();
    return (this.assignment()?.raters ?? []).map((rater) => ({ ...rater, removing: removals.has(keyOf(rater)) }));
  });
  protected readonly changed = computed(() => this.removals().size > 0 || this.additions().length > 0);

  constructor() {
    this.api
      .assignment(this.data.cycleId, this.data.cadreId)
      .pipe(takeUntilDestroyed())
      .subscribe({
        next: (assignment) => this.assignment.set(assignment),
        error: (error: unknown) => this.loadFailure.set(describeFailure(error, this.messages())),
      });
  }

  protected toggleRemoval(rater: { raterId: string; group: RaterGroup }): void {
    const key = keyOf(rater);
    this.removals.update((current) => {
      const next = new Set(current);
      if (!next.delete(key)) next.add(key);
      return next;
    });
  }

  protected chooseRater(event: MatAutocompleteSelectedEvent): void {
    const row = event.option.value as LedgerRow;
    const candidate: PendingRater = { raterId: row.id, raterName: row.name, group: this.group.value };
    const key = keyOf(candidate);
    this.raterInput.setValue('');
    const assigned = (this.assignment()?.raters ?? []).some((rater) => keyOf(rater) === key && !this.removals().has(key));
    if (assigned || this.additions().some((added) => keyOf(added) === key)) {
      this.addProblem.set(this.messages().cycles.alreadyAssigned);
      return;
    }
    this.addProblem.set(null);
    this.additions.update((current) => [...current, candidate]);
  }

  protected dropAddition(index: number): void {
    this.additions.update((current) => current.filter((_, i) => i !== index));
  }

  protected save(): void {
    const assignment = this.assignment();
    if (!assignment) return;
    const remove = assignment.raters.filter((rater) => this.removals().has(keyOf(rater))).map(({ raterId, group }) => ({ raterId, group }));
    const add = this.additions().map(({ raterId, group }) => ({ raterId, group }));
    const edit = AssignmentEditSchema.parse({ revision: assignment.revision, add, remove });
    this.busy.set(true);
    this.failure.set(null);
    this.api
      .editAssignment(this.data.cycleId, this.data.cadreId, edit)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (saved) => this.dialogRef.close(saved),
        error: (error: unknown) => {
          this.busy.set(false);
          const conflict = describeConflict(error, this.messages().cycles.conflict);
          this.failure.set(conflict ? { title: conflict, detail: null, requestId: null } : describeFailure(error, this.messages()));
        },
      });
  }
}
