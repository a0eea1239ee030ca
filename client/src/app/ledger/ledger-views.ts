import { ChangeDetectionStrategy, Component, DestroyRef, computed, inject, input, output, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatMenuModule } from '@angular/material/menu';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import type { LedgerColumn, LedgerFilter, LedgerQuery, LedgerView } from '@cadre/shared-models';
import { filter, type Observable } from 'rxjs';
import { ConfirmDialog, type ConfirmDialogData } from '../core/dialogs/confirm-dialog';
import { ApiError } from '../core/http/api-error';
import { describeFailure } from '../core/http/describe-failure';
import { I18n } from '../core/i18n/i18n';
import { LedgerApi } from './ledger-api';
import { sameView } from './ledger-query';
import { LedgerViewDialog, type LedgerViewDialogData } from './ledger-view-dialog';

/** What a saved view keeps: the filters, the sort and the columns. */
export interface LedgerSettings {
  readonly filter: LedgerFilter;
  readonly sort: LedgerQuery['sort'];
  readonly direction: LedgerQuery['direction'];
  readonly columns: readonly LedgerColumn[];
}

type ViewsState =
  | { readonly status: 'loading' | 'failed' }
  | { readonly status: 'loaded'; readonly views: readonly LedgerView[] };

/**
 * The user's saved views: apply one, save the current settings as a new one, overwrite,
 * rename or delete the one in use. Views are private to their owner; the server enforces it.
 */
