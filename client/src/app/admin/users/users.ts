import { BreakpointObserver } from '@angular/cdk/layout';
import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, DestroyRef, computed, inject, linkedSignal, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable, toSignal } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatMenuModule } from '@angular/material/menu';
import type { PageEvent } from '@angular/material/paginator';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatTableModule } from '@angular/material/table';
import type { ListedUser, User, UserList } from '@cadre/shared-models';
import {
  catchError,
  debounceTime,
  distinctUntilChanged,
  filter,
  map,
  of,
  startWith,
  switchMap,
  type Observable,
} from 'rxjs';
import { AuthSession } from '../../core/auth/auth-session';
import { ConfirmDialog, type ConfirmDialogData } from '../../core/dialogs/confirm-dialog';
import { problemCodeOf } from '../../core/http/api-error';
import { describeFailure, describeProblem } from '../../core/http/describe-failure';
import { FailureNotice } from '../../core/http/failure-notice';
import { I18n } from '../../core/i18n/i18n';
import { HANDSET_QUERY } from '../../core/shell/shell';
import { providePaginatorI18n } from '../../core/i18n/provide-paginator-i18n';
import { PagedTableCard } from '../../core/layout/paged-table-card';
import { ChangeApprovalDialog, type ChangeApprovalResult } from './change-approval-dialog';
import { OneTimePasswordDialog, type OneTimePasswordDialogData } from './one-time-password-dialog';
import { RolesDialog, type RolesDialogResult } from './roles-dialog';
import { UserFormDialog, type UserFormDialogData, type UserFormDialogResult } from './user-form-dialog';
import { UsersApi } from './users-api';

const PAGE_SIZES = [20, 50, 100];

type ListState =
  | { readonly status: 'loading' }
  | { readonly status: 'loaded'; readonly list: UserList }
  | { readonly status: 'failed'; readonly error: unknown };

