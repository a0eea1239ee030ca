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
import { GRADES, type Grade } from '@cadre/shared-models';
import { BarChartModule, ScaleType, type Color, type SingleSeries } from '@swimlane/ngx-charts';
import { I18n } from '../core/i18n/i18n';

/** Best to worst: green to red, so a glance tells a healthy unit from a troubled one. */
export const GRADE_COLORS: Color = {
  name: 'cadre-grades',
  selectable: false,
  group: ScaleType.Ordinal,
  domain: ['#2e7d32', '#1565c0', '#ef6c00', '#c62828'],
};

/** Counts are whole people; ticks that d3 places between integers get no label. */
export function formatCount(value: number): string {
  return Number.isInteger(value) ? String(value) : '';
}

/**
 * A unit's grades as bars, with the 优秀 cap drawn as a line across the chart; the counts are
 * also listed as text below, for those who cannot see the bars.
 */
@Component({
  selector: 'cadre-grade-chart',
  imports: [BarChartModule],
  template: `
    @let text = messages().calibration;
    @if (width() > 0) {
      <ngx-charts-bar-vertical
        [view]="[width(), 220]"
        [results]="series()"
        [scheme]="colors"
        [animations]="animations"
        [xAxis]="true"
        [yAxis]="true"
        [yAxisTickFormatting]="formatCount"
        [yScaleMax]="scaleMax()"
        [showRefLines]="true"
        [showRefLabels]="true"
        [referenceLines]="capLine()"
        [barPadding]="16"
        aria-hidden="true"
      />
    }
    <ul class="grade-counts">
      @for (grade of grades; track grade; let i = $index) {
        <li>
          <span class="swatch" [style.background]="colors.domain[i]"></span>{{ text.grades[grade] }} {{ distribution()[grade] }}
          @if (grade === '优秀') {
            （{{ text.capLine(excellentCap()) }}）
          }
        </li>
      }
    </ul>
  `,
  styles: `
    cadre-grade-chart {
      display: block;
      min-width: 0;
    }
    cadre-grade-chart .ngx-charts text {
      fill: var(--mat-sys-on-surface-variant);
    }
    cadre-grade-chart .ngx-charts .ref-line-path {
      stroke: var(--mat-sys-error);
      stroke-dasharray: 4 4;
    }
    cadre-grade-chart .grade-counts {
      display: flex;
      flex-wrap: wrap;
      gap: 4px 16px;
      margin: 8px 0 0;
      padding: 0;
      list-style: none;
      font: var(--mat-sys-body-small);
    }
    cadre-grade-chart .swatch {
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
export class GradeChart {
  readonly distribution = input.required<Readonly<Record<Grade, number>>>();
  readonly excellentCap = input.required<number>();

  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  protected readonly messages = inject(I18n).messages;
  protected readonly width = signal(0);
  protected readonly grades = GRADES;
  protected readonly colors = GRADE_COLORS;
  protected readonly formatCount = formatCount;
  protected readonly animations = !matchMedia('(prefers-reduced-motion: reduce)').matches;
  protected readonly series = computed((): SingleSeries => {
    const labels = this.messages().calibration.grades;
    return GRADES.map((grade) => ({ name: labels[grade], value: this.distribution()[grade] }));
  });
  protected readonly capLine = computed(() => [{ name: this.messages().calibration.capLine(this.excellentCap()), value: this.excellentCap() }]);
  /** The cap line stays inside the plot even when every bar is below it. */
  protected readonly scaleMax = computed(() => Math.max(this.excellentCap(), ...this.series().map((point) => point.value as number), 1));

  constructor() {
    // ngx-charts only follows window resizes; the card it sits in can change width on its own.
    const observer = new ResizeObserver(([entry]) => {
      if (entry) this.width.set(Math.floor(entry.contentRect.width));
    });
    afterNextRender(() => observer.observe(this.host.nativeElement));
    inject(DestroyRef).onDestroy(() => observer.disconnect());
  }
}
