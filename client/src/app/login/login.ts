import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  ElementRef,
  afterRenderEffect,
  computed,
  inject,
  input,
  signal,
  viewChild,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { Router } from '@angular/router';
import {
  LoginRequestSchema,
  RecoveryCodeSchema,
  TotpCodeSchema,
  TotpLoginRequestSchema,
  type Me,
} from '@cadre/shared-models';
import type { Observable } from 'rxjs';
import { AuthSession } from '../core/auth/auth-session';
import { SESSION_EXPIRED_REASON } from '../core/auth/session-expiry-interceptor';
import { SessionNavigator } from '../core/auth/session-navigator';
import { describeControlErrors, schemaValidator } from '../core/forms/schema-validator';
import type { FailureDescription } from '../core/http/describe-failure';
import { I18n } from '../core/i18n/i18n';
import { describeLoginFailure } from './login-failure';

/**
 * Sign-in: username and password, then, for sessions the API marks `totp_required`, the second
 * factor as a TOTP code or a one-use recovery code. Later steps have their own pages.
 */
@Component({
  selector: 'cadre-login',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatCardModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
  ],
  templateUrl: './login.html',
  styleUrl: './login.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class Login {
  /** Where the user was going when the login was asked for. */
  readonly returnUrl = input<string>();
  /** Why the login page is shown; `expired` after the server ended the session. */
  readonly reason = input<string>();

  private readonly session = inject(AuthSession);
  private readonly navigator = inject(SessionNavigator);
  private readonly router = inject(Router);
  private readonly destroyRef = inject(DestroyRef);

  protected readonly messages = inject(I18n).messages;
  protected readonly errorsOf = describeControlErrors;
  protected readonly secondFactorStep = computed(() => this.session.me()?.stage === 'totp_required');
  protected readonly useRecoveryCode = signal(false);
  protected readonly busy = signal(false);
  protected readonly failure = signal<FailureDescription | null>(null);
  protected readonly sessionExpired = computed(
    () => this.reason() === SESSION_EXPIRED_REASON && !this.failure() && !this.secondFactorStep(),
  );

  protected readonly credentials = new FormGroup({
    username: new FormControl('', { nonNullable: true, validators: schemaValidator(LoginRequestSchema.shape.username) }),
    password: new FormControl('', { nonNullable: true, validators: schemaValidator(LoginRequestSchema.shape.password) }),
  });
  /** Only the box on screen is checked and sent; the other keeps whatever was typed into it. */
  protected readonly secondFactor = new FormGroup({
    code: new FormControl('', { nonNullable: true, validators: schemaValidator(TotpCodeSchema) }),
    recoveryCode: new FormControl('', { nonNullable: true, validators: schemaValidator(RecoveryCodeSchema) }),
  });

  private readonly secondFactorInput = viewChild<ElementRef<HTMLInputElement>>('secondFactorInput');

  constructor() {
    // The second-factor box replaces the password form in place; move the focus with it.
    afterRenderEffect(() => this.secondFactorInput()?.nativeElement.focus());
  }

  protected submitCredentials(): void {
    if (this.credentials.invalid) {
      this.credentials.markAllAsTouched();
      return;
    }
    this.submit(this.session.login(LoginRequestSchema.parse(this.credentials.getRawValue())), () =>
      this.credentials.controls.password.reset(),
    );
  }

  protected submitSecondFactor(): void {
    const { code, recoveryCode } = this.secondFactor.controls;
    const control = this.useRecoveryCode() ? recoveryCode : code;
    if (control.invalid) {
      control.markAsTouched();
      return;
    }
    const request = TotpLoginRequestSchema.parse(
      this.useRecoveryCode() ? { recoveryCode: control.value } : { code: control.value },
    );
    this.submit(this.session.verifySecondFactor(request), () => control.reset());
  }

  protected toggleRecoveryCode(): void {
    this.useRecoveryCode.update((value) => !value);
    this.failure.set(null);
  }

  /** Drops the half-finished session, for a user who wants to sign in as someone else. */
  protected startOver(): void {
    this.session
      .logout()
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: () => {
          this.failure.set(null);
          this.useRecoveryCode.set(false);
          this.credentials.reset();
        },
        error: (error: unknown) => this.failure.set(describeLoginFailure(error, this.messages())),
      });
  }

  private submit(request: Observable<Me>, onFailure: () => void): void {
    this.busy.set(true);
    this.failure.set(null);
    request.pipe(takeUntilDestroyed(this.destroyRef)).subscribe({
      next: (me) => {
        this.busy.set(false);
        // The second-factor step is this same page; the view follows the session's stage.
        if (me.stage !== 'totp_required') void this.router.navigateByUrl(this.navigator.nextStep(me, this.returnUrl()));
      },
      error: (error: unknown) => {
        this.busy.set(false);
        this.failure.set(describeLoginFailure(error, this.messages()));
        onFailure();
      },
    });
  }
}
