import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, DestroyRef, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { AccountChangeRejectionSchema, type LinkedCadre, type ListedUser, type PendingAccountChange, type Role, type User } from '@cadre/shared-models';
import { catchError, map, of, type Observable } from 'rxjs';
import { UnitsApi } from '../units/units-api';
import { schemaValidator } from '../../core/forms/schema-validator';
import { problemCodeOf } from '../../core/http/api-error';
import { describeProblem } from '../../core/http/describe-failure';
import { I18n } from '../../core/i18n/i18n';
import { UsersApi, type AccountChangeApproval } from './users-api';

export type ChangeApprovalResult =
  | { readonly outcome: 'approved'; readonly approval: AccountChangeApproval }
  | { readonly outcome: 'rejected'; readonly user: User }
  | { readonly outcome: 'conflict' };

/**
 * A security administrator's decision on an account's pending change: what is asked, by whom,
 * beside what the account is now; approve, or reject with a reason.
 */
@Component({
  selector: 'cadre-change-approval-dialog',
  imports: [DatePipe, ReactiveFormsModule, MatButtonModule, MatDialogModule, MatFormFieldModule, MatInputModule, MatProgressBarModule],
  template: `
    @let text = messages().users;
    <h2 mat-dialog-title>{{ text.reviewTitle(user.displayName) }}</h2>
    @if (busy()) {
      <mat-progress-bar mode="indeterminate" />
    }
    <mat-dialog-content>
      <p class="kind">{{ text.changeKinds[change.kind] }}</p>
      <p class="hint">{{ text.requestedBy(change.requestedBy) }} · {{ change.requestedAt | date: 'short' : undefined : language() }}</p>
      <dl class="proposal">
        @switch (change.kind) {
          @case ('links') {
            <dt>{{ text.proposedUnit }}</dt>
            <dd>{{ unitName(change.unitId) }}<span class="hint">{{ text.currentValue(unitName(user.unitId)) }}</span></dd>
            <dt>{{ text.proposedCadre }}</dt>
            <dd>{{ cadreName(user.pendingCadre) }}<span class="hint">{{ text.currentValue(cadreName(user.linkedCadre)) }}</span></dd>
          }
          @case ('roles') {
            <dt>{{ text.proposedRoles }}</dt>
            <dd>{{ roleNames(change.roles) }}<span class="hint">{{ text.currentValue(roleNames(user.roles)) }}</span></dd>
          }
          @case ('password_reset') {
            <dd>{{ text.passwordResetExplained }}</dd>
          }
        }
      </dl>
      <mat-form-field class="reason">
        <mat-label>{{ text.rejectReason }}</mat-label>
        <textarea matInput [formControl]="reason" maxlength="500" rows="2"></textarea>
      </mat-form-field>
      @for (message of serverMessages(); track message) {
        <p class="alert" role="alert">{{ message }}</p>
      }
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button matButton type="button" mat-dialog-close>{{ messages().common.cancel }}</button>
      <button matButton="outlined" type="button" [disabled]="busy() || reason.invalid" (click)="reject()">{{ text.reject }}</button>
      <button matButton="filled" type="button" [disabled]="busy()" (click)="approve()">{{ text.approve }}</button>
    </mat-dialog-actions>
  `,
  styleUrl: './user-dialogs.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ChangeApprovalDialog {
  protected readonly user = inject<ListedUser>(MAT_DIALOG_DATA);
  protected readonly change: PendingAccountChange = this.user.pendingChange!;
  private readonly dialogRef = inject<MatDialogRef<ChangeApprovalDialog, ChangeApprovalResult>>(MatDialogRef);
  private readonly api = inject(UsersApi);
  private readonly destroyRef = inject(DestroyRef);
  private readonly i18n = inject(I18n);

  protected readonly messages = this.i18n.messages;
  protected readonly language = this.i18n.language;
  protected readonly busy = signal(false);
  protected readonly serverMessages = signal<readonly string[]>([]);
  protected readonly reason = new FormControl('', { nonNullable: true, validators: schemaValidator(AccountChangeRejectionSchema.shape.reason) });

  /** Unit names for the links shown; only a links change needs them. */
  private readonly unitNames = toSignal(
    this.change.kind === 'links'
      ? inject(UnitsApi)
          .list()
          .pipe(
            map((units) => new Map(units.map((unit) => [unit.id, unit.name]))),
            catchError(() => of(new Map<string, string>())),
          )
      : of(new Map<string, string>()),
    { initialValue: new Map<string, string>() },
  );
  protected readonly unitName = (id: string | null): string =>
    id === null ? this.messages().users.none : (this.unitNames().get(id) ?? id);
  /** A cadre record by name and unit, as the account list named it (decision 0019). */
  protected readonly cadreName = (cadre: LinkedCadre | null): string =>
    cadre === null ? this.messages().users.none : `${cadre.name}（${cadre.unitName}）`;
  private readonly roleLabels = computed(() => this.messages().roles);
  protected readonly roleNames = (roles: readonly Role[]): string =>
    roles.length ? roles.map((role) => this.roleLabels()[role]).join('、') : this.messages().users.noRoles;

  protected approve(): void {
    this.decide(this.api.approveChange(this.user.id, this.user.version).pipe(map((approval) => ({ outcome: 'approved' as const, approval }))));
  }

  protected reject(): void {
    this.decide(
      this.api.rejectChange(this.user.id, this.user.version, this.reason.value).pipe(map((user) => ({ outcome: 'rejected' as const, user }))),
    );
  }

  private decide(request: Observable<ChangeApprovalResult>): void {
    this.busy.set(true);
    this.serverMessages.set([]);
    request.pipe(takeUntilDestroyed(this.destroyRef)).subscribe({
      next: (result) => this.dialogRef.close(result),
      error: (error: unknown) => {
        this.busy.set(false);
        if (problemCodeOf(error) === 'version_conflict') {
          this.dialogRef.close({ outcome: 'conflict' });
          return;
        }
        this.serverMessages.set([describeProblem(error, this.messages())]);
      },
    });
  }
}
