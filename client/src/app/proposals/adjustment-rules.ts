import { ChangeDetectionStrategy, Component, DestroyRef, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { RouterLink } from '@angular/router';
import { GRADES, PROPOSAL_ACTIONS, type AdjustmentRules } from '@cadre/shared-models';
import { Subject, catchError, map, of, startWith, switchMap } from 'rxjs';
import { describeControlErrors } from '../core/forms/schema-validator';
import { showSubmitFailure } from '../core/forms/server-errors';
import { describeFailure, type FailureDescription } from '../core/http/describe-failure';
import { FailureNotice } from '../core/http/failure-notice';
import { I18n } from '../core/i18n/i18n';
import { ProposalsApi } from './proposals-api';
import { buildRuleGroup, buildRulesForm, readRules, type RulesForm } from './rules-form';

type RulesState =
  | { readonly status: 'loading' }
  | { readonly status: 'loaded'; readonly rules: AdjustmentRules; readonly form: RulesForm }
  | { readonly status: 'failed'; readonly error: unknown };

/**
 * The organization department's rules for adjustment proposals: which consecutive annual results
 * (grades, or a place in the unit's top share) raise which proposal when a cycle locks.
 */
@Component({
  selector: 'cadre-adjustment-rules',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatButtonToggleModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    RouterLink,
    FailureNotice,
  ],
  templateUrl: './adjustment-rules.html',
  styleUrl: './adjustment-rules.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AdjustmentRulesEditor {
  private readonly api = inject(ProposalsApi);
  private readonly snackBar = inject(MatSnackBar);
  private readonly destroyRef = inject(DestroyRef);
  private readonly loads = new Subject<AdjustmentRules | null>();

  protected readonly messages = inject(I18n).messages;
  protected readonly errorsOf = describeControlErrors;
  protected readonly grades = GRADES;
  protected readonly actions = PROPOSAL_ACTIONS;

  /** A saved answer replaces the form directly; null asks the server again. */
  protected readonly state = toSignal(
    this.loads.pipe(
      startWith(null),
      switchMap((saved) =>
        saved
          ? of<RulesState>({ status: 'loaded', rules: saved, form: buildRulesForm(saved.rules) })
          : this.api.rules().pipe(
              map((rules): RulesState => ({ status: 'loaded', rules, form: buildRulesForm(rules.rules) })),
              catchError((error: unknown) => of<RulesState>({ status: 'failed', error })),
              startWith<RulesState>({ status: 'loading' }),
            ),
      ),
    ),
    { requireSync: true },
  );
  protected readonly failure = computed(() => {
    const state = this.state();
    return state.status === 'failed' ? describeFailure(state.error, this.messages()) : null;
  });
  protected readonly saving = signal(false);
  protected readonly saveFailure = signal<FailureDescription | null>(null);
  protected readonly invalidCount = signal(0);

  protected reload(): void {
    this.loads.next(null);
  }

  protected addRule(form: RulesForm): void {
    form.controls.rules.push(buildRuleGroup());
  }

  protected removeRule(form: RulesForm, index: number): void {
    form.controls.rules.removeAt(index);
  }

  protected save(form: RulesForm, revision: number): void {
    this.saveFailure.set(null);
    const parsed = readRules(form, revision);
    if (form.invalid || !parsed.success) {
      form.markAllAsTouched();
      this.invalidCount.set(Math.max(1, countInvalid(form)));
      return;
    }
    this.invalidCount.set(0);
    this.saving.set(true);
    this.api
      .saveRules(parsed.data.revision, parsed.data.rules)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (saved) => {
          this.saving.set(false);
          this.snackBar.open(this.messages().common.saved, undefined, { duration: 3000 });
          this.loads.next(saved);
        },
        error: (error: unknown) => {
          this.saving.set(false);
          showSubmitFailure(form, error, this.saveFailure, this.messages());
        },
      });
  }
}

function countInvalid(form: RulesForm): number {
  return form.controls.rules.controls.reduce(
    (count, group) => count + Object.values(group.controls).filter((control) => control.invalid).length,
    0,
  );
}
