import { ChangeDetectionStrategy, Component, DestroyRef, ElementRef, ViewEncapsulation, afterNextRender, computed, inject, input, signal } from '@angular/core';
import { BarChartModule, ScaleType, type Color } from '@swimlane/ngx-charts';
import { I18n } from '../core/i18n/i18n';
import type { WeightSummary } from './framework-form';

const COLORS: Color = {
  name: 'cadre-dimension-weights',
  selectable: false,
  group: ScaleType.Ordinal,
  domain: ['#3f6ea8', '#5a8f4e', '#c0843a', '#8a5aa8', '#b04a4a', '#3a9a9a', '#6b6b6b'],
};

/**
 * The weights as the framework is built: each dimension's weight and its indicators' total, the
 * overall total with a clear check against 100, and a bar per dimension that follows every keystroke.
 */
@Component({
  selector: 'cadre-weight-chart',
  imports: [BarChartModule],
  template: `
    @let text = messages().frameworks;
    @let current = summary();
    <p class="total" [class.off]="current.total !== 100" role="status">
      {{ current.total === 100 ? text.sumOk : text.dimensionSum(current.total) }}
    </p>
    <ul class="rows">
      @for (dimension of current.dimensions; track $index) {
        <li>
          <span class="name">{{ dimension.name }}</span>
          <span class="weight">{{ dimension.weight }}</span>
          <span class="indicators" [class.off]="dimension.indicatorTotal !== 100">
            {{ dimension.indicatorTotal === 100 ? text.indicatorSumOk : text.indicatorSum(dimension.indicatorTotal) }}
          </span>
        </li>
      }
    </ul>
    @if (width() > 0 && series().length > 0) {
      <ngx-charts-bar-horizontal
        [view]="[width(), 32 + 28 * series().length]"
        [results]="series()"
        [scheme]="colors"
        [animations]="false"
        [xAxis]="true"
        [yAxis]="true"
        [xScaleMax]="100"
        [maxYAxisTickLength]="6"
        [barPadding]="6"
        [showDataLabel]="true"
        [ariaLabel]="text.chartTitle"
      />
    }
  `,
  styles: `
    cadre-weight-chart {
      display: block;
      min-width: 0;
    }
    cadre-weight-chart .total {
      margin: 0 0 8px;
      font: var(--mat-sys-title-medium);
      color: #0b5a1f;
    }
    cadre-weight-chart .off {
      color: var(--mat-sys-error);
    }
    cadre-weight-chart .rows {
      margin: 0 0 8px;
      padding: 0;
      list-style: none;
      font: var(--mat-sys-body-small);
    }
    cadre-weight-chart .rows li {
      display: flex;
      flex-wrap: wrap;
      gap: 0 8px;
    }
    cadre-weight-chart .name {
      flex: 1 1 96px;
    }
    cadre-weight-chart .weight {
      min-width: 2em;
      text-align: end;
      font-weight: 600;
    }
    cadre-weight-chart .indicators:not(.off) {
      color: var(--mat-sys-on-surface-variant);
    }
    cadre-weight-chart .ngx-charts text {
      fill: var(--mat-sys-on-surface-variant);
    }
  `,
  encapsulation: ViewEncapsulation.None,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class WeightChart {
  readonly summary = input.required<WeightSummary>();

  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  protected readonly messages = inject(I18n).messages;
  protected readonly colors = COLORS;
  protected readonly width = signal(0);
  /** Bars need distinct names; an unnamed or repeated dimension gets its position added. */
  protected readonly series = computed(() => {
    const seen = new Set<string>();
    return this.summary().dimensions.map((dimension, i) => {
      const name = dimension.name.trim() && !seen.has(dimension.name) ? dimension.name : `${dimension.name || '—'} ${i + 1}`;
      seen.add(name);
      return { name, value: dimension.weight };
    });
  });

  constructor() {
    // ngx-charts only follows window resizes; observing the host also catches the sidenav.
    const observer = new ResizeObserver(([entry]) => {
      if (entry) this.width.set(Math.floor(entry.contentRect.width));
    });
    afterNextRender(() => observer.observe(this.host.nativeElement));
    inject(DestroyRef).onDestroy(() => observer.disconnect());
  }
}
