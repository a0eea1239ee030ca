import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { MatChipsModule, type MatChipListboxChange } from '@angular/material/chips';
import { MatTooltipModule } from '@angular/material/tooltip';
import type { DerivedTag } from '@cadre/shared-models';
import { I18n } from '../core/i18n/i18n';

/**
 * The tags the platform derives, each with the fact that earned it: in a tooltip for a mouse,
 * and spelled out under the chips once a chip is chosen, since a phone has no hover. A printout
 * lists every tag with its evidence.
 */
@Component({
  selector: 'cadre-derived-tags',
  imports: [MatChipsModule, MatTooltipModule],
  template: `
    @let text = messages().portrait;
    @if (tags().length === 0) {
      <p class="none">{{ text.noDerivedTags }}</p>
    } @else {
      <mat-chip-listbox multiple class="chips" [attr.aria-label]="text.derivedTags" (change)="choose($event)">
        @for (tag of tags(); track tag.tag) {
          <mat-chip-option [value]="tag.tag" [matTooltip]="tag.evidence">{{ tag.tag }}</mat-chip-option>
        }
      </mat-chip-listbox>
      <p class="hint">{{ text.tagEvidenceHint }}</p>
      <ul class="evidence" aria-live="polite">
        @for (tag of tags(); track tag.tag) {
          <li [class.chosen]="chosen().includes(tag.tag)">
            <span class="tag">{{ tag.tag }}</span><span class="arrow" aria-hidden="true">←</span>{{ tag.evidence }}
          </li>
        }
      </ul>
    }
  `,
  styles: `
    .none,
    .hint {
      margin: 4px 0 0;
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
    .evidence {
      margin: 8px 0 0;
      padding: 0;
      list-style: none;
    }
    .evidence li {
      display: none;
      padding: 2px 0;
    }
    .evidence li.chosen {
      display: block;
    }
    .tag {
      font-weight: 500;
    }
    .arrow {
      margin: 0 6px;
      color: var(--mat-sys-on-surface-variant);
    }
    @media print {
      .chips,
      .hint {
        display: none;
      }
      .evidence li {
        display: block;
      }
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DerivedTags {
  readonly tags = input.required<readonly DerivedTag[]>();

  protected readonly messages = inject(I18n).messages;
  protected readonly chosen = signal<readonly string[]>([]);

  protected choose(change: MatChipListboxChange): void {
    this.chosen.set(change.value as string[]);
  }
}
