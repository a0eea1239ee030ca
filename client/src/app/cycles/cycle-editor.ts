import { ChangeDetectionStrategy, Component, DestroyRef, computed, inject, input, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable, toSignal } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatAutocompleteModule, type MatAutocompleteSelectedEvent } from '@angular/material/autocomplete';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatChipsModule } from '@angular/material/chips';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { Router, RouterLink } from '@angular/router';
import {
  CYCLE_TYPES,
  CycleInputSchema,
  RATER_GROUPS,
  scopeFor,
  type Cycle,
  type RaterGroup,
} from '@cadre/shared-models';
import { catchError, map, of, startWith, switchMap, type Observable } from 'rxjs';
import { UnitsApi } from '../admin/units/units-api';
import { AuthSession } from '../core/auth/auth-session';
import { describeControlErrors, fieldIssueMessage } from '../core/forms/schema-validator';
import { countInvalid, placeIssues, problemIssues, zodIssues } from '../core/forms/place-issues';
import { describeConflict } from '../core/http/describe-conflict';
import { describeFailure, type FailureDescription } from '../core/http/describe-failure';
import { FailureNotice } from '../core/http/failure-notice';
import { I18n } from '../core/i18n/i18n';
import { FrameworksApi } from '../frameworks/frameworks-api';
import { buildUnitOptions, matchUnitOptions, type UnitOption } from '../ledger/unit-options';
import { buildCycleForm, raterGroupForm, sumWeights, toCycleInput, type CycleForm } from './cycle-form';
import { CyclesApi } from './cycles-api';
import { TierCategoryFields } from '../core/forms/tier-category-fields';

type PageState =
  | { readonly status: 'loading' }
  | { readonly status: 'new' }
  | { readonly status: 'loaded'; readonly cycle: Cycle }
  | { readonly status: 'failed'; readonly error: unknown };

/**
 * Creates a cycle or edits one while it is a draft: what it is, which framework version it
 * scores with, whom it assesses, who rates and with what weight, and how grades are capped.
 */
