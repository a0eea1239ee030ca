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
import type { CadreResult } from '@cadre/shared-models';
import { BarChartModule, ScaleType, type Color, type MultiSeries } from '@swimlane/ngx-charts';
import { I18n } from '../core/i18n/i18n';

/** Below this width the bars turn horizontal, where the dimension names fit. */
const COMPACT_WIDTH = 600;
const COLORS: Color = { name: 'cadre-dimension-bars', selectable: false, group: ScaleType.Ordinal, domain: ['#b3261e', '#9e9e9e'] };

/** Each dimension's score beside the unit's average, as grouped bars; the legend is plain markup below. */
@Component({
  selector: 'cadre-dimension-bars',
  imports: [BarChartModule],
  template: `
    @let text = messages().results;
    @if (width() > 0) {
      @if (compact()) {
        <ngx-charts-bar-horizontal-2d
          [view]="[width(), 40 + 56 * series().length]"
          [results]="series()"
          [scheme]="colors"
          [animations]="animations"
          [xAxis]="true"
          [yAxis]="true"
          [xScaleMax]="100"
          [maxYAxisTickLength]="6"
          [groupPadding]="8"
          [legend]="false"
        />
      } @else {
        <ngx-charts-bar-vertical-2d
          [view]="[width(), 300]"
          [results]="series()"
          [scheme]="colors"
          [animations]="animations"
          [xAxis]="true"
          [yAxis]="true"
          [yScaleMax]="100"
          [groupPadding]="16"
          [legend]="false"
        />
      }
    }
    <ul class="legend">
      <li><span class="swatch" [style.background]="colors.domain[0]"></span>{{ text.self }}</li>
      <li><span class="swatch" [style.background]="colors.domain[1]"></span>{{ text.unitAverage }}</li>
    </ul>
  `,
  styles: `
    cadre-dimension-bars {
      display: block;
      min-width: 0;
    }
    cadre-dimension-bars .ngx-charts text {
      fill: var(--mat-sys-on-surface-variant);
    }
    cadre-dimension-bars .legend {
      display: flex;
      gap: 16px;
      margin: 8px 0 0;
      padding: 0;
      list-style: none;
      font: var(--mat-sys-body-small);
    }
    cadre-dimension-bars .swatch {
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
export class DimensionBars {
  readonly result = input.required<Pick<CadreResult, 'dimensions' | 'unitAverages'>>();

  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  protected readonly messages = inject(I18n).messages;
  protected readonly width = signal(0);
  protected readonly compact = computed(() => this.width() < COMPACT_WIDTH);
  protected readonly colors = COLORS;
  protected readonly animations = !matchMedia('(prefers-reduced-motion: reduce)').matches;
  /** A score nothing produced gets no bar rather than a bar at zero, which would read as a result. */
  protected readonly series = computed((): MultiSeries => {
    const text = this.messages().results;
    const averages = new Map(this.result().unitAverages.map((average) => [average.dimensionId, average.score]));
    return this.result().dimensions.map((dimension) => {
      const average = averages.get(dimension.dimensionId) ?? null;
      return {
        name: dimension.name,
        series: [
          ...(dimension.score === null ? [] : [{ name: text.self, value: dimension.score }]),
          ...(average === null ? [] : [{ name: text.unitAverage, value: average }]),
        ],
      };
    });
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
