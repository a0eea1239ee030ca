import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { I18n } from '../core/i18n/i18n';
import type { UnitOption } from './unit-options';

export interface UnitTreeDialogData {
  /** The units the user may filter by, in tree order (buildUnitOptions: already limited to their scope). */
  readonly options: readonly UnitOption[];
  readonly selectedId: string | null;
}

/** A unit in the picker with where it sits: whether it has sub-units, and the units above it. */
interface TreeRow {
  readonly option: UnitOption;
  readonly hasChildren: boolean;
  readonly ancestorIds: readonly string[];
}

/** Each option with its ancestors among the options (tree order: the nearest shallower one before it). */
export function toTreeRows(options: readonly UnitOption[]): TreeRow[] {
  const stack: UnitOption[] = [];
  return options.map((option, index) => {
    while (stack.length > 0 && stack[stack.length - 1]!.depth >= option.depth) stack.pop();
    const row = { option, hasChildren: (options[index + 1]?.depth ?? -1) > option.depth, ancestorIds: stack.map((each) => each.id) };
    stack.push(option);
    return row;
  });
}

/**
 * The organization tree to pick the ledger's unit from, beside the type-ahead: for people who
 * know where a unit sits rather than its name. Picking a unit filters by its subtree, as the
 * type-ahead does. The top level is open, and so is the way down to the unit in force.
 */
@Component({
  selector: 'cadre-unit-tree-dialog',
  imports: [MatButtonModule, MatDialogModule],
  template: `
    @let text = messages().ledger;
    <h2 mat-dialog-title>{{ text.unitTreeTitle }}</h2>
    <mat-dialog-content>
      <p class="hint">{{ text.unitTreeHint }}</p>
      <ul class="tree" role="tree" [attr.aria-label]="text.unitTreeTitle">
        @for (row of visibleRows(); track row.option.id) {
          <li
            role="treeitem"
            [attr.aria-level]="row.option.depth + 1"
            [attr.aria-expanded]="row.hasChildren ? isOpen(row.option.id) : null"
            [attr.aria-selected]="row.option.id === data.selectedId"
            [style.padding-inline-start.px]="row.option.depth * 20"
          >
            @if (row.hasChildren) {
              <button
                matIconButton
                type="button"
                class="toggle"
                [attr.aria-label]="isOpen(row.option.id) ? text.collapseUnit(row.option.name) : text.expandUnit(row.option.name)"
                (click)="toggle(row.option.id)"
              >
                <span class="chevron" [class.open]="isOpen(row.option.id)" aria-hidden="true">▸</span>
              </button>
            } @else {
              <span class="toggle-space" aria-hidden="true"></span>
            }
            <button
              matButton
              type="button"
              class="pick"
              [class.selected]="row.option.id === data.selectedId"
              [attr.aria-label]="text.pickUnit(row.option.name)"
              (click)="pick(row.option)"
            >
              {{ row.option.name }}
            </button>
          </li>
        } @empty {
          <li class="empty">{{ text.noUnitsToPick }}</li>
        }
      </ul>
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button matButton type="button" mat-dialog-close>{{ messages().common.cancel }}</button>
    </mat-dialog-actions>
  `,
  styles: `
    .hint {
      margin: 0 0 8px;
      color: var(--mat-sys-on-surface-variant);
    }
    .tree {
      margin: 0;
      padding: 0;
      list-style: none;
    }
    li {
      display: flex;
      align-items: center;
      min-height: 40px;
    }
    /* A row without sub-units keeps the toggle's width, so names of one level line up. */
    .toggle,
    .toggle-space {
      flex: none;
      width: 40px;
      height: 40px;
      padding: 8px;
    }
    .toggle-space {
      display: inline-block;
      box-sizing: border-box;
    }
    .chevron {
      display: inline-block;
      transition: transform 120ms;
    }
    .chevron.open {
      transform: rotate(90deg);
    }
    .pick {
      justify-content: flex-start;
      text-align: start;
    }
    .pick.selected {
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class UnitTreeDialog {
  protected readonly data = inject<UnitTreeDialogData>(MAT_DIALOG_DATA);
  private readonly dialogRef = inject<MatDialogRef<UnitTreeDialog, string>>(MatDialogRef);
  protected readonly messages = inject(I18n).messages;

  private readonly rows = toTreeRows(this.data.options);
  private readonly opened = signal<ReadonlySet<string>>(this.initiallyOpen());
  protected readonly visibleRows = computed(() => {
    const open = this.opened();
    return this.rows.filter((row) => row.ancestorIds.every((id) => open.has(id)));
  });

  protected isOpen(id: string): boolean {
    return this.opened().has(id);
  }

  protected toggle(id: string): void {
    this.opened.update((open) => {
      const next = new Set(open);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  }

  protected pick(option: UnitOption): void {
    this.dialogRef.close(option.id);
  }

  private initiallyOpen(): Set<string> {
    const open = new Set(this.rows.filter((row) => row.option.depth === 0).map((row) => row.option.id));
    const selected = this.rows.find((row) => row.option.id === this.data.selectedId);
    for (const id of selected?.ancestorIds ?? []) open.add(id);
    return open;
  }
}
