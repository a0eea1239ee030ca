import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, DestroyRef, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable, toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { Router, RouterLink } from '@angular/router';
import { DEFAULT_FRAMEWORK, type FrameworkVersionSummary } from '@cadre/shared-models';
import { catchError, map, of, startWith, switchMap } from 'rxjs';
import { AuthSession } from '../core/auth/auth-session';
import { describeFailure, type FailureDescription } from '../core/http/describe-failure';
import { FailureNotice } from '../core/http/failure-notice';
import { I18n } from '../core/i18n/i18n';
import { FrameworkStatus } from './framework-status';
import { FrameworksApi } from './frameworks-api';

type ListState =
  | { readonly status: 'loading' }
  | { readonly status: 'loaded'; readonly items: FrameworkVersionSummary[] }
  | { readonly status: 'failed'; readonly error: unknown };

/** One framework with its versions, newest first; it goes by the name of its newest version. */
export interface FrameworkGroup {
  readonly frameworkId: string;
  readonly name: string;
  readonly versions: readonly FrameworkVersionSummary[];
}

export function groupVersions(items: readonly FrameworkVersionSummary[]): FrameworkGroup[] {
  const groups = new Map<string, FrameworkVersionSummary[]>();
  for (const item of items) groups.set(item.frameworkId, [...(groups.get(item.frameworkId) ?? []), item]);
  return [...groups.entries()].map(([frameworkId, versions]) => {
    const sorted = [...versions].sort((a, b) => b.version - a.version);
    return { frameworkId, name: sorted[0]!.name, versions: sorted };
  });
}

/** The assessment frameworks and every version of each: drafts, published ones, and those a cycle has locked. */
@Component({
  selector: 'cadre-framework-list',
  imports: [DatePipe, MatButtonModule, MatProgressBarModule, RouterLink, FailureNotice, FrameworkStatus],
  templateUrl: './framework-list.html',
  styleUrl: './framework-list.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FrameworkList {
  private readonly api = inject(FrameworksApi);
  private readonly session = inject(AuthSession);
  private readonly router = inject(Router);
  private readonly snackBar = inject(MatSnackBar);
  private readonly destroyRef = inject(DestroyRef);
  private readonly i18n = inject(I18n);
  protected readonly messages = this.i18n.messages;
  protected readonly language = this.i18n.language;
  protected readonly canWrite = computed(() => this.session.can('framework:write'));
  protected readonly busy = signal(false);
  protected readonly createFailure = signal<FailureDescription | null>(null);
  private readonly reloads = signal(0);

  protected readonly state = toSignal(
    toObservable(this.reloads).pipe(
      switchMap(() =>
        this.api.list().pipe(
          map((items): ListState => ({ status: 'loaded', items })),
          catchError((error: unknown) => of<ListState>({ status: 'failed', error })),
          startWith<ListState>({ status: 'loading' }),
        ),
      ),
    ),
    { initialValue: { status: 'loading' } as ListState },
  );
  protected readonly groups = computed(() => {
    const state = this.state();
    return state.status === 'loaded' ? groupVersions(state.items) : [];
  });
  protected readonly failure = computed(() => {
    const state = this.state();
    return state.status === 'failed' ? describeFailure(state.error, this.messages()) : null;
  });

  protected reload(): void {
    this.reloads.update((count) => count + 1);
  }

  /** A new framework starts from the district's default one, which is already complete and balanced. */
  protected create(): void {
    this.busy.set(true);
    this.createFailure.set(null);
    this.api
      .create(DEFAULT_FRAMEWORK)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (created) => {
          this.snackBar.open(this.messages().frameworks.created, undefined, { duration: 6000 });
          void this.router.navigate(['/frameworks', created.id]);
        },
        error: (error: unknown) => {
          this.busy.set(false);
          this.createFailure.set(describeFailure(error, this.messages()));
        },
      });
  }
}
