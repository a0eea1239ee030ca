import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  ElementRef,
  ViewEncapsulation,
  afterNextRender,
  computed,
  inject,
  input,
  signal,
} from '@angular/core';
import { GRADES, type CycleDistribution } from '@cadre/shared-models';
import { BarChartModule, type MultiSeries } from '@swimlane/ngx-charts';
import { GRADE_COLORS, formatCount } from '../calibration/grade-chart';
import { I18n } from '../core/i18n/i18n';

/**
 * Each unit's grades as one stacked bar. The bars run across, so unit names fit on a phone as on
 * a desktop; the legend is plain markup below, where ngx-charts' own would overflow.
 */
@Component({
  selector: 'cadre-grade-distribution-chart',
  imports: [BarChartModule],
  template: `
    @let text = messages().results;
    @if (width() > 0) {
      <ngx-charts-bar-horizontal-stacked
        [view]="[width(), 48 + 32 * series().length]"
        [results]="series()"
        [scheme]="colors"
        [animations]="animations"
        [xAxis]="true"
        [yAxis]="true"
        [xAxisTickFormatting]="formatCount"
        [maxYAxisTickLength]="compact() ? 6 : 16"
        [barPadding]="8"
        [noBarWhenZero]="true"
        [legend]="false"
      />
    }
    <ul class="legend" [attr.aria-label]="text.gradeLegend">
      @for (grade of grades; track grade; let i = $index) {
        <li><span class="swatch" [style.background]="colors.domain[i]"></span>{{ messages().calibration.grades[grade] }}</li>
      }
    </ul>
  `,
  styles: `
    cadre-grade-distribution-chart {
      display: block;
      min-width: 0;
    }
    cadre-grade-distribution-chart .ngx-charts text {
      fill: var(--mat-sys-on-surface-variant);
    }
    cadre-grade-distribution-chart .legend {
      display: flex;
      flex-wrap: wrap;
      gap: 4px 16px;
      margin: 8px 0 0;
      padding: 0;
      list-style: none;
      font: var(--mat-sys-body-small);
    }
    cadre-grade-distribution-chart .swatch {
      display: inline-block;
      width: 10px;
      height: 10px;
      margin-inline-end: 6px;
      border-radius: 2px;
    }
  `,
  // ngx-charts renders its own unencapsulated markup; the rules above stay under this element.
  encapsulation: ViewEncapsulation.None,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class GradeDistributionChart {
  readonly distribution = input.required<CycleDistribution>();

  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  protected readonly messages = inject(I18n).messages;
  protected readonly width = signal(0);
  protected readonly compact = computed(() => this.width() < 600);
  protected readonly grades = GRADES;
  protected readonly colors = GRADE_COLORS;
  protected readonly formatCount = formatCount;
  protected readonly animations = !matchMedia('(prefers-reduced-motion: reduce)').matches;
  protected readonly series = computed((): MultiSeries => {
    const labels = this.messages().calibration.grades;
    return this.distribution().units.map((unit) => ({
      name: unit.unitName,
      series: GRADES.map((grade) => ({ name: labels[grade], value: unit.counts[grade] })),
    }));
  });

  constructor() {
    // ngx-charts only follows window resizes; the card it sits in can change width on its own.
    const observer = new ResizeObserver(([entry]) => {
      if (entry) this.width.set(Math.floor(entry.contentRect.width));
    });
    afterNextRender(() => observer.observe(this.host.nativeElement));
    inject(DestroyRef).onDestroy(() => observer.disconnect());
  }
}
