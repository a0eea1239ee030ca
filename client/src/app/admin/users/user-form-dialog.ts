import { ChangeDetectionStrategy, Component, DestroyRef, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { CreateUserRequestSchema, UpdateUserRequestSchema, type User } from '@cadre/shared-models';
import { catchError, map, of, type Observable } from 'rxjs';
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
export type UserFormDialogData = { readonly mode: 'create' } | { readonly mode: 'edit'; readonly user: User };

export type UserFormDialogResult =
  | { readonly outcome: 'created'; readonly created: CreatedUser }
  | { readonly outcome: 'saved'; readonly user: User }
  | { readonly outcome: 'conflict' };

const fields = CreateUserRequestSchema.shape;

@Component({
  selector: 'cadre-user-form-dialog',
  imports: [
    ReactiveFormsModule,
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
    unitId: new FormControl<string | null>(this.user?.unitId ?? null),
    cadreId: new FormControl(this.user?.cadreId ?? '', {
      nonNullable: true,
      validators: schemaValidator(fields.cadreId, { optional: true }),
    }),
  });

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
  }

  protected submit(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const { username, displayName, unitId, cadreId } = this.form.getRawValue();
    const common = { displayName, unitId, cadreId: cadreId || null };
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
