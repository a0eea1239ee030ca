import { ChangeDetectionStrategy, Component, signal } from '@angular/core';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { waitForLayout } from '../../testing/wait-for-layout';
import { I18n } from '../core/i18n/i18n';
import { CadreDistributionChart } from './cadre-distribution-chart';
import { buildDistributionMatrix } from './distribution-matrix';

@Component({
  imports: [CadreDistributionChart],
  template: `<div [style.width.px]="width()"><cadre-distribution-chart [matrix]="matrix" /></div>`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
class ChartHost {
  readonly width = signal(900);
  readonly matrix = buildDistributionMatrix({
    total: 3,
    asOf: '2026-05-01',
    rows: [
      { unitType: 'street', ageBand: '35岁及以下', count: 2 },
      { unitType: 'town', ageBand: '46-50岁', count: 1 },
    ],
  });
}

describe('CadreDistributionChart', () => {
  let fixture: ComponentFixture<ChartHost>;

  function element(): HTMLElement {
    return fixture.nativeElement as HTMLElement;
  }

  function chartSvg(): SVGSVGElement {
    const svg = element().querySelector<SVGSVGElement>('svg.ngx-charts');
    if (!svg) throw new Error('chart not rendered');
    return svg;
  }

  function axisTitles(): string[] {
    return Array.from(element().querySelectorAll('[ngx-charts-axis-label] text'), (node) => node.textContent?.trim() ?? '');
  }

  async function renderAt(width: number): Promise<void> {
    fixture.componentInstance.width.set(width);
    await waitForLayout(fixture);
  }

  beforeEach(async () => {
    localStorage.removeItem('cadre.language');
    TestBed.configureTestingModule({ providers: [provideNoopAnimations()] });
    fixture = TestBed.createComponent(ChartHost);
    await waitForLayout(fixture);
  });

  afterEach(() => localStorage.removeItem('cadre.language'));

  it('labels the bars with Chinese unit types that have cadres, and the legend with age bands', () => {
    const labels = element().textContent ?? '';

    for (const label of ['街道', '镇']) expect(labels).toContain(label);
    expect(labels).not.toContain('区委');
    expect(element().querySelector('.legend-title-text')?.textContent).toBe('年龄段');
    expect(element().querySelectorAll('.legend-label')).toHaveSize(6);
  });

  it('fills a desktop-width container with the legend beside the plot and axis titles shown', async () => {
    await renderAt(900);

    expect(chartSvg().getBoundingClientRect().width).toBeGreaterThan(600);
    expect(element().querySelector('.legend-labels.horizontal-legend')).toBeNull();
    expect(axisTitles()).toEqual(jasmine.arrayContaining(['单位类型', '人数']));
  });

  it('fits a 390px phone with horizontal bars, the legend as a list below and no axis titles', async () => {
    await renderAt(390);

    expect(element().querySelector('ngx-charts-bar-vertical-stacked')).toBeNull();
    expect(element().querySelector('ngx-charts-bar-horizontal-stacked')!.getBoundingClientRect().width).toBeLessThanOrEqual(390);
    const legend = Array.from(element().querySelectorAll('.compact-legend li'), (li) => li.textContent?.trim());
    expect(legend).toEqual(['35岁及以下', '36-40岁', '41-45岁', '46-50岁', '51-55岁', '56岁及以上']);
    expect(axisTitles()).toEqual([]);
  });

  it('follows its container when it narrows without a window resize', async () => {
    await renderAt(900);
    await renderAt(390);

    expect(chartSvg().getBoundingClientRect().width).toBeLessThanOrEqual(390);
  });

  it('labels only whole numbers on the count axis', () => {
    const ticks = Array.from(
      element().querySelectorAll('[ngx-charts-y-axis-ticks] .tick text'),
      (node) => node.textContent?.trim() ?? '',
    );

    expect(ticks.length).toBeGreaterThan(0);
    expect(ticks.filter((tick) => tick !== '')).toEqual(jasmine.arrayWithExactContents(['0', '1', '2']));
  });

  it('switches its labels with the interface language', async () => {
    TestBed.inject(I18n).setLanguage('en');
    await waitForLayout(fixture);

    expect(element().textContent).toContain('Subdistricts');
    expect(element().querySelector('.legend-title-text')?.textContent).toBe('Age band');
  });
});
