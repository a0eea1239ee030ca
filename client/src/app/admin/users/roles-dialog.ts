import { ChangeDetectionStrategy, Component, DestroyRef, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { GrantRolesRequestSchema, RolesSchema, explainMissingUnit, explainRoleConflict, type Role, type User } from '@cadre/shared-models';
import { schemaValidator } from '../../core/forms/schema-validator';
import { ApiError, problemCodeOf } from '../../core/http/api-error';
import { describeProblem } from '../../core/http/describe-failure';
import { I18n } from '../../core/i18n/i18n';
import { RolePicker } from './role-picker';
import { UsersApi } from './users-api';

export type RolesDialogResult = { readonly outcome: 'saved'; readonly user: User } | { readonly outcome: 'conflict' };

/** The security administrator's grant of roles, checked live against 三员分立 before it is sent. */
@Component({
  selector: 'cadre-roles-dialog',
  imports: [ReactiveFormsModule, MatButtonModule, MatDialogModule, MatProgressBarModule, RolePicker],
  template: `
    @let text = messages().users;
    <h2 mat-dialog-title>{{ text.rolesTitle(user.displayName) }}</h2>
    @if (busy()) {
      <mat-progress-bar mode="indeterminate" />
    }
    <mat-dialog-content>
      <cadre-role-picker [formControl]="roles" [legend]="text.roles" />
      <p class="hint">{{ text.rolesHint }}</p>
      @if (conflict(); as conflict) {
        <p class="alert" role="alert">{{ conflict }}</p>
      }
      @for (message of serverMessages(); track message) {
        <p class="alert" role="alert">{{ message }}</p>
      }
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button matButton type="button" mat-dialog-close>{{ messages().common.cancel }}</button>
      <button matButton="filled" type="button" [disabled]="busy() || roles.invalid || conflict() !== null" (click)="save()">
        {{ messages().common.save }}
      </button>
    </mat-dialog-actions>
  `,
  styleUrl: './user-dialogs.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RolesDialog {
  protected readonly user = inject<User>(MAT_DIALOG_DATA);
  private readonly dialogRef = inject<MatDialogRef<RolesDialog, RolesDialogResult>>(MatDialogRef);
  private readonly api = inject(UsersApi);
  private readonly destroyRef = inject(DestroyRef);

  protected readonly messages = inject(I18n).messages;
  protected readonly busy = signal(false);
  /** What the server refused and why, when it refused for a reason the client did not foresee. */
  protected readonly serverMessages = signal<readonly string[]>([]);
  protected readonly roles = new FormControl<Role[]>([...this.user.roles], {
    nonNullable: true,
    validators: schemaValidator(RolesSchema),
  });
  private readonly selected = toSignal(this.roles.valueChanges, { initialValue: this.roles.value });
  /**
   * The 三员分立 explanation, or that a unit manager needs a unit, live while boxes are ticked.
   * Silent until the first change, so an account that has no roles yet (every new one) does not
   * open with a complaint.
   */
  protected readonly conflict = computed(() => {
    const selected = this.selected();
    const conflict = explainRoleConflict(selected) ?? explainMissingUnit({ roles: selected, unitId: this.user.unitId });
    return conflict && this.roles.dirty ? conflict : null;
  });

  protected save(): void {
    this.busy.set(true);
    this.serverMessages.set([]);
    this.api
      .grantRoles(this.user.id, GrantRolesRequestSchema.parse({ version: this.user.version, roles: this.roles.value }))
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (user) => this.dialogRef.close({ outcome: 'saved', user }),
        error: (error: unknown) => {
          this.busy.set(false);
          if (problemCodeOf(error) === 'version_conflict') {
            this.dialogRef.close({ outcome: 'conflict' });
            return;
          }
          const fieldMessages = error instanceof ApiError ? (error.problem?.errors ?? []).map((each) => each.message) : [];
          this.serverMessages.set(fieldMessages.length ? fieldMessages : [describeProblem(error, this.messages())]);
        },
      });
  }
}
