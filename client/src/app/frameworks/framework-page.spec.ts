import type { HttpTestingController } from '@angular/common/http/testing';
import type { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatDialogHarness } from '@angular/material/dialog/testing';
import { MatFormFieldHarness } from '@angular/material/form-field/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { Router, provideRouter } from '@angular/router';
import type { FrameworkDraftUpdate, FrameworkVersion, Role } from '@cadre/shared-models';
import { configureApiTestBed } from '../../testing/api-test-bed';
import { aMe, aProblem, signIn } from '../../testing/me';
import { waitForLayout } from '../../testing/wait-for-layout';
import { FrameworkPage } from './framework-page';
import { VERSION_ID, aFrameworkVersion } from './framework.fixture';

const URL = `/api/framework-versions/${VERSION_ID}`;

describe('FrameworkPage', () => {
  let fixture: ComponentFixture<FrameworkPage>;
  let loader: HarnessLoader;
  let root: HarnessLoader;
  let backend: HttpTestingController;
  let navigate: jasmine.Spy;

  beforeEach(() => {
    backend = configureApiTestBed(provideRouter([]), provideNoopAnimations());
    navigate = spyOn(TestBed.inject(Router), 'navigate').and.resolveTo(true);
  });
  afterEach(() => backend.verify());

  async function open(version: FrameworkVersion = aFrameworkVersion(), role: Role = 'org_admin'): Promise<void> {
    signIn(aMe({ roles: [role] }));
    fixture = TestBed.createComponent(FrameworkPage);
    fixture.componentRef.setInput('id', VERSION_ID);
    loader = TestbedHarnessEnvironment.loader(fixture);
    root = TestbedHarnessEnvironment.documentRootLoader(fixture);
    await fixture.whenStable();
    backend.expectOne(URL).flush(version);
    await waitForLayout(fixture);
  }

  function page(): HTMLElement {
    return fixture.nativeElement as HTMLElement;
  }

  function textOf(selector: string): string {
    return page().querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  }

  async function input(selector: string): Promise<MatInputHarness> {
    return loader.getHarness(MatInputHarness.with({ selector }));
  }

  async function press(text: string): Promise<void> {
    await (await loader.getHarness(MatButtonHarness.with({ text }))).click();
  }

  async function confirmDialog(label: string): Promise<string> {
    const dialog = await root.getHarness(MatDialogHarness);
    const text = await dialog.getText();
    await (await dialog.getHarness(MatButtonHarness.with({ text: label }))).click();
    return text;
  }

  function bars(): number {
    return page().querySelectorAll('cadre-weight-chart g.bar, cadre-weight-chart path.bar').length;
  }

  it('shows a published version read-only with its weights, rubrics, evidence, veto rules and grade bands', async () => {
    await open(aFrameworkVersion({ status: 'published', locked: true, publishedAt: '2025-10-02T00:00:00.000Z' }), 'assessor');

    expect(textOf('h1')).toBe('干部能力评价体系');
    expect(textOf('.heading')).toContain('已发布');
    expect(textOf('.heading')).toContain('已被考核使用');
    expect(textOf('.notice')).toBe('此版本已被考核使用，不能修改。');
    const viewer = textOf('cadre-framework-viewer');
    for (const part of ['政治素质 权重 60', '理想信念 权重 60', '好 95（表现突出）', '政治理论学习学时：', '≥ 40 得 100 分', '适用范围：街镇', '受到严重处分的不得评为优秀（严重处分次数达到 1，最高评为称职）', '优秀 ≥ 90 分']) {
      expect(viewer).toContain(part);
    }
    expect(textOf('cadre-weight-chart .total')).toBe('合计 100 ✓');
    expect(bars()).toBe(2);
    expect(await loader.getAllHarnesses(MatInputHarness)).toEqual([]);
    expect(await loader.getAllHarnesses(MatButtonHarness.with({ text: '创建新版本' }))).toEqual([]);
  });

  it('makes the next version of a published one after confirmation', async () => {
    await open(aFrameworkVersion({ status: 'published', publishedAt: '2025-10-02T00:00:00.000Z' }));
    expect(textOf('.notice')).toBe('已发布的版本不能修改；如需调整，请创建新版本。');

    await press('创建新版本');
    expect(await confirmDialog('创建新版本')).toContain('原版本保持不变');
    backend.expectOne({ method: 'POST', url: `${URL}/next-version` }).flush(aFrameworkVersion({ id: '65e100000000000000000002', version: 2 }));
    await fixture.whenStable();

    expect(navigate).toHaveBeenCalledWith(['/frameworks', '65e100000000000000000002']);
  });

  it('totals the weights live as a draft is edited, per dimension and overall', async () => {
    await open();
    expect(textOf('cadre-weight-chart .total')).toBe('合计 100 ✓');

    await (await input('[aria-label="政治素质权重"]')).setValue('50');
    await waitForLayout(fixture);
    expect(textOf('cadre-weight-chart .total')).toBe('维度权重合计 90，应为 100');

    await (await input('[aria-label="理想信念权重"]')).setValue('70');
    await waitForLayout(fixture);
    expect(textOf('cadre-weight-chart .rows li:first-child')).toContain('指标权重合计 110，应为 100');
    expect(textOf('cadre-weight-chart .rows li:last-child')).toContain('指标合计 100 ✓');

    await press('添加维度');
    await waitForLayout(fixture);
    expect(textOf('cadre-weight-chart .total')).toBe('合计 100 ✓');
    expect(bars()).toBe(3);
  });

  it('refuses to save while the weights do not add up, saying where', async () => {
    await open();
    await (await input('[aria-label="实干实绩权重"]')).setValue('30');
    await press('保存草稿');

    expect(textOf('.editor > .error')).toBe('维度权重合计应为 100，当前为 90');
    backend.expectNone({ method: 'PUT' });
  });

  it('checks fields with the shared schema as they are typed', async () => {
    await open();
    const name = (await (await loader.getAllHarnesses(MatFormFieldHarness.with({ floatingLabelText: '指标名称' })))[0])!;
    await (await name.getControl(MatInputHarness))!.setValue('');
    await (await name.getControl(MatInputHarness))!.blur();

    expect(await name.getTextErrors()).toEqual(['请填写指标名称']);
    await press('保存草稿');
    expect(textOf('.invalid')).toBe('还有 1 处需要修改');
    backend.expectNone({ method: 'PUT' });
  });

  it('saves the draft with its revision, then publishes it', async () => {
    await open();
    await (await input('[aria-label="政治素质权重"]')).setValue('55');
    await (await input('[aria-label="实干实绩权重"]')).setValue('45');
    // Publishing what is on the server while the screen shows something else would mislead.
    expect(await (await loader.getHarness(MatButtonHarness.with({ text: '发布' }))).isDisabled()).toBeTrue();

    await press('保存草稿');
    const save = backend.expectOne({ method: 'PUT', url: URL });
    const body = save.request.body as FrameworkDraftUpdate;
    expect(body.revision).toBe(2);
    expect(body.content.dimensions.map((d) => d.weight)).toEqual([55, 45]);
    expect(body.content.dimensions[0]!.indicators[1]!.evidence?.source).toBe('political_study_hours');
    expect(body.content.dimensions[0]!.indicators[0]!.evidence).toBeNull();
    save.flush(aFrameworkVersion({ revision: 3 }));
    await fixture.whenStable();

    await press('发布');
    expect(await confirmDialog('发布')).toContain('发布后此版本不能再修改');
    const publish = backend.expectOne({ method: 'POST', url: `${URL}/publish` });
    expect(publish.request.body).toEqual({ revision: 3 });
    publish.flush(aFrameworkVersion({ revision: 4, status: 'published', publishedAt: '2025-10-05T00:00:00.000Z' }));
    await fixture.whenStable();

    expect(textOf('.heading')).toContain('已发布');
    expect(await loader.getAllHarnesses(MatInputHarness)).toEqual([]);
  });

  it('adds an evidence rule with a first band when a source is chosen', async () => {
    await open();
    const source = (await (await loader.getAllHarnesses(MatFormFieldHarness.with({ floatingLabelText: '依据来源' })))[0])!;
    const select = (await source.getControl(MatSelectHarness))!;
    await select.open();
    await select.clickOptions({ text: '表彰奖励次数' });

    const bandFields = await loader.getAllHarnesses(MatFormFieldHarness.with({ floatingLabelText: '起点' }));
    expect(bandFields.length).toBe(3);
  });

  it('asks to reload when someone else saved first', async () => {
    await open();
    await press('保存草稿');
    backend.expectOne({ method: 'PUT', url: URL }).flush(aProblem(409, 'stale_revision'), { status: 409, statusText: 'Conflict' });
    await fixture.whenStable();
    expect(textOf('.alert')).toContain('其他人已修改，请刷新');

    await press('刷新');
    backend.expectOne(URL).flush(aFrameworkVersion({ revision: 5, name: '干部能力评价体系（修订）' }));
    await fixture.whenStable();
    expect(textOf('h1')).toBe('干部能力评价体系（修订）');
    expect(page().querySelector('.alert')).toBeNull();
  });

  it('gives the server’s reason when the draft was published meanwhile', async () => {
    await open();
    await press('保存草稿');
    backend
      .expectOne({ method: 'PUT', url: URL })
      .flush(aProblem(409, 'framework_published', { title: '数据已被他人修改', detail: '该版本已发布，不能修改；如需调整请创建新版本' }), { status: 409, statusText: 'Conflict' });
    await fixture.whenStable();

    expect(textOf('.alert')).toBe('该版本已发布，不能修改；如需调整请创建新版本 刷新');
  });

  it('shows the server’s field messages at the field they name', async () => {
    await open();
    await press('保存草稿');
    backend.expectOne({ method: 'PUT', url: URL }).flush(
      aProblem(400, 'validation_failed', {
        title: '输入有误',
        errors: [
          { path: 'body.content.dimensions.1.indicators.0.name', message: '指标名称与其他指标重复' },
          { path: 'body.content', message: '评价体系已被考核使用' },
        ],
      }),
      { status: 400, statusText: 'Bad Request' },
    );
    await fixture.whenStable();

    const names = await loader.getAllHarnesses(MatFormFieldHarness.with({ floatingLabelText: '指标名称' }));
    expect(await names[2]!.getTextErrors()).toEqual(['指标名称与其他指标重复']);
    expect(textOf('.alert')).toBe('评价体系已被考核使用');
  });

  it('shows why the version could not be loaded', async () => {
    signIn(aMe({ roles: ['org_admin'] }));
    fixture = TestBed.createComponent(FrameworkPage);
    fixture.componentRef.setInput('id', VERSION_ID);
    await fixture.whenStable();
    backend.expectOne(URL).flush(aProblem(404, 'not_found', { title: '没有这个评价体系版本' }), { status: 404, statusText: 'Not Found' });
    await fixture.whenStable();

    expect(page().textContent).toContain('没有这个评价体系版本');
  });
});