@Component({
  selector: 'cadre-cycle-editor',
  imports: [
    TierCategoryFields,
    ReactiveFormsModule,
    RouterLink,
    MatAutocompleteModule,
    MatButtonModule,
    MatCheckboxModule,
    MatChipsModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    FailureNotice,
  ],
  templateUrl: './cycle-editor.html',
  styleUrl: './cycle-editor.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CycleEditor {
  /** The `:id` route parameter; absent on /cycles/new. */
  readonly id = input<string>();

  private readonly api = inject(CyclesApi);
  private readonly session = inject(AuthSession);
  private readonly router = inject(Router);
  private readonly snackBar = inject(MatSnackBar);
  private readonly destroyRef = inject(DestroyRef);
  protected readonly messages = inject(I18n).messages;
  protected readonly errorsOf = describeControlErrors;
  protected readonly choices = { types: CYCLE_TYPES };

  private readonly reloads = signal(0);
  protected readonly page = signal<PageState>({ status: 'loading' });
  protected readonly form = signal<CycleForm>(buildCycleForm(null));
  protected readonly busy = signal(false);
  protected readonly failure = signal<FailureDescription | null>(null);
  /** Why the save was refused because the cycle changed meanwhile; the page offers to reload it. */
  protected readonly conflict = signal<string | null>(null);
  protected readonly otherErrors = signal<readonly string[]>([]);
  protected readonly invalidCount = signal(0);

  private readonly publishedFrameworks = toSignal(
    inject(FrameworksApi)
      .list()
      .pipe(
        map((items) => items.filter((item) => item.status === 'published').map(({ id, name, version }) => ({ id, name, version }))),
        catchError(() => of([])),
      ),
    { initialValue: [] },
  );
  /** The published versions to choose from; the draft's own choice stays shown even if the list failed. */
  protected readonly frameworks = computed(() => {
    const published = this.publishedFrameworks();
    const page = this.page();
    if (page.status !== 'loaded' || published.some((item) => item.id === page.cycle.frameworkVersionId)) return published;
    const { frameworkVersionId: id, frameworkName: name, frameworkVersion: version } = page.cycle;
    return [{ id, name, version }, ...published];
  });
  private readonly units = toSignal(
    inject(UnitsApi)
      .list()
      .pipe(
        map((units) => ({ failed: false, options: buildUnitOptions(units, this.scope()) })),
        catchError(() => of({ failed: true, options: [] as UnitOption[] })),
      ),
    { initialValue: { failed: false, options: [] as UnitOption[] } },
  );
  protected readonly unitsFailed = computed(() => this.units().failed);
  protected readonly unitInput = new FormControl<string | UnitOption>('', { nonNullable: true });
  private readonly unitText = toSignal(this.unitInput.valueChanges.pipe(map((value) => (typeof value === 'string' ? value : ''))), {
    initialValue: '',
  });
  protected readonly unitMatches = computed(() => matchUnitOptions(this.units().options, this.unitText()));
  protected readonly displayUnit = (value: string | UnitOption | null): string => (typeof value === 'string' ? value : (value?.name ?? ''));

  /** The form's live value, so the unit chips, the weight total and the free groups follow every keystroke. */
  private readonly value = toSignal(
    toObservable(this.form).pipe(switchMap((form) => form.valueChanges.pipe(startWith(form.value), map(() => form.getRawValue())))),
  );
  protected readonly chosenUnits = computed(() => {
    const ids = this.value()?.population.unitIds ?? [];
    const names = new Map(this.units().options.map((option) => [option.id, option.name]));
    return ids.map((id) => ({ id, name: names.get(id) ?? id }));
  });
  protected readonly weightSum = computed(() => sumWeights(this.value()?.raterGroups ?? []));
  protected readonly freeGroups = computed(() => {
    const used = new Set((this.value()?.raterGroups ?? []).map((group) => group.group));
    return RATER_GROUPS.filter((group) => !used.has(group));
  });

  constructor() {
    toObservable(computed(() => ({ id: this.id(), reload: this.reloads() })))
      .pipe(
        switchMap(({ id }): Observable<PageState> =>
          id
            ? this.api.get(id).pipe(
                map((cycle): PageState => ({ status: 'loaded', cycle })),
                catchError((error: unknown) => of<PageState>({ status: 'failed', error })),
                startWith<PageState>({ status: 'loading' }),
              )
            : of<PageState>({ status: 'new' }),
        ),
        takeUntilDestroyed(),
      )
      .subscribe((state) => {
        this.page.set(state);
        if (state.status === 'loaded' || state.status === 'new') this.startFrom(state.status === 'loaded' ? state.cycle : null);
      });
  }

  protected pageFailure(state: PageState): FailureDescription | null {
    return state.status === 'failed' ? describeFailure(state.error, this.messages()) : null;
  }

  protected reload(): void {
    this.reloads.update((count) => count + 1);
  }

  protected chooseUnit(event: MatAutocompleteSelectedEvent): void {
    const option = event.option.value as UnitOption;
    const control = this.form().controls.population.controls.unitIds;
    if (!control.value.includes(option.id)) control.setValue([...control.value, option.id]);
    this.unitInput.setValue('');
  }

  protected removeUnit(id: string): void {
    const control = this.form().controls.population.controls.unitIds;
    control.setValue(control.value.filter((each) => each !== id));
  }

  protected addGroup(group: RaterGroup): void {
    const anonymous = group !== 'superior' && group !== 'self';
    this.form().controls.raterGroups.push(raterGroupForm({ group, weight: 0, minResponses: anonymous ? 3 : 1, anonymous }));
  }

  protected removeGroup(index: number): void {
    this.form().controls.raterGroups.removeAt(index);
  }

  protected save(): void {
    const form = this.form();
    const page = this.page();
    this.failure.set(null);
    this.otherErrors.set([]);
    if (form.invalid) {
      form.markAllAsTouched();
      this.invalidCount.set(countInvalid(form));
      return;
    }
    const checked = CycleInputSchema.safeParse(toCycleInput(form), { error: fieldIssueMessage });
    if (!checked.success) {
      this.otherErrors.set(placeIssues(form, zodIssues(checked.error)));
      this.invalidCount.set(countInvalid(form));
      return;
    }
    this.invalidCount.set(0);
    const existing = page.status === 'loaded' ? page.cycle : null;
    const request = existing ? this.api.update(existing.id, existing.revision, checked.data) : this.api.create(checked.data);
    this.busy.set(true);
    request.pipe(takeUntilDestroyed(this.destroyRef)).subscribe({
      next: (saved) => {
        this.busy.set(false);
        const text = this.messages();
        this.snackBar.open(existing ? text.common.saved : text.cycles.created, undefined, { duration: 4000 });
        void this.router.navigate(['/cycles', saved.id]);
      },
      error: (error: unknown) => {
        this.busy.set(false);
        const conflict = describeConflict(error, this.messages().cycles.conflict);
        if (conflict) {
          this.conflict.set(conflict);
          return;
        }
        const issues = problemIssues(error, existing ? 'body.input.' : 'body.');
        if (issues.length === 0) {
          this.failure.set(describeFailure(error, this.messages()));
          return;
        }
        this.otherErrors.set(placeIssues(form, issues));
        this.invalidCount.set(countInvalid(form));
      },
    });
  }

  private startFrom(cycle: Cycle | null): void {
    this.form.set(buildCycleForm(cycle));
    this.conflict.set(null);
    this.failure.set(null);
    this.otherErrors.set([]);
    this.invalidCount.set(0);
  }

  private scope() {
    const me = this.session.me();
    return me ? scopeFor(me, 'cycle:manage') : ({ kind: 'all' } as const);
  }
}
