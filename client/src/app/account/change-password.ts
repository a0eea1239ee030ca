import { ChangeDetectionStrategy, Component, DestroyRef, computed, inject, input, signal } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import {
  FormControl,
  FormGroup,
  ReactiveFormsModule,
  type AbstractControl,
  type ValidationErrors,
} from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { Router } from '@angular/router';
import { ChangePasswordRequestSchema, checkPassword } from '@cadre/shared-models';
import { AuthSession } from '../core/auth/auth-session';
import { SessionNavigator } from '../core/auth/session-navigator';
import { describeControlErrors, schemaValidator } from '../core/forms/schema-validator';
import { setServerError, showSubmitFailure } from '../core/forms/server-errors';
import { problemCodeOf } from '../core/http/api-error';
import type { FailureDescription } from '../core/http/describe-failure';
import { FailureNotice } from '../core/http/failure-notice';
import { I18n } from '../core/i18n/i18n';
import { AccountApi } from './account-api';

/** The repeated new password must equal the new password. */
function matchNewPassword(group: AbstractControl): ValidationErrors | null {
  const { newPassword, confirmPassword } = (group as FormGroup).getRawValue() as Record<string, string>;
  return confirmPassword && newPassword !== confirmPassword ? { mismatch: true } : null;
}

/**
 * Password change, both chosen by the user and forced by the API (first login with a one-time
 * password, or an expired one) before anything else may be used.
 */
@Component({
  selector: 'cadre-change-password',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatCardModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    FailureNotice,
  ],
  templateUrl: './change-password.html',
  styleUrl: './account-forms.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ChangePassword {
  readonly returnUrl = input<string>();

  private readonly api = inject(AccountApi);
  private readonly session = inject(AuthSession);
  private readonly navigator = inject(SessionNavigator);
  private readonly router = inject(Router);
  private readonly snackBar = inject(MatSnackBar);
  private readonly destroyRef = inject(DestroyRef);

  protected readonly messages = inject(I18n).messages;
  protected readonly errorsOf = describeControlErrors;
  protected readonly forced = computed(() => this.session.me()?.stage === 'password_change_required');
  protected readonly busy = signal(false);
  protected readonly failure = signal<FailureDescription | null>(null);

  protected readonly form = new FormGroup(
    {
      currentPassword: new FormControl('', {
        nonNullable: true,
        validators: schemaValidator(ChangePasswordRequestSchema.shape.currentPassword),
      }),
      newPassword: new FormControl('', {
        nonNullable: true,
        validators: schemaValidator(ChangePasswordRequestSchema.shape.newPassword),
      }),
      confirmPassword: new FormControl('', { nonNullable: true }),
    },
    { validators: matchNewPassword },
  );

  private readonly newPassword = toSignal(this.form.controls.newPassword.valueChanges, { initialValue: '' });
  /**
   * The policy rules the new password still breaks, as hints while typing. They do not block
   * submitting: the server holds the authoritative policy (and the common-password list) and
   * answers with its own messages.
   */
  protected readonly policyProblems = computed(() =>
    checkPassword(this.newPassword(), { username: this.session.me()?.username ?? '' }),
  );
  protected readonly hasNewPassword = computed(() => this.newPassword().length > 0);

  protected submit(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const { currentPassword, newPassword } = this.form.getRawValue();
    const wasForced = this.forced();
    this.busy.set(true);
    this.failure.set(null);
    this.api
      .changePassword(ChangePasswordRequestSchema.parse({ currentPassword, newPassword }))
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (me) => {
          this.busy.set(false);
          this.session.set(me);
          this.form.reset();
          this.snackBar.open(this.messages().password.changed, undefined, { duration: 4000 });
          if (wasForced || me.stage !== 'active') {
            void this.router.navigateByUrl(this.navigator.nextStep(me, this.returnUrl()));
          }
        },
        error: (error: unknown) => {
          this.busy.set(false);
          if (problemCodeOf(error) === 'invalid_credentials') {
            setServerError(this.form.controls.currentPassword, this.messages().password.wrongCurrent);
          } else {
            showSubmitFailure(this.form, error, this.failure, this.messages());
          }
        },
      });
  }
}
