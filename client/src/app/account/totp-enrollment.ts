import { Clipboard } from '@angular/cdk/clipboard';
import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, DestroyRef, computed, inject, input, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { Router } from '@angular/router';
import {
  TotpConfirmRequestSchema,
  TotpEnrollmentStartRequestSchema,
  type TotpEnrollment as Enrollment,
  type TotpEnrollmentStartRequest,
} from '@cadre/shared-models';
import { AuthSession } from '../core/auth/auth-session';
import { SessionNavigator } from '../core/auth/session-navigator';
import { describeControlErrors, schemaValidator } from '../core/forms/schema-validator';
import { setServerError } from '../core/forms/server-errors';
import { problemCodeOf } from '../core/http/api-error';
import { describeFailure, type FailureDescription } from '../core/http/describe-failure';
import { FailureNotice } from '../core/http/failure-notice';
import { I18n } from '../core/i18n/i18n';
import { AccountApi } from './account-api';

type EnrollmentState =
  | { readonly step: 'idle' }
  | { readonly step: 'starting' }
  | { readonly step: 'scanning'; readonly enrollment: Enrollment }
  | { readonly step: 'recovery'; readonly recoveryCodes: readonly string[] };

/**
 * An SVG as a data URL for an <img>. An image cannot run script or reach the page, so the
 * server's markup needs no sanitizer bypass, unlike inserting it with [innerHTML].
 */
function toSvgDataUrl(svg: string): string {
  const bytes = new TextEncoder().encode(svg);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return `data:image/svg+xml;base64,${btoa(binary)}`;
}

/** Base32 secrets are typed by hand from this; groups of four are easier to keep one's place in. */
function groupSecret(secret: string): string {
  return secret.replace(/(.{4})(?=.)/g, '$1 ');
}

/**
 * Binding an authenticator app: QR code and manual secret, a code to prove it works, then the
 * recovery codes, shown once. Forced by the API for roles that require a second factor.
 */
@Component({
  selector: 'cadre-totp-enrollment',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatCardModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    FailureNotice,
  ],
  templateUrl: './totp-enrollment.html',
  styleUrls: ['./account-forms.scss', './totp-enrollment.scss'],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TotpEnrollment {
  readonly returnUrl = input<string>();

  private readonly api = inject(AccountApi);
  private readonly session = inject(AuthSession);
  private readonly navigator = inject(SessionNavigator);
  private readonly router = inject(Router);
  private readonly clipboard = inject(Clipboard);
  private readonly snackBar = inject(MatSnackBar);
  private readonly document = inject(DOCUMENT);
  private readonly destroyRef = inject(DestroyRef);

  protected readonly messages = inject(I18n).messages;
  protected readonly errorsOf = describeControlErrors;
  /** Read once: the stage changes when the enrolment is confirmed, the page's purpose does not. */
  protected readonly forced = this.session.me()?.stage === 'totp_enrollment_required';
  protected readonly alreadyEnabled = this.session.me()?.totpEnabled ?? false;
  protected readonly state = signal<EnrollmentState>({ step: 'idle' });
  protected readonly busy = signal(false);
  protected readonly failure = signal<FailureDescription | null>(null);

  protected readonly qrCodeSrc = computed(() => {
    const state = this.state();
    return state.step === 'scanning' ? toSvgDataUrl(state.enrollment.qrCodeSvg) : null;
  });
  protected readonly groupedSecret = computed(() => {
    const state = this.state();
    return state.step === 'scanning' ? groupSecret(state.enrollment.secret) : '';
  });

  protected readonly form = new FormGroup({
    code: new FormControl('', { nonNullable: true, validators: schemaValidator(TotpConfirmRequestSchema.shape.code) }),
  });

  /** Replacing the bound authenticator proves both factors again (the API refuses it otherwise). */
  protected readonly proofForm = new FormGroup({
    currentPassword: new FormControl('', {
      nonNullable: true,
      validators: schemaValidator(TotpEnrollmentStartRequestSchema.shape.currentPassword.unwrap()),
    }),
    code: new FormControl('', { nonNullable: true, validators: schemaValidator(TotpEnrollmentStartRequestSchema.shape.code.unwrap()) }),
  });

  constructor() {
    // Someone without a second factor came here to set one up; someone with one decides first.
    if (!this.alreadyEnabled) this.start();
  }

  protected start(): void {
    this.requestSecret(undefined);
  }

  protected replace(): void {
    if (this.proofForm.invalid) {
      this.proofForm.markAllAsTouched();
      return;
    }
    this.requestSecret(TotpEnrollmentStartRequestSchema.parse(this.proofForm.getRawValue()));
  }

  private requestSecret(proof: TotpEnrollmentStartRequest | undefined): void {
    // The proof form stays on screen while its request runs: re-creating it would drop the
    // server's verdict on its fields.
    if (proof) this.busy.set(true);
    else this.state.set({ step: 'starting' });
    this.failure.set(null);
    this.api
      .startTotpEnrollment(proof)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (enrollment) => {
          this.busy.set(false);
          this.state.set({ step: 'scanning', enrollment });
        },
        error: (error: unknown) => {
          this.busy.set(false);
          this.state.set({ step: 'idle' });
          const code = problemCodeOf(error);
          if (code === 'invalid_credentials') {
            setServerError(this.proofForm.controls.currentPassword, this.messages().password.wrongCurrent);
          } else if (code === 'invalid_totp') {
            setServerError(this.proofForm.controls.code, this.messages().totp.invalidCode);
          } else {
            this.failure.set(describeFailure(error, this.messages()));
          }
        },
      });
  }

  protected confirm(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const { code } = TotpConfirmRequestSchema.parse(this.form.getRawValue());
    this.busy.set(true);
    this.failure.set(null);
    this.api
      .confirmTotpEnrollment(code)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: ({ recoveryCodes }) => {
          this.busy.set(false);
          this.state.set({ step: 'recovery', recoveryCodes });
        },
        error: (error: unknown) => {
          this.busy.set(false);
          if (problemCodeOf(error) === 'invalid_totp') {
            setServerError(this.form.controls.code, this.messages().totp.invalidCode);
          } else {
            this.failure.set(describeFailure(error, this.messages()));
          }
        },
      });
  }

  protected copyCodes(codes: readonly string[]): void {
    if (this.clipboard.copy(codes.join('\n'))) {
      this.snackBar.open(this.messages().common.copied, undefined, { duration: 2000 });
    }
  }

  protected downloadCodes(codes: readonly string[]): void {
    const url = URL.createObjectURL(new Blob([`${codes.join('\n')}\n`], { type: 'text/plain;charset=utf-8' }));
    const link = this.document.createElement('a');
    link.href = url;
    link.download = this.messages().totp.recoveryFileName;
    link.click();
    URL.revokeObjectURL(url);
  }

  /** The API has switched the session to `active` by now; reload it so guards and navigation agree. */
  protected finish(): void {
    this.busy.set(true);
    this.session
      .refresh()
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (me) => {
          this.busy.set(false);
          if (!me) return;
          const target = this.forced ? this.navigator.nextStep(me, this.returnUrl()) : this.router.parseUrl('/account');
          void this.router.navigateByUrl(target);
        },
        error: (error: unknown) => {
          this.busy.set(false);
          this.failure.set(describeFailure(error, this.messages()));
        },
      });
  }
}