/** Accounts, searched and paged on the server; what each administrator may do follows their permissions. */
@Component({
  selector: 'cadre-users',
  imports: [
    DatePipe,
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatMenuModule,
    MatTableModule,
    FailureNotice,
    PagedTableCard,
  ],
  providers: [providePaginatorI18n()],
  templateUrl: './users.html',
  styleUrl: './users.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class Users {
  private readonly api = inject(UsersApi);
  private readonly session = inject(AuthSession);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly destroyRef = inject(DestroyRef);
  private readonly i18n = inject(I18n);

  protected readonly messages = this.i18n.messages;
  protected readonly language = this.i18n.language;
  protected readonly pageSizes = PAGE_SIZES;
  protected readonly canCreate = computed(() => this.session.can('user:create'));
  protected readonly canUpdate = computed(() => this.session.can('user:update'));
  protected readonly canGrant = computed(() => this.session.can('user:grant'));
  protected readonly canApprove = computed(() => this.session.can('user:approve'));

  protected readonly search = new FormControl('', { nonNullable: true });
  private readonly q = toSignal(
    this.search.valueChanges.pipe(
      debounceTime(300),
      map((value) => value.trim()),
      distinctUntilChanged(),
    ),
    { initialValue: '' },
  );
  /** A new search starts again at the first page. */
  protected readonly pageIndex = linkedSignal({ source: this.q, computation: () => 0 });
  protected readonly pageSize = signal(PAGE_SIZES[0]!);
  private readonly reloads = signal(0);

  private readonly query = computed(() => ({
    q: this.q(),
    page: this.pageIndex(),
    size: this.pageSize(),
    reload: this.reloads(),
  }));
  protected readonly state = toSignal(
    toObservable(this.query).pipe(
      switchMap((query) =>
        this.api.list(query).pipe(
          map((list): ListState => ({ status: 'loaded', list })),
          catchError((error: unknown) => of<ListState>({ status: 'failed', error })),
          startWith<ListState>({ status: 'loading' }),
        ),
      ),
    ),
    { initialValue: { status: 'loading' } as ListState },
  );
  /** The rows stay on screen while the next page loads, so the table does not jump. */
  protected readonly list = linkedSignal<ListState, UserList>({
    source: this.state,
    computation: (state, previous) =>
      state.status === 'loaded' ? state.list : (previous?.value ?? { items: [], total: 0 }),
  });
  protected readonly failure = computed(() => {
    const state = this.state();
    return state.status === 'failed' ? describeFailure(state.error, this.messages()) : null;
  });

  private readonly breakpoints = inject(BreakpointObserver);
  /** On a phone, name and username share a column and the less needed columns are left out. */
  private readonly handset = toSignal(this.breakpoints.observe(HANDSET_QUERY).pipe(map((state) => state.matches)), {
    initialValue: this.breakpoints.isMatched(HANDSET_QUERY),
  });
  protected readonly columns = computed(() => {
    const actions = this.canUpdate() || this.canGrant() ? ['actions'] : [];
    return this.handset()
      ? ['account', 'status', ...actions]
      : ['username', 'displayName', 'roles', 'status', 'lastLogin', ...actions];
  });

  protected roleNames(user: User): string {
    const labels = this.messages().roles;
    return user.roles.length ? user.roles.map((role) => labels[role]).join('、') : this.messages().users.noRoles;
  }

  protected changePage(event: PageEvent): void {
    this.pageSize.set(event.pageSize);
    this.pageIndex.set(event.pageIndex);
  }

  protected reload(): void {
    this.reloads.update((count) => count + 1);
  }

  protected create(): void {
    this.openUserForm({ mode: 'create' });
  }

  protected edit(user: ListedUser): void {
    this.openUserForm({ mode: 'edit', user });
  }

  protected grantRoles(user: User): void {
    this.dialog
      .open<RolesDialog, User, RolesDialogResult>(RolesDialog, { data: user, width: '560px', maxWidth: '95vw' })
      .afterClosed()
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe((result) => this.afterDialog(result));
  }

  protected setDisabled(user: User, disabled: boolean): void {
    const text = this.messages().users;
    const run = () =>
      this.act(disabled ? this.api.disable(user.id) : this.api.enable(user.id), () =>
        disabled ? text.disabledDone(user.displayName) : text.enabledDone(user.displayName),
      );
    if (!disabled) return run();
    this.confirm({ title: text.disable, message: text.confirmDisable(user.displayName), confirmLabel: text.disable }, run);
  }

  protected unlock(user: User): void {
    this.act(this.api.unlock(user.id), () => this.messages().users.unlockedDone(user.displayName));
  }

  protected resetPassword(user: User): void {
    const text = this.messages().users;
    this.confirm(
      { title: text.resetPassword, message: text.confirmResetPassword(user.displayName), confirmLabel: text.resetPassword },
      () =>
        this.api
          .resetPassword(user.id)
          .pipe(takeUntilDestroyed(this.destroyRef))
          .subscribe({
            next: ({ oneTimePassword }) => {
              if (oneTimePassword) {
                this.showOneTimePassword({ displayName: user.displayName, oneTimePassword });
              } else {
                this.snackBar.open(text.requestedDone(user.displayName), undefined, { duration: 4000 });
              }
              this.reload();
            },
            error: (error: unknown) => this.reportFailure(error),
          }),
    );
  }

  protected review(user: ListedUser): void {
    const text = this.messages().users;
    this.dialog
      .open<ChangeApprovalDialog, ListedUser, ChangeApprovalResult>(ChangeApprovalDialog, { data: user, width: '560px', maxWidth: '95vw' })
      .afterClosed()
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe((result) => {
        if (!result) return;
        if (result.outcome === 'approved' && result.approval.passwordPart) {
          this.showOneTimePassword({ displayName: user.displayName, oneTimePassword: result.approval.passwordPart, part: 1 });
        }
        const done =
          result.outcome === 'approved'
            ? text.approvedDone(user.displayName)
            : result.outcome === 'rejected'
              ? text.rejectedDone(user.displayName)
              : this.messages().common.versionConflict;
        this.snackBar.open(done, undefined, { duration: 4000 });
        this.reload();
      });
  }

  protected collectPasswordPart(user: User): void {
    this.api
      .collectPasswordPart(user.id)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (part) => {
          this.showOneTimePassword({ displayName: user.displayName, oneTimePassword: part, part: 2 });
          this.reload();
        },
        error: (error: unknown) => this.reportFailure(error),
      });
  }

  protected pendingNote(user: User): string | null {
    const text = this.messages().users;
    return user.pendingChange ? text.awaitingApproval(text.changeKinds[user.pendingChange.kind]) : null;
  }

  private openUserForm(data: UserFormDialogData): void {
    this.dialog
      .open<UserFormDialog, UserFormDialogData, UserFormDialogResult>(UserFormDialog, {
        data,
        width: '560px',
        maxWidth: '95vw',
      })
      .afterClosed()
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe((result) => {
        if (result?.outcome === 'created') {
          this.reload();
          const { user, oneTimePassword } = result.created;
          this.showOneTimePassword({ displayName: user.displayName, oneTimePassword });
        } else {
          this.afterDialog(result);
        }
      });
  }

  private afterDialog(result: UserFormDialogResult | RolesDialogResult | undefined): void {
    if (!result) return;
    const message =
      result.outcome === 'conflict'
        ? this.messages().common.versionConflict
        : result.outcome === 'saved' && result.user.pendingChange
          ? this.messages().users.requestedDone(result.user.displayName)
          : this.messages().common.saved;
    this.snackBar.open(message, undefined, { duration: 4000 });
    this.reload();
  }

  private showOneTimePassword(data: OneTimePasswordDialogData): void {
    this.dialog.open(OneTimePasswordDialog, { data, disableClose: true, width: '480px', maxWidth: '95vw' });
  }

  private confirm(data: ConfirmDialogData, onConfirm: () => void): void {
    this.dialog
      .open<ConfirmDialog, ConfirmDialogData, boolean>(ConfirmDialog, { data, maxWidth: '95vw' })
      .afterClosed()
      .pipe(
        filter((confirmed) => confirmed === true),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe(onConfirm);
  }

  private act(request: Observable<User>, done: () => string): void {
    request.pipe(takeUntilDestroyed(this.destroyRef)).subscribe({
      next: () => {
        this.snackBar.open(done(), undefined, { duration: 4000 });
        this.reload();
      },
      error: (error: unknown) => this.reportFailure(error),
    });
  }

  private reportFailure(error: unknown): void {
    const conflict = problemCodeOf(error) === 'version_conflict';
    const message = conflict ? this.messages().common.versionConflict : describeProblem(error, this.messages());
    this.snackBar.open(message, this.messages().common.close);
    this.reload();
  }
}
