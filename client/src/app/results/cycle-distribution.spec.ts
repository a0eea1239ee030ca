import type { HttpTestingController } from '@angular/common/http/testing';
import type { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { provideRouter } from '@angular/router';
import type { CycleDistribution, Role } from '@cadre/shared-models';
import { configureApiTestBed } from '../../testing/api-test-bed';
import { aMe, aProblem, signIn } from '../../testing/me';
import { waitForLayout } from '../../testing/wait-for-layout';
import { CYCLE_ID, UNIT_ID } from '../calibration/calibration.fixture';
import { CycleDistributionPage } from './cycle-distribution';
import { aDistribution } from './result.fixture';

const URL = `/api/cycles/${CYCLE_ID}/distribution`;

describe('CycleDistributionPage', () => {
  let fixture: ComponentFixture<CycleDistributionPage>;
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

  async function start(roles: Role[] = ['org_admin'], width?: number): Promise<void> {
    signIn(aMe({ roles }));
    fixture = TestBed.createComponent(CycleDistributionPage);
    if (width) page().style.width = `${width}px`;
    page().style.display = 'block';
    fixture.componentRef.setInput('id', CYCLE_ID);
    loader = TestbedHarnessEnvironment.loader(fixture);
    await fixture.whenStable();
  }

  async function render(distribution: CycleDistribution = aDistribution(), roles: Role[] = ['org_admin'], width?: number): Promise<void> {
    await start(roles, width);
    backend.expectOne(URL).flush(distribution);
    await waitForLayout(fixture);
  }

  it('shows the district totals with each grade’s share of the scored cadres', async () => {
    await render();

    expect(partsOf('.totals li')).toEqual([
      ['优秀', '3', '20%'],
      ['称职', '10', '66.7%'],
      ['基本称职', '1', '6.7%'],
      ['不称职', '1', '6.7%'],
    ]);
    expect(textsOf('.scored')).toEqual(['已评分 15 人，未评分 1 人']);
  });

  it('stacks each unit’s grades in one bar and lists them in a table with the rotation flag', async () => {
    await render();

    const labels = textsOf('cadre-grade-distribution-chart ngx-charts-bar-horizontal-stacked text');
    expect(labels).toContain('观音桥街道');
    expect(labels).toContain('区发展改革委');
    expect(textsOf('cadre-grade-distribution-chart .legend li')).toEqual(['优秀', '称职', '基本称职', '不称职']);
    expect(partsOf('table.units tbody tr')).toEqual([
      ['观音桥街道疑似“优秀轮流当”', '2', '6', '1', '1'],
      ['区发展改革委', '1', '4', '0', '0'],
    ]);
    expect(page().querySelector('table.units tbody tr cadre-flag-icon svg')?.getAttribute('aria-label')).toBe('疑似“优秀轮流当”');
    expect(page().querySelector('table.units tbody a')?.getAttribute('href')).toBe(`/cycles/${CYCLE_ID}/calibration/${UNIT_ID}`);
  });

  it('fits a 360 px phone', async () => {
    await render(aDistribution(), ['org_admin'], 360);

    expect(page().querySelector('cadre-grade-distribution-chart svg')!.getBoundingClientRect().width).toBeLessThanOrEqual(360);
    expect(page().scrollWidth).toBeLessThanOrEqual(360);
  });

  it('lists units without calibration links for a reader who cannot calibrate', async () => {
    await render(aDistribution(), ['unit_manager']);

    expect(page().querySelector('table.units a')).toBeNull();
    expect(await loader.getAllHarnesses(MatButtonHarness.with({ text: '等次校准' }))).toEqual([]);
  });

  it('says so when nothing is scored yet', async () => {
    await render(aDistribution({ district: { 优秀: 0, 称职: 0, 基本称职: 0, 不称职: 0 }, units: [], scored: 0, unscored: 4 }));

    expect(textsOf('.none')).toEqual(['本周期尚无评分结果']);
    expect(partsOf('.totals li')[0]).toEqual(['优秀', '0']);
    expect(page().querySelector('cadre-grade-distribution-chart')).toBeNull();
  });

  it('shows the server’s reason when the distribution cannot be read, with a retry', async () => {
    await start();
    backend.expectOne(URL).flush(aProblem(409, 'cycle_not_closed', { title: '测评尚未结束，暂无结果' }), { status: 409, statusText: 'Conflict' });
    await fixture.whenStable();

    expect(page().textContent).toContain('测评尚未结束，暂无结果');
    await (await loader.getHarness(MatButtonHarness.with({ text: '重试' }))).click();
    backend.expectOne(URL).flush(aDistribution());
    await fixture.whenStable();
    expect(partsOf('table.units tbody tr').length).toBe(2);
  });
});
