import { NgTemplateOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component, DestroyRef, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable, toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatMenuModule } from '@angular/material/menu';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatTreeModule } from '@angular/material/tree';
import { catchError, filter, map, of, startWith, switchMap } from 'rxjs';
import { AuthSession } from '../../core/auth/auth-session';
import { ConfirmDialog, type ConfirmDialogData } from '../../core/dialogs/confirm-dialog';
import { problemCodeOf } from '../../core/http/api-error';
import { describeFailure } from '../../core/http/describe-failure';
import { FailureNotice } from '../../core/http/failure-notice';
import { I18n } from '../../core/i18n/i18n';
import { UnitFormDialog, type UnitDialogResult, type UnitFormDialogData } from './unit-form-dialog';
import { UnitMoveDialog, type UnitMoveDialogData } from './unit-move-dialog';
import { buildUnitTree, type UnitNode } from './unit-tree';
import { UnitsApi } from './units-api';

type TreeState =
  | { readonly status: 'loading' }
  | { readonly status: 'loaded'; readonly roots: UnitNode[] }
  | { readonly status: 'failed'; readonly error: unknown };

/** The organization tree; the org admin edits it, everyone else who may read it sees it read-only. */
@Component({
  selector: 'cadre-units',
  imports: [NgTemplateOutlet, MatButtonModule, MatMenuModule, MatProgressBarModule, MatTreeModule, FailureNotice],
  templateUrl: './units.html',
  styleUrl: './units.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class Units {
  private readonly api = inject(UnitsApi);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly destroyRef = inject(DestroyRef);

  private readonly session = inject(AuthSession);

  protected readonly messages = inject(I18n).messages;
  protected readonly canWrite = computed(() => this.session.can('unit:write'));

  private readonly reloads = signal(0);
  protected readonly state = toSignal(
    toObservable(this.reloads).pipe(
      switchMap(() =>
        this.api.list().pipe(
          map((units): TreeState => ({ status: 'loaded', roots: buildUnitTree(units) })),
          catchError((error: unknown) => of<TreeState>({ status: 'failed', error })),
          startWith<TreeState>({ status: 'loading' }),
        ),
      ),
    ),
    { initialValue: { status: 'loading' } as TreeState },
  );
  protected readonly roots = computed(() => {
    const state = this.state();
    return state.status === 'loaded' ? state.roots : [];
  });
  protected readonly failure = computed(() => {
    const state = this.state();
    return state.status === 'failed' ? describeFailure(state.error, this.messages()) : null;
  });

  protected readonly childrenOf = (node: UnitNode): UnitNode[] => [...node.children];
  protected readonly hasChildren = (_index: number, node: UnitNode): boolean => node.children.length > 0;
  /** Nodes are rebuilt on every load; keying expansion by unit id keeps open branches open. */
  protected readonly expansionKey = (node: UnitNode): string => node.unit.id;

  /** Tree rows reach the template untyped, so the label lookup happens here. */
  protected typeLabel(node: UnitNode): string {
    return this.messages().unitTypes[node.unit.type];
  }

  protected reload(): void {
    this.reloads.update((count) => count + 1);
  }

  protected addChild(parent: UnitNode): void {
    this.openDialog(UnitFormDialog, { mode: 'create', parent: parent.unit } satisfies UnitFormDialogData);
  }

  protected edit(node: UnitNode): void {
    this.openDialog(UnitFormDialog, { mode: 'edit', unit: node.unit } satisfies UnitFormDialogData);
  }

  protected move(node: UnitNode): void {
    this.openDialog(UnitMoveDialog, { node, roots: this.roots() } satisfies UnitMoveDialogData);
  }

  protected remove(node: UnitNode): void {
    const text = this.messages().units;
    this.dialog
      .open<ConfirmDialog, ConfirmDialogData, boolean>(ConfirmDialog, {
        data: { title: text.delete, message: text.confirmDelete(node.unit.name), confirmLabel: text.delete },
        maxWidth: '95vw',
      })
      .afterClosed()
      .pipe(
        filter((confirmed) => confirmed === true),
        switchMap(() => this.api.remove(node.unit.id)),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: () => {
          this.snackBar.open(text.deleted(node.unit.name), undefined, { duration: 4000 });
          this.reload();
        },
        error: (error: unknown) => {
          const message = problemCodeOf(error) === 'unit_not_empty' ? text.notEmpty : describeFailure(error, this.messages()).title;
          this.snackBar.open(message, this.messages().common.close);
        },
      });
  }

  private openDialog<D>(component: typeof UnitFormDialog | typeof UnitMoveDialog, data: D): void {
    this.dialog
      .open<unknown, D, UnitDialogResult>(component, { data, width: '480px', maxWidth: '95vw' })
      .afterClosed()
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe((result) => {
        if (!result) return;
        const common = this.messages().common;
        this.snackBar.open(result === 'conflict' ? common.versionConflict : common.saved, undefined, { duration: 4000 });
        this.reload();
      });
  }
}
