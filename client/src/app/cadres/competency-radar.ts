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
import { PolarChartModule, ScaleType, type Color, type MultiSeries } from '@swimlane/ngx-charts';
import { I18n } from '../core/i18n/i18n';

/** One dimension of the evaluation framework and the cadre's score in it, 0–100. */
export interface CompetencyScore {
  readonly dimension: string;
  readonly score: number;
}

const RADAR_COLORS: Color = { name: 'cadre-radar', selectable: false, group: ScaleType.Ordinal, domain: ['#b3261e'] };

/**
 * A d3 curve joining the points with straight lines and closing the shape: ngx-charts' default
 * (cardinal) would round a radar into a blob whose edges no longer meet the scores.
 */
interface PathContext {
  moveTo(x: number, y: number): void;
  lineTo(x: number, y: number): void;
  closePath(): void;
}
function linearClosedCurve(context: PathContext) {
  let first = true;
  return {
    areaStart: () => undefined,
    areaEnd: () => undefined,
    lineStart: () => {
      first = true;
    },
    lineEnd: () => context.closePath(),
    point: (x: number, y: number) => {
      if (first) context.moveTo(x, y);
      else context.lineTo(x, y);
      first = false;
    },
  };
}

/**
 * The competency radar of the latest assessment. Until an assessment cycle has scored the
 * cadre there is nothing to draw, and the card says so rather than drawing an empty web.
 */
@Component({
  selector: 'cadre-competency-radar',
  imports: [PolarChartModule],
  template: `
    @let text = messages().portrait;
    @if (scores().length === 0) {
      <div class="empty">
        <p class="empty-title">{{ text.radarEmptyTitle }}</p>
        <p class="empty-hint">{{ text.radarEmptyHint }}</p>
      </div>
    } @else if (width() > 0) {
      <ngx-charts-polar-chart
        [view]="[width(), height()]"
        [results]="results()"
        [scheme]="colors"
        [animations]="animations"
        [xAxis]="true"
        [yAxis]="true"
        [showGridLines]="true"
        [yAxisMinScale]="100"
        [curve]="curve"
        [rangeFillOpacity]="0.25"
        [labelTrim]="false"
        [legend]="false"
      />
    }
  `,
  styles: `
    cadre-competency-radar {
      display: block;
      min-width: 0;
    }
    cadre-competency-radar .empty {
      padding: 24px 16px;
      border: 1px dashed var(--mat-sys-outline-variant);
      border-radius: var(--mat-sys-corner-medium);
      text-align: center;
    }
    cadre-competency-radar .empty-title {
      margin: 0 0 4px;
      font: var(--mat-sys-title-small);
    }
    cadre-competency-radar .empty-hint {
      margin: 0;
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
    cadre-competency-radar .ngx-charts text {
      fill: var(--mat-sys-on-surface-variant);
    }
  `,
  // ngx-charts renders its own unencapsulated markup; the rules above stay under this element.
  encapsulation: ViewEncapsulation.None,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CompetencyRadar {
  readonly scores = input.required<readonly CompetencyScore[]>();

  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  protected readonly messages = inject(I18n).messages;
  protected readonly width = signal(0);
  protected readonly height = computed(() => Math.min(360, Math.max(240, Math.round(this.width() * 0.8))));
  protected readonly colors = RADAR_COLORS;
  protected readonly curve = linearClosedCurve;
  protected readonly animations = !matchMedia('(prefers-reduced-motion: reduce)').matches;
  protected readonly results = computed(
    (): MultiSeries => [
      {
        name: this.messages().portrait.radarSeries,
        series: this.scores().map((s) => ({ name: s.dimension, value: s.score })),
      },
    ],
  );

  constructor() {
    // ngx-charts only follows window resizes; the card it sits in can change width on its own.
    const observer = new ResizeObserver(([entry]) => {
      if (entry) this.width.set(Math.floor(entry.contentRect.width));
    });
    afterNextRender(() => observer.observe(this.host.nativeElement));
    inject(DestroyRef).onDestroy(() => observer.disconnect());
  }
}
