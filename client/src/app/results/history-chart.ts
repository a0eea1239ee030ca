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
import { CYCLE_TYPE_LABELS, type AssessmentHistoryEntry } from '@cadre/shared-models';
import { LineChartModule, ScaleType, type Color, type MultiSeries } from '@swimlane/ngx-charts';
import { I18n } from '../core/i18n/i18n';

const COLORS: Color = { name: 'cadre-history', selectable: false, group: ScaleType.Ordinal, domain: ['#b3261e'] };

/** The totals of a cadre's locked results over the years, as a line; the table beside it carries the grades. */
@Component({
  selector: 'cadre-history-chart',
  imports: [LineChartModule],
  template: `
    @if (width() > 0 && hasPoints()) {
      <ngx-charts-line-chart
        [view]="[width(), 220]"
        [results]="series()"
        [scheme]="colors"
        [animations]="animations"
        [xAxis]="true"
        [yAxis]="true"
        [yScaleMin]="0"
        [yScaleMax]="100"
        [autoScale]="false"
        [legend]="false"
      />
    }
  `,
  styles: `
    cadre-history-chart {
      display: block;
      min-width: 0;
    }
    cadre-history-chart .ngx-charts text {
      fill: var(--mat-sys-on-surface-variant);
    }
  `,
  // ngx-charts renders its own unencapsulated markup; the rules above stay under this element.
  encapsulation: ViewEncapsulation.None,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class HistoryChart {
  readonly entries = input.required<readonly AssessmentHistoryEntry[]>();

  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  protected readonly messages = inject(I18n).messages;
  protected readonly width = signal(0);
  protected readonly colors = COLORS;
  protected readonly animations = !matchMedia('(prefers-reduced-motion: reduce)').matches;
  /** A year with more than one cycle names the cycle type, so two points never share a place on the axis. */
  protected readonly series = computed((): MultiSeries => {
    const scored = this.entries()
      .flatMap((entry) => (entry.total === null ? [] : [{ ...entry, total: entry.total }]))
      .sort((a, b) => a.year - b.year || a.lockedAt.localeCompare(b.lockedAt));
    const sharesYear = (year: number) => scored.filter((entry) => entry.year === year).length > 1;
    return [
      {
        name: this.messages().results.total,
        series: scored.map((entry) => ({
          name: sharesYear(entry.year) ? `${entry.year} ${CYCLE_TYPE_LABELS[entry.cycleType]}` : String(entry.year),
          value: entry.total,
        })),
      },
    ];
  });

  protected readonly hasPoints = computed(() => this.series().some((line) => line.series.length > 0));

  constructor() {
    // ngx-charts only follows window resizes; the card it sits in can change width on its own.
    const observer = new ResizeObserver(([entry]) => {
      if (entry) this.width.set(Math.floor(entry.contentRect.width));
    });
    afterNextRender(() => observer.observe(this.host.nativeElement));
    inject(DestroyRef).onDestroy(() => observer.disconnect());
  }
}
