import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting, type TestRequest } from '@angular/common/http/testing';
import type { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatCardHarness } from '@angular/material/card/testing';
import { MatProgressBarHarness } from '@angular/material/progress-bar/testing';
import { MatTableHarness } from '@angular/material/table/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import type { CadreDistribution } from '@cadre/shared-models';
import { waitForLayout } from '../../testing/wait-for-layout';
import { problemInterceptor } from '../core/http/problem-interceptor';
import { I18n } from '../core/i18n/i18n';
import { provideI18n } from '../core/i18n/provide-i18n';
import { Home } from './home';

const URL = '/api/stats/cadre-distribution';

const distribution: CadreDistribution = {
  total: 12,
  asOf: '2026-05-01',
  rows: [
    { unitType: 'department', ageBand: '36-40岁', count: 5 },
    { unitType: 'department', ageBand: '51-55岁', count: 2 },
    { unitType: 'street', ageBand: '35岁及以下', count: 4 },
    { unitType: 'town', ageBand: '56岁及以上', count: 1 },
  ],
};

const problem = {
  type: 'https://cadre.example/problems/database-unavailable',
  title: '服务暂不可用',
  status: 503,
  code: 'DATABASE_UNAVAILABLE',
  detail: '数据库正在启动，请稍后再试。',
  requestId: 'req-7f3a',
};

describe('Home', () => {
  let fixture: ComponentFixture<Home>;
  let loader: HarnessLoader;
  let backend: HttpTestingController;

  function setUp(): void {
    fixture = TestBed.createComponent(Home);
    loader = TestbedHarnessEnvironment.loader(fixture);
    backend = TestBed.inject(HttpTestingController);
  }

  async function respond(answer: (request: TestRequest) => void): Promise<void> {
    await fixture.whenStable();
    answer(backend.expectOne(URL));
    await waitForLayout(fixture);
  }

  function text(): string {
    return (fixture.nativeElement as HTMLElement).textContent ?? '';
  }

  beforeEach(() => {
    localStorage.removeItem('cadre.language');
    TestBed.configureTestingModule({
      imports: [Home],
      providers: [
        provideHttpClient(withInterceptors([problemInterceptor])),
        provideHttpClientTesting(),
        provideNoopAnimations(),
        provideI18n(),
      ],
    });
  });

  afterEach(() => {
    backend.verify();
    localStorage.removeItem('cadre.language');
  });

  it('shows a progress bar and nothing else while the distribution loads', async () => {
    setUp();
    await fixture.whenStable();

    expect(await loader.getAllHarnesses(MatProgressBarHarness)).toHaveSize(1);
    expect(text()).toContain('正在加载干部分布数据');
    expect(await loader.getAllHarnesses(MatTableHarness)).toHaveSize(0);

    backend.expectOne(URL).flush(distribution);
    await waitForLayout(fixture);

    expect(await loader.getAllHarnesses(MatProgressBarHarness)).toHaveSize(0);
  });

  it('shows the total, the date ages are counted at, a chart and a table of the same numbers', async () => {
    setUp();
    await respond((request) => request.flush(distribution));

    const summary = await loader.getHarness(MatCardHarness.with({ title: '干部总数' }));
    expect(await summary.getText()).toContain('12');
    expect(await summary.getSubtitleText()).toBe('年龄计算截至 2026年5月1日');

    const chart = (fixture.nativeElement as HTMLElement).querySelector('ngx-charts-bar-vertical-stacked');
    expect(chart).withContext('stacked bar chart').not.toBeNull();
    expect(chart?.textContent).toContain('党政部门');

    const table = await loader.getHarness(MatTableHarness);
    expect(await table.getCellTextByIndex()).toEqual([
      ['区委', '0', '0', '0', '0', '0', '0', '0'],
      ['组织部门', '0', '0', '0', '0', '0', '0', '0'],
      ['党政部门', '0', '5', '0', '0', '2', '0', '7'],
      ['街道', '4', '0', '0', '0', '0', '0', '4'],
      ['镇', '0', '0', '0', '0', '0', '1', '1'],
      ['国有企业', '0', '0', '0', '0', '0', '0', '0'],
      ['事业单位', '0', '0', '0', '0', '0', '0', '0'],
    ]);
    const [header] = await table.getHeaderRows();
    expect(await header!.getCellTextByIndex()).toEqual([
      '单位类型',
      '35岁及以下',
      '36-40岁',
      '41-45岁',
      '46-50岁',
      '51-55岁',
      '56岁及以上',
      '合计',
    ]);
    const [footer] = await table.getFooterRows();
    expect(await footer!.getCellTextByIndex()).toEqual(['合计', '4', '5', '0', '0', '2', '1', '12']);
  });

  it('labels the table in English when English was chosen', async () => {
    TestBed.inject(I18n).setLanguage('en');
    setUp();
    await respond((request) => request.flush(distribution));

    const table = await loader.getHarness(MatTableHarness);
    const [header] = await table.getHeaderRows();
    expect((await header!.getCellTextByIndex())[0]).toBe('Unit type');
    expect((await table.getCellTextByIndex())[2]?.[0]).toBe('Party and government departments');
    expect(text()).toContain('May 1, 2026');
  });

  it('says there is no cadre data, without chart or table, when the total is zero', async () => {
    setUp();
    await respond((request) => request.flush({ total: 0, rows: [], asOf: '2026-05-01' }));

    expect(text()).toContain('暂无干部数据');
    expect(await loader.getAllHarnesses(MatTableHarness)).toHaveSize(0);
    expect((fixture.nativeElement as HTMLElement).querySelector('ngx-charts-bar-vertical-stacked')).toBeNull();
  });

  it("shows the server's problem title, detail and request id, and loads again on retry", async () => {
    setUp();
    await respond((request) =>
      request.flush(problem, {
        status: 503,
        statusText: 'Service Unavailable',
        headers: { 'Content-Type': 'application/problem+json' },
      }),
    );

    const failure = await loader.getHarness(MatCardHarness.with({ title: '服务暂不可用' }));
    expect(await failure.getText()).toContain('数据库正在启动，请稍后再试。');
    expect(await failure.getText()).toContain('req-7f3a');
    expect(await loader.getAllHarnesses(MatTableHarness)).toHaveSize(0);

    const retry = await loader.getHarness(MatButtonHarness.with({ text: '重试' }));
    await retry.click();
    expect(await loader.getAllHarnesses(MatProgressBarHarness)).toHaveSize(1);

    await respond((request) => request.flush(distribution));
    expect(await loader.getAllHarnesses(MatCardHarness.with({ title: '服务暂不可用' }))).toHaveSize(0);
    expect(await loader.getAllHarnesses(MatTableHarness)).toHaveSize(1);
  });

  it('explains a lost connection in the interface language and offers a retry', async () => {
    setUp();
    await respond((request) => request.error(new ProgressEvent('error')));

    expect(text()).toContain('无法连接服务器，请检查网络后重试。');
    expect(await loader.getAllHarnesses(MatButtonHarness.with({ text: '重试' }))).toHaveSize(1);
  });

  it('treats a response that does not match the shared schema as an error', async () => {
    setUp();
    await respond((request) => request.flush({ total: 3, rows: [{ unitType: 'ministry', ageBand: '36-40岁', count: 3 }] }));

    expect(text()).toContain('服务器返回的数据格式不正确。');
    expect(await loader.getAllHarnesses(MatTableHarness)).toHaveSize(0);
  });
});
