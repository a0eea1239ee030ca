import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { EVIDENCE_SOURCES } from '@cadre/shared-models';
import { describeControlErrors } from '../core/forms/schema-validator';
import { I18n } from '../core/i18n/i18n';
import { bandGroup, levelGroup, type IndicatorForm } from './framework-form';
import { TierCategoryFields } from '../core/forms/tier-category-fields';

/** One indicator of a draft: what it asks, its weight, its rubric, the evidence it is scored from, and whom it applies to. */
@Component({
  selector: 'cadre-indicator-editor',
  imports: [ReactiveFormsModule, MatButtonModule, MatFormFieldModule, MatInputModule, MatSelectModule, TierCategoryFields],
  templateUrl: './indicator-editor.html',
  styleUrl: './framework-editor.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class IndicatorEditor {
  readonly group = input.required<IndicatorForm>();

  protected readonly messages = inject(I18n).messages;
  protected readonly errorsOf = describeControlErrors;
  protected readonly choices = { sources: EVIDENCE_SOURCES };

  protected addLevel(): void {
    this.group().controls.rubric.push(levelGroup({ label: '', score: 0, description: '' }));
  }

  protected removeLevel(index: number): void {
    this.group().controls.rubric.removeAt(index);
  }

  protected addBand(): void {
    const bands = this.group().controls.evidence.controls.bands;
    const last = bands.at(bands.length - 1)?.controls.min.value ?? -1;
    bands.push(bandGroup({ min: last + 1, score: 100 }));
  }

  protected removeBand(index: number): void {
    this.group().controls.evidence.controls.bands.removeAt(index);
  }

  /** Choosing a source starts the rule with one band, which the schema requires. */
  protected sourceChanged(): void {
    const evidence = this.group().controls.evidence;
    if (evidence.controls.source.value && evidence.controls.bands.length === 0) evidence.controls.bands.push(bandGroup({ min: 0, score: 60 }));
  }
}
