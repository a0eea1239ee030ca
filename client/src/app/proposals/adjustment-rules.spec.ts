import type { HttpTestingController } from '@angular/common/http/testing';
import type { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatButtonToggleHarness } from '@angular/material/button-toggle/testing';
import { MatCheckboxHarness } from '@angular/material/checkbox/testing';
import { MatFormFieldHarness } from '@angular/material/form-field/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import { MatSnackBarHarness } from '@angular/material/snack-bar/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { provideRouter } from '@angular/router';
import type { AdjustmentRules } from '@cadre/shared-models';
import { configureApiTestBed } from '../../testing/api-test-bed';
import { aMe, aProblem, signIn } from '../../testing/me';
import { AdjustmentRulesEditor } from './adjustment-rules';
import { someRules } from './proposal.fixture';

const URL = '/api/adjustment-rules';

describe('AdjustmentRulesEditor', () => {
  let fixture: ComponentFixture<AdjustmentRulesEditor>;
  let loader: HarnessLoader;
  let root: HarnessLoader;
  let backend: HttpTestingController;

  beforeEach(() => {
    backend = configureApiTestBed(provideRouter([]), provideNoopAnimations());
  });
  afterEach(() => backend.verify());

  function page(): HTMLElement {
    return fixture.nativeElement as HTMLElement;
  }

  async function start(): Promise<void> {
    signIn(aMe({ roles: ['org_admin'] }));
    fixture = TestBed.createComponent(AdjustmentRulesEditor);
    loader = TestbedHarnessEnvironment.loader(fixture);
    root = TestbedHarnessEnvironment.documentRootLoader(fixture);
    await fixture.whenStable();
  }

  async function render(rules: AdjustmentRules = someRules()): Promise<void> {
    await start();
    backend.expectOne({ method: 'GET', url: URL }).flush(rules);
    await fixture.whenStable();
  }

  async function field(index: number, label: string): Promise<MatFormFieldHarness> {
    return (await loader.getChildLoader(`fieldset.rule:nth-of-type(${index + 1})`)).getHarness(MatFormFieldHarness.with({ floatingLabelText: label }));
  }

  async function input(index: number, label: string): Promise<MatInputHarness> {
    return (await (await field(index, label)).getControl(MatInputHarness))!;
  }

  async function save(): Promise<void> {
    await (await loader.getHarness(MatButtonHarness.with({ text: '保存' }))).click();
    await fixture.whenStable();
  }

  it('shows each rule with its basis: grades for one, a top share for the other', async () => {
    await render();

    expect(await (await input(0, '编号')).getValue()).toBe('unfit_once');
    const grades = await (await loader.getChildLoader('fieldset.rule:nth-of-type(1)')).getHarness(MatSelectHarness.with({ selector: '[formControlName="grades"]' }));
    expect(await grades.getValueText()).toBe('不称职');
    expect(await (await input(1, '位列本单位前（%）')).getValue()).toBe('10');
    expect(await (await input(1, '连续年数')).getValue()).toBe('2');
  });

  it('saves the rules with the revision, clearing the field the basis does not use', async () => {
    await render();

    const second = await loader.getChildLoader('fieldset.rule:nth-of-type(2)');
    await (await second.getHarness(MatButtonToggleHarness.with({ text: '按等次' }))).toggle();
    const grades = await second.getHarness(MatSelectHarness.with({ selector: '[formControlName="grades"]' }));
    await grades.open();
    await grades.clickOptions({ text: '优秀' });
    await grades.close();
    await (await second.getHarness(MatCheckboxHarness)).uncheck();
    await save();

    const request = backend.expectOne({ method: 'PUT', url: URL });
    expect(request.request.body).toEqual({
      revision: 3,
      rules: [
        someRules().rules[0],
        { id: 'top_ten_twice', description: '连续两年位列本单位前 10%', grades: ['优秀'], topPercent: null, years: 2, action: 'promotion_pool', enabled: false },
      ],
    });
    request.flush(someRules({ revision: 4 }));
    await fixture.whenStable();
    expect(await (await root.getHarness(MatSnackBarHarness)).getMessage()).toBe('已保存');
  });

  it('adds a rule and names every field it still needs before anything is sent', async () => {
    await render();

    await (await loader.getHarness(MatButtonHarness.with({ text: '添加规则' }))).click();
    await (await input(2, '编号')).setValue('Bad Id');
    await save();

    backend.expectNone({ method: 'PUT' });
    expect(await (await field(2, '编号')).getTextErrors()).toEqual(['编号应为 2–40 位小写字母、数字或下划线']);
    expect(await (await field(2, '规则说明')).getTextErrors()).toEqual(['请填写规则说明']);
    expect(await (await field(2, '等次')).getTextErrors()).toEqual(['请选择至少一个等次']);
    expect(page().querySelector('.alert')?.textContent).toBe('还有 3 处需要修改');

    await (await (await loader.getChildLoader('fieldset.rule:nth-of-type(3)')).getHarness(MatButtonToggleHarness.with({ text: '按排名' }))).toggle();
    await (await input(2, '位列本单位前（%）')).setValue('60');
    await save();
    expect(await (await field(2, '位列本单位前（%）')).getTextErrors()).toEqual(['请填写 1–50 之间的整数']);
  });

  it('removes a rule', async () => {
    await render();

    await (await loader.getHarness(MatButtonHarness.with({ selector: '[aria-label="删除第 1 条规则"]' }))).click();
    await save();

    const request = backend.expectOne({ method: 'PUT', url: URL });
    expect((request.request.body as AdjustmentRules).rules.map((r) => r.id)).toEqual(['top_ten_twice']);
    request.flush(someRules({ rules: [someRules().rules[1]!], revision: 4 }));
    await fixture.whenStable();
  });

  it('says when there are no rules', async () => {
    await render(someRules({ rules: [] }));

    expect(page().querySelector('.none')?.textContent).toContain('锁定考核时不会生成调整建议');
  });

  it('shows the server’s message when someone else saved first', async () => {
    await render();
    await save();

    backend
      .expectOne({ method: 'PUT', url: URL })
      .flush(aProblem(409, 'version_conflict', { title: '他人已修改调整规则，请刷新后重试' }), { status: 409, statusText: 'Conflict' });
    await fixture.whenStable();

    expect(page().querySelector('.alert')?.textContent).toContain('他人已修改调整规则，请刷新后重试');
  });

  it('shows the problem of a failed load, with a retry', async () => {
    await start();
    backend.expectOne(URL).flush(aProblem(503, 'database_unavailable', { title: '服务暂不可用' }), { status: 503, statusText: 'Unavailable' });
    await fixture.whenStable();

    expect(page().textContent).toContain('服务暂不可用');
    await (await loader.getHarness(MatButtonHarness.with({ text: '重试' }))).click();
    backend.expectOne(URL).flush(someRules());
    await fixture.whenStable();
    expect(page().querySelectorAll('fieldset.rule').length).toBe(2);
  });
});
