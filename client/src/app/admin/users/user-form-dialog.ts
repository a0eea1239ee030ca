import { ChangeDetectionStrategy, Component, DestroyRef, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule, type AbstractControl, type ValidationErrors } from '@angular/forms';
import { MatAutocompleteModule } from '@angular/material/autocomplete';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import {
  CadreCandidateQuerySchema,
  CreateUserRequestSchema,
  UpdateUserRequestSchema,
  explainMissingUnit,
  type CadreCandidate,
  type ListedUser,
  type User,
} from '@cadre/shared-models';
import { catchError, debounceTime, distinctUntilChanged, map, of, switchMap, type Observable } from 'rxjs';
import { AuthSession } from '../../core/auth/auth-session';
import { describeControlErrors, schemaValidator } from '../../core/forms/schema-validator';
import { showSubmitFailure } from '../../core/forms/server-errors';
import { problemCodeOf } from '../../core/http/api-error';
import type { FailureDescription } from '../../core/http/describe-failure';
import { I18n } from '../../core/i18n/i18n';
import { buildUnitTree, listInTreeOrder } from '../units/unit-tree';
import { UnitsApi, type UnitWithVersion } from '../units/units-api';
import { UsersApi, type CreatedUser } from './users-api';

/**
 * A new account (sys_admin), or the editable fields of an existing one. Roles are not set here:
 * under 三员分立 only the security administrator grants them, through the roles dialog.
 */
export type UserFormDialogData = { readonly mode: 'create' } | { readonly mode: 'edit'; readonly user: ListedUser };

export type UserFormDialogResult =
  | { readonly outcome: 'created'; readonly created: CreatedUser }
  | { readonly outcome: 'saved'; readonly user: User }
  | { readonly outcome: 'conflict' };

const fields = CreateUserRequestSchema.shape;
const SEARCH_DEBOUNCE_MS = 250;

/** The linked cadre as the picker holds it: a chosen candidate, or the words typed so far. */
type CadreChoice = CadreCandidate | string | null;

interface CandidateState {
  readonly items: readonly CadreCandidate[];
  readonly more: boolean;
  /** True once a search answered, so "no match" is not said before anything was looked up. */
  readonly searched: boolean;
}
const NO_CANDIDATES: CandidateState = { items: [], more: false, searched: false };

