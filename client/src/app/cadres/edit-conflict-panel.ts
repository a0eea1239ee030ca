import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, effect, inject, input, linkedSignal, output, viewChild, type ElementRef } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatRadioModule } from '@angular/material/radio';
import type { EditChoice, EditState } from '@cadre/shared-models';
import { I18n } from '../core/i18n/i18n';
import { describeEditConflict, type EditConflict, type EditField } from './edit-conflict';

export type EditChoices = Partial<Record<EditField, EditChoice>>;

/**
 * After a save refused because someone else saved first: the fields both people changed, each
 * with both values and a choice of side, and what is merged without asking (their changes to
 * fields this person left alone, this person's changes to fields they left alone).
 */
@Component({
  selector: 'cadre-edit-conflict-panel',
  imports: [DatePipe, MatButtonModule, MatRadioModule],
  templateUrl: './edit-conflict-panel.html',
  styleUrl: './edit-conflict-panel.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class EditConflictPanel {
  readonly conflict = input.required<EditConflict>();
  /** Unit names by id, for a changed 所在单位. */
  readonly unitNames = input.required<ReadonlyMap<string, string>>();
  readonly busy = input(false);
  /** The sides picked, once every field both changed has one. */
  readonly merge = output<EditChoices>();

  private readonly i18n = inject(I18n);
  protected readonly messages = this.i18n.messages;
  protected readonly language = this.i18n.language;

  /** A new conflict starts with nothing picked. */
  protected readonly choices = linkedSignal<EditConflict, EditChoices>({ source: this.conflict, computation: () => ({}) });
  private readonly rows = computed(() => {
    const names = this.unitNames();
    return describeEditConflict(this.conflict(), this.messages().portrait, (id) => (id ? (names.get(id) ?? '') : ''));
  });
  protected readonly clashes = computed(() => this.rows().filter((row) => row.state === 'conflict'));
  protected readonly takenFields = computed(() => this.labelsOf('theirs-only'));
  protected readonly keptFields = computed(() => this.labelsOf('mine-only'));
  protected readonly unchosen = computed(() => this.clashes().filter((row) => !this.choices()[row.field]).length);

  private readonly panel = viewChild.required<ElementRef<HTMLElement>>('panel');

  constructor() {
    // The panel appears above the form while the person is down at the save button.
    effect(() => {
      this.conflict();
      const panel = this.panel().nativeElement;
      panel.scrollIntoView({ block: 'start', behavior: 'smooth' });
      panel.focus({ preventScroll: true });
    });
  }

  protected choose(field: EditField, choice: EditChoice): void {
    this.choices.update((choices) => ({ ...choices, [field]: choice }));
  }

  /** The labels of the fields in one state, as one list for a sentence. */
  private labelsOf(state: EditState): string {
    return this.rows()
      .filter((row) => row.state === state)
      .map((row) => row.label)
      .join('、');
  }
}