@Component({
  selector: 'cadre-ledger-views',
  imports: [MatButtonModule, MatFormFieldModule, MatMenuModule, MatSelectModule],
  template: `
    @let text = messages().ledger;
    <mat-form-field class="view-select" subscriptSizing="dynamic">
      <mat-label>{{ text.views }}</mat-label>
      <mat-select [value]="activeId()" [disabled]="state().status !== 'loaded'" (selectionChange)="choose($event.value)">
        <mat-option [value]="null">{{ text.noView }}</mat-option>
        @for (view of views(); track view.id) {
          <mat-option [value]="view.id">{{ view.name }}</mat-option>
        }
      </mat-select>
      @if (state().status === 'failed') {
        <mat-hint class="warning">{{ text.viewsUnavailable }}</mat-hint>
      } @else if (modified()) {
        <mat-hint>{{ text.viewModified }}</mat-hint>
      }
    </mat-form-field>
    @if (state().status === 'failed') {
      <button matButton type="button" (click)="load()">{{ messages().common.retry }}</button>
    }
    <button matButton="outlined" type="button" [disabled]="busy()" (click)="saveAs()">{{ text.saveView }}</button>
    @if (active(); as view) {
      <button matButton type="button" [disabled]="busy()" [matMenuTriggerFor]="viewMenu">{{ text.viewActions }}</button>
      <mat-menu #viewMenu="matMenu">
        <button mat-menu-item type="button" (click)="overwrite(view)">{{ text.overwriteView }}</button>
        <button mat-menu-item type="button" (click)="rename(view)">{{ text.renameView }}</button>
        <button mat-menu-item type="button" (click)="remove(view)">{{ text.deleteView }}</button>
      </mat-menu>
    }
  `,
  styles: `
    :host {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px;
    }
    /* Narrow enough to share a phone's line with the save button, wider when there is room. */
    .view-select {
      flex: 1 1 160px;
      max-width: 280px;
    }
    .warning {
      color: var(--mat-sys-error);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LedgerViews {
  /** The settings on screen, which saving stores and which tell whether the view was changed. */
  readonly settings = input.required<LedgerSettings>();
  readonly apply = output<LedgerView>();

  private readonly api = inject(LedgerApi);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly destroyRef = inject(DestroyRef);

  protected readonly messages = inject(I18n).messages;
  protected readonly state = signal<ViewsState>({ status: 'loading' });
  protected readonly busy = signal(false);
  protected readonly activeId = signal<string | null>(null);
  protected readonly views = computed(() => {
    const state = this.state();
    return state.status === 'loaded' ? state.views : [];
  });
  protected readonly active = computed(() => this.views().find((view) => view.id === this.activeId()) ?? null);
  protected readonly modified = computed(() => {
    const view = this.active();
    return view !== null && !sameView(view, this.settings());
  });

  constructor() {
    this.load();
  }

  protected load(): void {
    this.state.set({ status: 'loading' });
    this.api
      .views()
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (views) => this.state.set({ status: 'loaded', views }),
        error: () => this.state.set({ status: 'failed' }),
      });
  }

  protected choose(id: string | null): void {
    this.activeId.set(id);
    const view = this.active();
    if (view) this.apply.emit(view);
  }

  protected saveAs(): void {
    const { filter: viewFilter, sort, direction, columns } = this.settings();
    this.openDialog({ mode: 'create', settings: { filter: viewFilter, sort, direction, columns: [...columns] } });
  }

  protected rename(view: LedgerView): void {
    this.openDialog({ mode: 'rename', view });
  }

  protected overwrite(view: LedgerView): void {
    const { filter: viewFilter, sort, direction, columns } = this.settings();
    this.run(this.api.updateView(view.id, { name: view.name, filter: viewFilter, sort, direction, columns: [...columns] }), (saved) => {
      this.store(saved);
      this.tell(this.messages().ledger.viewSaved(saved.name));
    });
  }

  protected remove(view: LedgerView): void {
    const text = this.messages().ledger;
    const data: ConfirmDialogData = { title: text.deleteView, message: text.confirmDeleteView(view.name), confirmLabel: text.deleteView };
    this.dialog
      .open<ConfirmDialog, ConfirmDialogData, boolean>(ConfirmDialog, { data, maxWidth: '95vw' })
      .afterClosed()
      .pipe(
        filter((confirmed) => confirmed === true),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe(() =>
        this.run(this.api.deleteView(view.id), () => {
          this.state.update((state) =>
            state.status === 'loaded' ? { status: 'loaded', views: state.views.filter((each) => each.id !== view.id) } : state,
          );
          this.activeId.set(null);
          this.tell(text.viewDeleted(view.name));
        }),
      );
  }

  private openDialog(data: LedgerViewDialogData): void {
    this.dialog
      .open<LedgerViewDialog, LedgerViewDialogData, LedgerView>(LedgerViewDialog, { data, width: '480px', maxWidth: '95vw' })
      .afterClosed()
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe((saved) => {
        if (!saved) return;
        this.store(saved);
        this.activeId.set(saved.id);
        this.tell(this.messages().ledger.viewSaved(saved.name));
      });
  }

  /** Puts a saved view into the list in place of its older self, or at the end when new. */
  private store(saved: LedgerView): void {
    this.state.update((state) => {
      if (state.status !== 'loaded') return state;
      const known = state.views.some((view) => view.id === saved.id);
      const views = known ? state.views.map((view) => (view.id === saved.id ? saved : view)) : [...state.views, saved];
      return { status: 'loaded', views };
    });
  }

  private run<T>(request: Observable<T>, done: (result: T) => void): void {
    this.busy.set(true);
    request.pipe(takeUntilDestroyed(this.destroyRef)).subscribe({
      next: (result) => {
        this.busy.set(false);
        done(result);
      },
      error: (error: unknown) => {
        this.busy.set(false);
        // A refused overwrite names what the server objected to (say, a filter no longer valid).
        const reasons = error instanceof ApiError ? (error.problem?.errors ?? []).map((each) => each.message) : [];
        const message = reasons.length ? reasons.join('；') : describeFailure(error, this.messages()).title;
        this.snackBar.open(message, this.messages().common.close);
      },
    });
  }

  private tell(message: string): void {
    this.snackBar.open(message, undefined, { duration: 4000 });
  }
}
