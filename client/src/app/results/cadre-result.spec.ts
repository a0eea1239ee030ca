import type { HttpTestingController } from '@angular/common/http/testing';
import type { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatExpansionPanelHarness } from '@angular/material/expansion/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { provideRouter } from '@angular/router';
import type { CadreResult, Role } from '@cadre/shared-models';
import { configureApiTestBed } from '../../testing/api-test-bed';
import { aMe, aProblem, signIn } from '../../testing/me';
import { waitForLayout } from '../../testing/wait-for-layout';
import { CYCLE_ID } from '../calibration/calibration.fixture';
import { CadreResultReport } from './cadre-result';
import { CADRE_ID, aCadreResult, aHistory } from './result.fixture';

const RESULT_URL = `/api/cycles/${CYCLE_ID}/results/${CADRE_ID}`;
const HISTORY_URL = `/api/cadres/${CADRE_ID}/assessment-history`;

describe('CadreResultReport', () => {
  let fixture: ComponentFixture<CadreResultReport>;
  let loader: HarnessLoader;
  let backend: HttpTestingController;

  beforeEach(() => {
    backend = configureApiTestBed(provideRouter([]), provideNoopAnimations());
  });
  afterEach(() => backend.verify());

  function page(): HTMLElement {
    return fixture.nativeElement as HTMLElement;
  }

  function textsOf(selector: string): string[] {
    return Array.from(page().querySelectorAll(selector), (node) => node.textContent?.replace(/\s+/g, ' ').trim() ?? '');
  }

  function partsOf(selector: string): string[][] {
    return Array.from(page().querySelectorAll(selector), (node) =>
      Array.from(node.children, (child) => child.textContent?.replace(/\s+/g, ' ').trim() ?? ''),
    );
  }

  async function start(roles: Role[] = ['assessor'], width?: number): Promise<void> {
    signIn(aMe({ roles }));
    fixture = TestBed.createComponent(CadreResultReport);
    if (width) page().style.width = `${width}px`;
    page().style.display = 'block';
    fixture.componentRef.setInput('id', CYCLE_ID);
    fixture.componentRef.setInput('cadreId', CADRE_ID);
    loader = TestbedHarnessEnvironment.loader(fixture);
    await fixture.whenStable();
  }

  async function render(result: CadreResult = aCadreResult(), history = aHistory(), roles: Role[] = ['assessor'], width?: number): Promise<void> {
    await start(roles, width);
    backend.expectOne(RESULT_URL).flush(result);
    backend.expectOne(HISTORY_URL).flush(history);
    await waitForLayout(fixture);
  }

  it('heads the report with the total, the final grade and the rank in the unit', async () => {
    await render();

    expect(textsOf('h1 .name')).toEqual(['陈静']);
    expect(textsOf('h1 .overline')).toEqual(['考核结果 · 2026年度考核']);
    expect(partsOf('.figures > div')).toEqual([
      ['总分', '86.40'],
      ['最终等次', '称职'],
      ['本单位排名', '第 2 名（共 10 人）'],
    ]);
    expect(page().querySelector('.headline .notice')).toBeNull();
  });

  it('links those who run cycles to the distribution, but not the cadre reading their own result', async () => {
    await render();
    const link = await loader.getHarness(MatButtonHarness.with({ text: '等次分布' }));
    expect(await (await link.host()).getAttribute('href')).toBe(`/cycles/${CYCLE_ID}/distribution`);
    fixture.destroy();

    await render(aCadreResult(), aHistory(), ['cadre']);
    expect(await loader.getAllHarnesses(MatButtonHarness.with({ text: '等次分布' }))).toEqual([]);
  });

  it('fits a 360 px phone: charts within the width, wide tables scrolling inside their card', async () => {
    await render(aCadreResult(), aHistory(), ['assessor'], 360);
    await (await loader.getAllHarnesses(MatExpansionPanelHarness))[0]!.expand();

    expect(page().querySelector('cadre-dimension-bars ngx-charts-bar-horizontal-2d')).not.toBeNull();
    for (const chart of Array.from(page().querySelectorAll('svg.ngx-charts'))) {
      expect(chart.getBoundingClientRect().width).toBeLessThanOrEqual(360);
    }
    expect(page().scrollWidth).toBeLessThanOrEqual(360);
  });

  it('says that an unlocked grade may still change', async () => {
    await render(aCadreResult({ locked: false, finalGrade: null, proposedGrade: '优秀' }));

    expect(partsOf('.figures > div')[1]).toEqual(['建议等次', '优秀']);
    expect(textsOf('.headline .notice')).toEqual(['尚未锁定，等次可能在校准中调整']);
  });

  it('draws the scored dimensions on the radar and beside the unit average', async () => {
    await render();

    const labels = Array.from(page().querySelectorAll('cadre-competency-radar text'), (node) => node.textContent?.trim());
    for (const dimension of ['政治素质', '专业能力', '实干实绩']) expect(labels).toContain(dimension);
    expect(labels).not.toContain('清正廉洁');
    expect(page().querySelector('cadre-dimension-bars svg')).not.toBeNull();
    // Three dimensions with both bars; 清正廉洁 has neither a score nor an average.
    expect(page().querySelectorAll('cadre-dimension-bars path.bar').length).toBe(6);
    expect(textsOf('cadre-dimension-bars .legend li')).toEqual(['本人', '单位平均']);
  });

  it('explains a dimension per indicator and rater group, hiding a group below its minimum', async () => {
    await render();

    const [political] = await loader.getAllHarnesses(MatExpansionPanelHarness);
    expect(await political!.getTitle()).toBe('政治素质');
    expect(await political!.getDescription()).toBe('权重 20% · 得分 88.00');
    await political!.expand();

    expect(textsOf('.indicator-title')).toEqual(['政治立场 权重 60% · 得分 88.00']);
    expect(textsOf('.indicator .parts')).toEqual(['评价 80%：87.50 · 客观依据 20%：90.00']);
    expect(partsOf('table.groups tbody tr')).toEqual([
      ['上级', '30% → 37.5%', '1', '90', '', '90.00'],
      ['同级', '50% → 62.5%', '6', '80、85、85、90', '60、100', '85.00'],
      ['下级', '20% → 0%', '2', '回收不足 3 份，不显示'],
    ]);
    expect(textsOf('.evidence-head')).toEqual(['客观依据：处分次数 计数 0 · 得分 90.00']);
    expect(textsOf('.items li')).toEqual(['2026.03 警告处分 不计入：容错免责（2026-07 认定）']);
    expect(textsOf('.missing')).toEqual(['以下评价主体回收不足，未计入：下级']);
  });

  it('lists vetoes, the quota note and calibrations with who and why', async () => {
    await render();

    expect(textsOf('.vetoes li')).toEqual(['受到严重处分：等次最高为“称职”']);
    expect(textsOf('.quota-note')).toEqual(['名额说明与第 2 名同分，按名额排在其后']);
    const [calibration] = textsOf('.calibrations li');
    for (const part of ['优秀 → 称职', '年内发生安全生产责任事故', 'demo.assessor']) expect(calibration).toContain(part);
  });

  it('shows the cadre’s history as a line of totals and a list newest first linking to each report', async () => {
    await render();

    expect(page().querySelector('cadre-history-chart ngx-charts-line-chart svg')).not.toBeNull();
    expect(partsOf('cadre-assessment-history-list tbody tr')).toEqual([
      ['2026', '2026年度考核', '称职', '86.40'],
      ['2025', '2025年度考核', '优秀', '91.20'],
    ]);
    expect(page().querySelector('cadre-assessment-history-list a')?.getAttribute('href')).toBe(`/cycles/${CYCLE_ID}/results/${CADRE_ID}`);
  });

  it('says so when no year is locked yet, and leaves out the sections the result has nothing for', async () => {
    await render(aCadreResult({ vetoes: [], quotaNote: null, calibrations: [], missingGroups: [] }), { cadreId: CADRE_ID, entries: [] });

    expect(textsOf('#history-title + .none')).toEqual(['尚无已锁定的考核结果']);
    expect(page().querySelector('cadre-history-chart')).toBeNull();
    expect(page().querySelector('.vetoes')).toBeNull();
    expect(page().querySelector('.calibrations')).toBeNull();
    expect(page().querySelector('.missing')).toBeNull();
  });

  it('shows the radar’s empty state when nothing could be scored', async () => {
    const result = aCadreResult();
    await render({ ...result, total: null, dimensions: result.dimensions.map((d) => ({ ...d, score: null })) });

    expect(partsOf('.figures > div')[0]).toEqual(['总分', '未评分']);
    expect(textsOf('cadre-competency-radar .empty-title')).toEqual(['尚无能力评价结果']);
  });

  it('shows the server’s reason when the result cannot be read, with a retry', async () => {
    await start();
    backend.expectOne(RESULT_URL).flush(aProblem(403, 'result_not_published', { title: '考核结果尚未公布' }), { status: 403, statusText: 'Forbidden' });
    backend.expectOne(HISTORY_URL).flush(aHistory());
    await fixture.whenStable();

    expect(page().textContent).toContain('考核结果尚未公布');
    await (await loader.getHarness(MatButtonHarness.with({ text: '重试' }))).click();
    backend.expectOne(RESULT_URL).flush(aCadreResult());
    backend.expectOne(HISTORY_URL).flush(aHistory());
    await fixture.whenStable();
    expect(textsOf('h1 .name')).toEqual(['陈静']);
  });

  it('keeps the report when only the history fails, and says why the history is missing', async () => {
    await start();
    backend.expectOne(RESULT_URL).flush(aCadreResult());
    backend.expectOne(HISTORY_URL).flush(aProblem(503, 'database_unavailable', { title: '服务暂不可用' }), { status: 503, statusText: 'Unavailable' });
    await fixture.whenStable();

    expect(textsOf('h1 .name')).toEqual(['陈静']);
    expect(textsOf('#history-title ~ cadre-failure-notice h2')).toEqual(['服务暂不可用']);
  });
});
