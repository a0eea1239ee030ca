import type { HttpTestingController, TestRequest } from '@angular/common/http/testing';
import type { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatButtonToggleHarness } from '@angular/material/button-toggle/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { provideRouter } from '@angular/router';
import type { Action } from '@cadre/shared-models';
import { configureApiTestBed } from '../../testing/api-test-bed';
import { aMe, aProblem, signIn } from '../../testing/me';
import { CYCLE_ID, aCycleSummary } from './cycle.fixture';
import { CycleList } from './cycle-list';

describe('CycleList', () => {
  let fixture: ComponentFixture<CycleList>;
  let loader: HarnessLoader;
  let backend: HttpTestingController;

  beforeEach(() => {
    backend = configureApiTestBed(provideRouter([]), provideNoopAnimations());
  });
  afterEach(() => backend.verify());

  function expectList(status: string | null): TestRequest {
    return backend.expectOne((r) => r.url === '/api/cycles' && r.params.get('status') === status);
  }

  async function render(permissions?: Action[]): Promise<void> {
    signIn(aMe({ roles: ['assessor'], ...(permissions ? { permissions } : {}) }));
    fixture = TestBed.createComponent(CycleList);
    loader = TestbedHarnessEnvironment.loader(fixture);
    await fixture.whenStable();
  }

  function rows(): string[] {
    return Array.from((fixture.nativeElement as HTMLElement).querySelectorAll('.cycle'), (node) => node.textContent?.replace(/\s+/g, ' ').trim() ?? '');
  }

  it('lists cycles with their state, framework and progress, and offers to create one', async () => {
    await render();
    expectList(null).flush({ items: [aCycleSummary({ status: 'open' }), aCycleSummary({ id: '65f000000000000000000002', name: '2024年度考核', status: 'locked' })], total: 2 });
    await fixture.whenStable();

    expect(rows()[0]).toContain('2025年度考核');
    expect(rows()[0]).toContain('测评中');
    expect(rows()[0]).toContain('年度考核 · 2025 · 干部能力评价体系（第 2 版） · 截止 2026-01-15');
    expect(rows()[0]).toContain('已提交 240/960');
    expect(rows()[1]).toContain('已锁定');
    const link = (fixture.nativeElement as HTMLElement).querySelector('.cycle a.name');
    expect(link?.getAttribute('href')).toBe(`/cycles/${CYCLE_ID}`);
    expect(await (await (await loader.getHarness(MatButtonHarness.with({ text: '新建考核' }))).host()).getAttribute('href')).toBe('/cycles/new');
  });

  it('filters by state and says when none match', async () => {
    await render();
    expectList(null).flush({ items: [aCycleSummary()], total: 1 });
    await fixture.whenStable();

    await (await loader.getHarness(MatButtonToggleHarness.with({ text: '校准中' }))).toggle();
    expectList('closed').flush({ items: [], total: 0 });
    await fixture.whenStable();

    expect((fixture.nativeElement as HTMLElement).querySelector('.empty')?.textContent).toBe('暂无考核');
  });

  it('offers no create button to someone who may only read cycles', async () => {
    await render(['cycle:read']);
    expectList(null).flush({ items: [], total: 0 });
    await fixture.whenStable();

    expect(await loader.getAllHarnesses(MatButtonHarness.with({ text: '新建考核' }))).toEqual([]);
  });

  it('shows why the list failed and retries', async () => {
    await render();
    expectList(null).flush(aProblem(503, 'database_unavailable', { title: '服务暂不可用' }), { status: 503, statusText: 'Service Unavailable' });
    await fixture.whenStable();
    expect((fixture.nativeElement as HTMLElement).textContent).toContain('服务暂不可用');

    await (await loader.getHarness(MatButtonHarness.with({ text: '重试' }))).click();
    expectList(null).flush({ items: [aCycleSummary()], total: 1 });
    await fixture.whenStable();
    expect(rows().length).toBe(1);
  });
});
