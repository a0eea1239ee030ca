import { DecimalPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { MatExpansionModule } from '@angular/material/expansion';
import { EVIDENCE_SOURCE_LABELS, type DimensionResult } from '@cadre/shared-models';
import { I18n } from '../core/i18n/i18n';

/**
 * How each dimension's score came about, one expandable panel per dimension: its indicators,
 * each rater group's responses, the ratings counted and dropped, the mean, and the evidence.
 * A group below its minimum shows only that it was left out: its ratings would identify voters.
 */
@Component({
  selector: 'cadre-dimension-explanation',
  imports: [DecimalPipe, MatExpansionModule],
  templateUrl: './dimension-explanation.html',
  styleUrl: './dimension-explanation.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DimensionExplanation {
  readonly dimensions = input.required<readonly DimensionResult[]>();

  private readonly i18n = inject(I18n);
  protected readonly messages = this.i18n.messages;
  protected readonly language = this.i18n.language;
  protected readonly sourceLabels = EVIDENCE_SOURCE_LABELS;

  protected scoreText(score: number | null): string {
    if (score === null) return this.messages().results.unscored;
    return score.toFixed(2);
  }
}
