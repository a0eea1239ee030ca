import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { EVIDENCE_SOURCES, GRADES } from '@cadre/shared-models';
import { describeControlErrors } from '../core/forms/schema-validator';
import { I18n } from '../core/i18n/i18n';
import { dimensionGroup, freeId, indicatorGroup, newIndicator, takenIds, vetoGroup, type FrameworkForm } from './framework-form';
import { IndicatorEditor } from './indicator-editor';
import { TierCategoryFields } from '../core/forms/tier-category-fields';

/** The form of a draft framework: its name, dimensions with their indicators, veto rules and grade bands. */
@Component({
  selector: 'cadre-framework-editor',
  imports: [ReactiveFormsModule, MatButtonModule, MatFormFieldModule, MatInputModule, MatSelectModule, IndicatorEditor, TierCategoryFields],
  templateUrl: './framework-editor.html',
  styleUrl: './framework-editor.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FrameworkEditor {
  readonly form = input.required<FrameworkForm>();

  protected readonly messages = inject(I18n).messages;
  protected readonly errorsOf = describeControlErrors;
  protected readonly choices = { sources: EVIDENCE_SOURCES, grades: GRADES };
  protected readonly bandGrades = ['优秀', '称职', '基本称职'] as const;

  protected addDimension(): void {
    const form = this.form();
    const taken = takenIds(form);
    const text = this.messages().frameworks;
    const dimensionId = freeId('dimension', taken);
    const indicatorId = freeId('indicator', new Set([...taken, dimensionId]));
    form.controls.dimensions.push(
      dimensionGroup({
        id: dimensionId,
        name: text.newDimension,
        description: '',
        weight: 10,
        applicability: { tiers: [], categories: [] },
        indicators: [newIndicator(indicatorId, text.newIndicator, 100)],
      }),
    );
  }

  protected removeDimension(index: number): void {
    this.form().controls.dimensions.removeAt(index);
  }

  protected addIndicator(dimensionIndex: number): void {
    const form = this.form();
    const indicators = form.controls.dimensions.at(dimensionIndex).controls.indicators;
    indicators.push(indicatorGroup(newIndicator(freeId('indicator', takenIds(form)), this.messages().frameworks.newIndicator, 10)));
  }

  protected removeIndicator(dimensionIndex: number, index: number): void {
    this.form().controls.dimensions.at(dimensionIndex).controls.indicators.removeAt(index);
  }

  protected addVeto(): void {
    const vetoRules = this.form().controls.vetoRules;
    const taken = new Set(vetoRules.controls.map((rule) => rule.controls.id.value));
    vetoRules.push(vetoGroup({ id: freeId('veto', taken), description: '', source: 'serious_sanctions', min: 1, capGrade: '称职' }));
  }

  protected removeVeto(index: number): void {
    this.form().controls.vetoRules.removeAt(index);
  }
}
