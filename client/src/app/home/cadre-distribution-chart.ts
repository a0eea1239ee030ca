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
import { AGE_BANDS } from '@cadre/shared-models';
import { BarChartModule, LegendPosition, ScaleType, type Color, type MultiSeries } from '@swimlane/ngx-charts';
import { I18n } from '../core/i18n/i18n';
import type { DistributionMatrix } from './distribution-matrix';

/** Below this width the bars turn horizontal and the legend moves under the plot. */
const COMPACT_WIDTH = 600;

/** One colour per age band, light to dark from youngest to oldest so the stack reads as an age ramp. */
const AGE_BAND_COLORS: Color = {
  name: 'cadre-age-bands',
  selectable: true,
  group: ScaleType.Ordinal,
  domain: ['#f2c14e', '#ec8f3a', '#d65a31', '#b02a2a', '#7b1e3a', '#4a2545'],
};

/** Counts are whole people; ticks that d3 places between integers get no label. */
function formatCount(value: number): string {
  return Number.isInteger(value) ? String(value) : '';
}

/** Stacked bars of cadres per unit type, one segment per age band, sized to the host's width. */
@Component({
  selector: 'cadre-distribution-chart',
  imports: [BarChartModule],
  templateUrl: './cadre-distribution-chart.html',
  styleUrl: './cadre-distribution-chart.scss',
  encapsulation: ViewEncapsulation.None,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CadreDistributionChart {
  readonly matrix = input.required<DistributionMatrix>();

  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  protected readonly width = signal(0);

  protected readonly messages = inject(I18n).messages;
  protected readonly colors = AGE_BAND_COLORS;
  protected readonly formatCount = formatCount;
  protected readonly compact = computed(() => this.width() < COMPACT_WIDTH);
  protected readonly view = computed((): [number, number] => [
    this.width(),
    this.compact() ? 48 + 36 * this.series().length : 380,
  ]);
  protected readonly legendPosition = LegendPosition.Right;
  protected readonly legendItems = computed(() => {
    const { ageBands } = this.messages();
    return AGE_BANDS.map((band, i) => ({ name: ageBands[band], color: AGE_BAND_COLORS.domain[i] }));
  });
  protected readonly animations = !matchMedia('(prefers-reduced-motion: reduce)').matches;

  protected readonly series = computed((): MultiSeries => {
    const { unitTypes, ageBands } = this.messages();
    // Unit types without cadres (the district committee itself) would only be empty columns;
    // the table below still lists them.
    return this.matrix().rows.filter((row) => AGE_BANDS.some((band) => row.counts[band] > 0)).map((row) => ({
      name: unitTypes[row.unitType],
      series: AGE_BANDS.map((band) => ({ name: ageBands[band], value: row.counts[band] })),
    }));
  });

  constructor() {
    // ngx-charts only follows window resizes; observing the host also catches the sidenav
    // opening or closing beside it.
    const observer = new ResizeObserver(([entry]) => {
      if (entry) this.width.set(Math.floor(entry.contentRect.width));
    });
    afterNextRender(() => observer.observe(this.host.nativeElement));
    inject(DestroyRef).onDestroy(() => observer.disconnect());
  }
}