@Component({
  selector: 'cadre-user-form-dialog',
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
  templateUrl: './user-form-dialog.html',
  styleUrl: './user-dialogs.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class UserFormDialog {
  protected readonly data = inject<UserFormDialogData>(MAT_DIALOG_DATA);
  private readonly dialogRef = inject<MatDialogRef<UserFormDialog, UserFormDialogResult>>(MatDialogRef);
  private readonly api = inject(UsersApi);
  private readonly destroyRef = inject(DestroyRef);

  protected readonly messages = inject(I18n).messages;
  protected readonly errorsOf = describeControlErrors;
  protected readonly busy = signal(false);
  protected readonly failure = signal<FailureDescription | null>(null);

  private readonly user = this.data.mode === 'edit' ? this.data.user : null;
  protected readonly form = new FormGroup({
    username: new FormControl('', { nonNullable: true, validators: schemaValidator(fields.username) }),
    displayName: new FormControl(this.user?.displayName ?? '', {
      nonNullable: true,
      validators: schemaValidator(fields.displayName),
    }),
    // Checked before sending: the API refuses a unit manager without a unit (explainMissingUnit).
    unitId: new FormControl<string | null>(this.user?.unitId ?? null, {
      validators: (control: AbstractControl): ValidationErrors | null => {
        const problem = explainMissingUnit({ roles: this.user?.roles ?? [], unitId: control.value as string | null });
        return problem ? { schema: problem } : null;
      },
    }),
    cadre: new FormControl<CadreChoice>(this.initialCadre(), {
      validators: (control: AbstractControl): ValidationErrors | null =>
        typeof control.value === 'string' && control.value.trim() !== '' ? { schema: this.messages().users.cadreNotChosen } : null,
    }),
  });

  /** Matches for the words typed into the cadre box; a chosen candidate searches nothing. */
  protected readonly candidates = toSignal(
    this.form.controls.cadre.valueChanges.pipe(
      map((value) => (typeof value === 'string' ? value.trim() : '')),
      debounceTime(SEARCH_DEBOUNCE_MS),
      distinctUntilChanged(),
      switchMap((q) =>
        CadreCandidateQuerySchema.safeParse({ q }).success
          ? this.api.cadreCandidates(q).pipe(
              map((list): CandidateState => ({ ...list, searched: true })),
              catchError(() => of(NO_CANDIDATES)),
            )
          : of(NO_CANDIDATES),
      ),
    ),
    { initialValue: NO_CANDIDATES },
  );
  protected readonly displayCadre = (value: CadreChoice): string =>
    value === null ? '' : typeof value === 'string' ? value : `${value.name}（${value.unitName}）`;

  /** Units to attach the account to, indented as in the tree; empty if the list cannot be read. */
  protected readonly unitOptions = toSignal(
    inject(AuthSession).can('unit:read') ? this.loadUnitOptions(inject(UnitsApi).list()) : of([]),
    { initialValue: [] },
  );
  protected readonly title = computed(() =>
    this.user ? this.messages().users.editTitle(this.user.displayName) : this.messages().users.createTitle,
  );

  constructor() {
    // The username is the account's identity in the audit log; it does not change once created.
    if (this.user) this.form.controls.username.disable();
    // The unit rule speaks as soon as the unit is cleared, not only after the select loses focus.
    this.form.controls.unitId.valueChanges.pipe(takeUntilDestroyed()).subscribe(() => this.form.controls.unitId.markAsTouched());
  }

  protected clearCadre(): void {
    this.form.controls.cadre.setValue(null);
  }

  protected submit(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const { username, displayName, unitId, cadre } = this.form.getRawValue();
    const common = { displayName, unitId, cadreId: cadre !== null && typeof cadre === 'object' ? cadre.id : null };
    const request: Observable<UserFormDialogResult> = this.user
      ? this.api
          .update(this.user.id, UpdateUserRequestSchema.parse({ version: this.user.version, ...common }))
          .pipe(map((user) => ({ outcome: 'saved' as const, user })))
      : this.api
          .create(CreateUserRequestSchema.parse({ username, ...common }))
          .pipe(map((created) => ({ outcome: 'created' as const, created })));
    this.busy.set(true);
    this.failure.set(null);
    request.pipe(takeUntilDestroyed(this.destroyRef)).subscribe({
      next: (result) => this.dialogRef.close(result),
      error: (error: unknown) => {
        this.busy.set(false);
        if (problemCodeOf(error) === 'version_conflict') {
          this.dialogRef.close({ outcome: 'conflict' });
        } else {
          showSubmitFailure(this.form, error, this.failure, this.messages());
        }
      },
    });
  }

  /** The linked cadre, named as the account list named it; an id the list could not name is kept as it was. */
  private initialCadre(): CadreChoice {
    const user = this.user;
    if (!user?.cadreId) return null;
    const linked = user.linkedCadre;
    return { id: user.cadreId, name: linked?.name ?? '', unitName: linked?.unitName ?? '', post: '' };
  }

  private loadUnitOptions(units: Observable<UnitWithVersion[]>): Observable<{ id: string; label: string }[]> {
    return units.pipe(
      map((list) =>
        listInTreeOrder(buildUnitTree(list)).map((node) => ({
          id: node.unit.id,
          // Full-width spaces indent CJK names by whole characters.
          label: `${'\u3000'.repeat(node.depth)}${node.unit.name}`,
        })),
      ),
      catchError(() => of([])),
    );
  }
}
