import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import type { Applicability, FrameworkVersion } from '@cadre/shared-models';
import { I18n } from '../core/i18n/i18n';

/** A framework version read-only: each dimension with its indicators, rubrics and evidence, the veto rules and grade bands. */
@Component({
  selector: 'cadre-framework-viewer',
  templateUrl: './framework-viewer.html',
  styleUrl: './framework-viewer.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FrameworkViewer {
  readonly version = input.required<FrameworkVersion>();

  protected readonly messages = inject(I18n).messages;
  protected readonly bandGrades = ['优秀', '称职', '基本称职'] as const;

  protected applicabilityText(applicability: Applicability): string {
    const parts = [...applicability.tiers, ...applicability.categories];
    return parts.length ? parts.join('、') : this.messages().frameworks.appliesToAll;
  }
}
