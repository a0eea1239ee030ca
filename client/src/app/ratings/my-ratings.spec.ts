import type { HttpTestingController } from '@angular/common/http/testing';
import type { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { provideRouter } from '@angular/router';
import type { RaterTask } from '@cadre/shared-models';
import { configureApiTestBed } from '../../testing/api-test-bed';
import { aMe, aProblem, signIn } from '../../testing/me';
import { MyRatings, groupByCycle } from './my-ratings';
import { CYCLE_ID, RATEE_ID, aRaterTask } from './rating.fixture';

describe('MyRatings', () => {
  let fixture: ComponentFixture<MyRatings>;
  let loader: HarnessLoader;
  let backend: HttpTestingController;

  beforeEach(() => {
    backend = configureApiTestBed(provideRouter([]), provideNoopAnimations());
  });
  afterEach(() => backend.verify());

  async function render(): Promise<void> {
    signIn(aMe({ roles: ['cadre'], cadreId: '65c000000000000000000099' }));
    fixture = TestBed.createComponent(MyRatings);
    loader = TestbedHarnessEnvironment.loader(fixture);
    await fixture.whenStable();
  }

  async function renderWith(items: RaterTask[], remindedAt: string | null = null): Promise<void> {
    await render();
    backend.expectOne('/api/my/rating-tasks').flush({ items, remindedAt });
    await fixture.whenStable();
  }

  function page(): HTMLElement {
    return fixture.nativeElement as HTMLElement;
  }

  function textOf(selector: string): string[] {
    return Array.from(page().querySelectorAll(selector), (node) => node.textContent?.replace(/\s+/g, ' ').trim() ?? '');
  }

  it('groups forms by cycle with the state of each and links to the ones still open', async () => {
    await renderWith([
      aRaterTask(),
      aRaterTask({ rateeId: '65c000000000000000000012', rateeName: '王芳', state: 'submitted', group: 'superior', anonymous: false }),
      aRaterTask({ rateeId: '65c000000000000000000013', rateeName: '赵刚', state: 'draft' }),
      aRaterTask({ cycleId: '65f000000000000000000002', cycleName: '2025年专项考核', dueDate: '2025-11-30' }),
    ]);

    expect(textOf('.cycle-head')).toEqual([
      jasmine.stringContaining('2025年度考核'),
      jasmine.stringContaining('2025年专项考核'),
    ]);
    expect(textOf('.cycle-head')[0]).toContain('截止 2025-12-31 · 已提交 1/3');
    const [first, second, third] = textOf('.cycle:first-of-type .task');
    expect(first).toContain('李强');
    expect(first).toContain('以同级身份评价 · 匿名');
    expect(first).toContain('未填');
    expect(second).toContain('赵刚');
    expect(second).toContain('草稿');
    expect(third).toContain('王芳');
    expect(third).toContain('已提交');
    expect(third).toContain('实名');

    const fill = await loader.getAllHarnesses(MatButtonHarness.with({ text: '填写' }));
    expect(fill.length).toBe(2);
    expect(await (await fill[0]!.host()).getAttribute('href')).toBe(`/my-ratings/${CYCLE_ID}/${RATEE_ID}/peer`);
    expect(await loader.getAllHarnesses(MatButtonHarness.with({ text: '继续填写' }))).toHaveSize(1);
    expect(page().querySelector('.reminder')).toBeNull();
  });

  it('shows a reminder banner when the organization department sent one', async () => {
    await renderWith([aRaterTask()], '2025-12-20T02:00:00.000Z');

    expect(textOf('.reminder')).toEqual(['组织部已于 2025-12-20 提醒：请在截止日期前完成尚未提交的测评表。']);
  });

  it('says when there is nothing to rate', async () => {
    await renderWith([]);

    expect(textOf('.empty')[0]).toContain('暂无测评任务');
  });

  it('shows why the list failed and loads it again on retry', async () => {
    await render();
    backend.expectOne('/api/my/rating-tasks').flush(aProblem(503, 'database_unavailable', { title: '服务暂不可用' }), {
      status: 503,
      statusText: 'Service Unavailable',
    });
    await fixture.whenStable();
    expect(page().textContent).toContain('服务暂不可用');

    await (await loader.getHarness(MatButtonHarness.with({ text: '重试' }))).click();
    backend.expectOne('/api/my/rating-tasks').flush({ items: [aRaterTask()], remindedAt: null });
    await fixture.whenStable();
    expect(textOf('.task')[0]).toContain('李强');
  });

  it('keeps a cycle’s forms together whatever order they arrive in', () => {
    const other = aRaterTask({ cycleId: '65f000000000000000000002' });
    const groups = groupByCycle([aRaterTask(), other, aRaterTask({ state: 'submitted', rateeName: '王芳' }), aRaterTask({ rateeName: '赵刚' })]);

    expect(groups.map((group) => group.tasks.length)).toEqual([3, 1]);
    expect(groups[0]!.tasks.map((task) => task.rateeName)).toEqual(['李强', '赵刚', '王芳']);
  });
});
