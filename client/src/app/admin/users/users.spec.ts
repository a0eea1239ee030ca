import type { HttpTestingController, TestRequest } from '@angular/common/http/testing';
import type { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatCheckboxHarness } from '@angular/material/checkbox/testing';
import { MatDialogHarness } from '@angular/material/dialog/testing';
import { MatFormFieldHarness } from '@angular/material/form-field/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { MatMenuHarness } from '@angular/material/menu/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import { MatAutocompleteHarness } from '@angular/material/autocomplete/testing';
import { MatTableHarness } from '@angular/material/table/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { provideRouter } from '@angular/router';
import { UNIT_MANAGER_NEEDS_UNIT, type ListedUser, type PendingAccountChange, type Role } from '@cadre/shared-models';
import { configureApiTestBed } from '../../../testing/api-test-bed';
import { aMe, aProblem, signIn } from '../../../testing/me';
import { provideViewport } from '../../../testing/viewport';
import { Users } from './users';

function aUser(overrides: Partial<ListedUser> = {}): ListedUser {
  return {
    id: '65b000000000000000000001',
    username: 'wangfang',
    displayName: '王芳',
    roles: ['unit_manager'],
    unitId: '65b0000000000000000000a2',
    cadreId: null,
    disabled: false,
    locked: false,
    totpEnabled: false,
    mustChangePassword: false,
    lastLoginAt: null,
    pendingChange: null,
    passwordPartReady: false,
    version: 3,
    linkedCadre: null,
    pendingCadre: null,
    ...overrides,
  };
}

const ROOT = '65b0000000000000000000a1';
const STREET = '65b0000000000000000000a2';

function aPendingChange(overrides: Partial<PendingAccountChange> = {}): PendingAccountChange {
  return {
    kind: 'password_reset',
    unitId: null,
    cadreId: null,
    roles: [],
    requestedBy: 'sysadmin',
    requestedById: '65b0000000000000000000ff',
    requestedAt: '2026-12-03T02:00:00.000Z',
    ...overrides,
  };
}

function aUnitRow(id: string, name: string, ancestorIds: string[]) {
  return { id, name, code: `U-${id.slice(-2).toUpperCase()}`, type: 'street', parentId: ancestorIds.at(-1) ?? null, ancestorIds, sortOrder: 1, version: 0 };
}

describe('Users', () => {
  let fixture: ComponentFixture<Users>;
  let loader: HarnessLoader;
  let root: HarnessLoader;
  let backend: HttpTestingController;

  beforeEach(() => {
    backend = configureApiTestBed(provideRouter([]), provideNoopAnimations(), provideViewport(false));
  });
  afterEach(() => backend.verify());

  async function render(roles: Role[], users: ListedUser[] = [aUser()]): Promise<void> {
    signIn(aMe({ roles }));
    fixture = TestBed.createComponent(Users);
    loader = TestbedHarnessEnvironment.loader(fixture);
    root = TestbedHarnessEnvironment.documentRootLoader(fixture);
    await fixture.whenStable();
    respondToList(users);
    await fixture.whenStable();
  }

  /** Dialogs report their result after closing, a task later; the reload follows from that. */
  async function settle(): Promise<void> {
    await fixture.whenStable();
    await new Promise((resolve) => setTimeout(resolve));
    await fixture.whenStable();
  }

  function expectList(): TestRequest {
    return backend.expectOne((request) => request.url === '/api/users' && request.method === 'GET');
  }

  function respondToList(users: ListedUser[]): TestRequest {
    const request = expectList();
    request.flush({ items: users, total: users.length });
    return request;
  }

  async function fillIn(within: HarnessLoader, label: string, value: string): Promise<void> {
    const field = await within.getHarness(MatFormFieldHarness.with({ floatingLabelText: label }));
    await (await field.getControl(MatInputHarness))!.setValue(value);
  }

  async function rowMenu(name: string): Promise<MatMenuHarness> {
    return loader.getHarness(MatMenuHarness.with({ selector: `[aria-label="${name} 的操作"]` }));
  }

  /** The dialog's own alerts (conflict and server messages), not Material widgets. */
  function alerts(selector: string): string[] {
    return Array.from(document.querySelectorAll(`${selector} [role=alert]`), (node) => node.textContent?.trim() ?? '');
  }

  /** Opens the roles dialog from the person's row, ticks 干部 and saves; the request is left to the test. */
  async function grantCadreRoleTo(name: string): Promise<void> {
    await (await rowMenu(name)).clickItem({ text: '分配角色' });
    const dialog = await root.getHarness(MatDialogHarness.with({ selector: ':has(cadre-roles-dialog)' }));
    await (await dialog.getHarness(MatCheckboxHarness.with({ label: '干部' }))).check();
    await (await dialog.getHarness(MatButtonHarness.with({ text: '保存' }))).click();
  }

  async function menuItems(menu: MatMenuHarness): Promise<string[]> {
    await menu.open();
    const items = await Promise.all((await menu.getItems()).map((item) => item.getText()));
    await menu.close();
    return items;
  }

  it('lists the first page of accounts with their roles and state', async () => {
    await render(['sys_admin'], [aUser(), aUser({ id: '65b000000000000000000002', username: 'zhaolei', displayName: '赵磊', roles: ['cadre'], locked: true })]);

    const table = await loader.getHarness(MatTableHarness);
    expect(await table.getCellTextByColumnName()).toEqual(
      jasmine.objectContaining({
        username: jasmine.objectContaining({ text: ['wangfang', 'zhaolei'] }),
        roles: jasmine.objectContaining({ text: ['单位管理员', '干部'] }),
        status: jasmine.objectContaining({ text: ['正常', '已锁定'] }),
        lastLogin: jasmine.objectContaining({ text: ['从未登录', '从未登录'] }),
      }),
    );
  });

  it('asks the server for the first page again when a search is typed', async () => {
    await render(['sys_admin']);

    await fillIn(loader, '搜索用户名或姓名', ' wang ');
    await new Promise((resolve) => setTimeout(resolve, 350));
    await fixture.whenStable();

    const search = expectList();
    expect(search.request.params.get('q')).toBe('wang');
    expect(search.request.params.get('page')).toBe('0');
    expect(search.request.params.get('size')).toBe('20');
    search.flush({ items: [], total: 0 });
    await fixture.whenStable();
    expect((fixture.nativeElement as HTMLElement).textContent).toContain('没有符合条件的用户');
  });

  it('creates an account and shows its one-time password once, with a copy button', async () => {
    await render(['sys_admin']);

    await (await loader.getHarness(MatButtonHarness.with({ text: '新建用户' }))).click();
    backend.expectOne('/api/units').flush({ items: [] });
    const dialog = await root.getHarness(MatDialogHarness.with({ selector: ':has(cadre-user-form-dialog)' }));
    await fillIn(dialog, '用户名', 'zhangsan');
    await fillIn(dialog, '姓名', '张三');
    expect(await dialog.getContentText()).toContain('新账户没有角色，创建后由安全管理员分配。');
    await (await dialog.getHarness(MatButtonHarness.with({ text: '新建用户' }))).click();

    const create = backend.expectOne({ method: 'POST', url: '/api/users' });
    expect(create.request.body).toEqual({
      username: 'zhangsan',
      displayName: '张三',
      unitId: null,
      cadreId: null,
    });
    const created = aUser({ id: '65b000000000000000000009', username: 'zhangsan', displayName: '张三', roles: [], mustChangePassword: true });
    create.flush({ user: created, oneTimePassword: 'Tmp-8f3K-29xq' });
    await settle();
    respondToList([aUser(), created]);

    const shown = await root.getHarness(MatDialogHarness.with({ selector: ':has(cadre-one-time-password-dialog)' }));
    expect(await shown.getTitleText()).toBe('张三 的一次性密码');
    expect(await shown.getContentText()).toContain('Tmp-8f3K-29xq');
    expect(await shown.getContentText()).toContain('只显示这一次');
    expect(await (await shown.getHarness(MatButtonHarness.with({ text: '复制' }))).isDisabled()).toBeFalse();
    expect(await root.getAllHarnesses(MatDialogHarness.with({ selector: ':has(cadre-user-form-dialog)' }))).toHaveSize(0);
  });

  it('puts the server’s field messages under the field they concern', async () => {
    await render(['sys_admin']);

    await (await loader.getHarness(MatButtonHarness.with({ text: '新建用户' }))).click();
    backend.expectOne('/api/units').flush({ items: [] });
    const dialog = await root.getHarness(MatDialogHarness.with({ selector: ':has(cadre-user-form-dialog)' }));
    await fillIn(dialog, '用户名', 'wangfang');
    await fillIn(dialog, '姓名', '王芳');
    await (await dialog.getHarness(MatButtonHarness.with({ text: '新建用户' }))).click();
    backend
      .expectOne({ method: 'POST', url: '/api/users' })
      .flush(aProblem(400, 'validation_failed', { errors: [{ path: 'body.username', message: '用户名已被使用' }] }), {
        status: 400,
        statusText: 'Bad Request',
      });
    await fixture.whenStable();

    const username = await dialog.getHarness(MatFormFieldHarness.with({ floatingLabelText: '用户名' }));
    expect(await username.getTextErrors()).toEqual(['用户名已被使用']);
  });

  it('gives a sys_admin account actions but no role grants', async () => {
    await render(['sys_admin'], [aUser({ locked: true })]);

    expect(await menuItems(await rowMenu('王芳'))).toEqual(['编辑', '停用', '解锁', '重置密码']);
  });

  it('gives a security_admin role grants only, and no create button', async () => {
    await render(['security_admin']);

    expect(await menuItems(await rowMenu('王芳'))).toEqual(['分配角色']);
    expect(await loader.getAllHarnesses(MatButtonHarness.with({ text: '新建用户' }))).toHaveSize(0);
  });

  it('explains 三员分立 live in the roles dialog and refuses to save a conflicting set', async () => {
    await render(['security_admin']);

    const menu = await rowMenu('王芳');
    await menu.clickItem({ text: '分配角色' });
    const dialog = await root.getHarness(MatDialogHarness.with({ selector: ':has(cadre-roles-dialog)' }));
    const save = await dialog.getHarness(MatButtonHarness.with({ text: '保存' }));
    expect(alerts('cadre-roles-dialog')).toEqual([]);

    await (await dialog.getHarness(MatCheckboxHarness.with({ label: '系统管理员' }))).check();
    expect(alerts('cadre-roles-dialog')).toEqual(['三员分立：系统管理员 账户不能兼任其他角色']);
    expect(await save.isDisabled()).toBeTrue();

    await (await dialog.getHarness(MatCheckboxHarness.with({ label: '审计管理员' }))).check();
    await (await dialog.getHarness(MatCheckboxHarness.with({ label: '单位管理员' }))).uncheck();
    expect(alerts('cadre-roles-dialog')).toEqual(['三员分立：系统管理员、审计管理员 不能由同一账户担任']);

    await (await dialog.getHarness(MatCheckboxHarness.with({ label: '审计管理员' }))).uncheck();
    expect(alerts('cadre-roles-dialog')).toEqual([]);
    expect(await save.isDisabled()).toBeFalse();

    await save.click();
    const grant = backend.expectOne({ method: 'PUT', url: '/api/users/65b000000000000000000001/roles' });
    expect(grant.request.body).toEqual({ version: 3, roles: ['sys_admin'] });
    grant.flush(aUser({ roles: ['sys_admin'], version: 4 }));
    await settle();
    respondToList([aUser({ roles: ['sys_admin'], version: 4 })]);
    expect(await root.getAllHarnesses(MatDialogHarness.with({ selector: ':has(cadre-roles-dialog)' }))).toHaveSize(0);
  });

  it('shows the server’s reason when it refuses a grant', async () => {
    await render(['security_admin']);

    await grantCadreRoleTo('王芳');
    backend
      .expectOne({ method: 'PUT', url: '/api/users/65b000000000000000000001/roles' })
      .flush(aProblem(400, 'validation_failed', { errors: [{ path: 'body.roles', message: '该账户已有未完成的容错纠错案件' }] }), {
        status: 400,
        statusText: 'Bad Request',
      });
    await fixture.whenStable();

    expect(alerts('cadre-roles-dialog')).toContain('该账户已有未完成的容错纠错案件');
  });

  it('says 已被他人修改，请刷新 and reloads when the account changed meanwhile', async () => {
    await render(['security_admin']);

    await grantCadreRoleTo('王芳');
    backend
      .expectOne({ method: 'PUT', url: '/api/users/65b000000000000000000001/roles' })
      .flush(aProblem(409, 'version_conflict'), { status: 409, statusText: 'Conflict' });
    await settle();

    expect(document.body.textContent).toContain('已被他人修改，请刷新');
    respondToList([aUser({ version: 5 })]);
  });

  it('asks before disabling an account, then disables it', async () => {
    await render(['sys_admin']);

    await (await rowMenu('王芳')).clickItem({ text: '停用' });
    const confirm = await root.getHarness(MatDialogHarness.with({ selector: ':has(cadre-confirm-dialog)' }));
    expect(await confirm.getContentText()).toContain('停用后 王芳 将立即退出并无法登录');
    await (await confirm.getHarness(MatButtonHarness.with({ text: '停用' }))).click();

    backend.expectOne({ method: 'POST', url: '/api/users/65b000000000000000000001/disable' }).flush(aUser({ disabled: true }));
    await fixture.whenStable();
    respondToList([aUser({ disabled: true })]);
    await fixture.whenStable();
    const table = await loader.getHarness(MatTableHarness);
    expect((await table.getCellTextByColumnName())['status']?.text).toEqual(['已停用']);
  });

  describe('changes waiting for a security administrator', () => {
    async function statusTexts(): Promise<string[]> {
      const table = await loader.getHarness(MatTableHarness);
      return (await table.getCellTextByColumnName())['status']?.text ?? [];
    }

    async function openReview(name: string): Promise<MatDialogHarness> {
      await (await rowMenu(name)).clickItem({ text: '审批变更' });
      return root.getHarness(MatDialogHarness.with({ selector: ':has(cadre-change-approval-dialog)' }));
    }

    it('tells sys_admin that a reset of an account with roles waits for approval, and shows no password', async () => {
      await render(['sys_admin']);

      await (await rowMenu('王芳')).clickItem({ text: '重置密码' });
      const confirm = await root.getHarness(MatDialogHarness.with({ selector: ':has(cadre-confirm-dialog)' }));
      expect(await confirm.getContentText()).toContain('有角色的账户须经安全管理员审批');
      await (await confirm.getHarness(MatButtonHarness.with({ text: '重置密码' }))).click();
      const pending = aUser({ pendingChange: aPendingChange(), version: 4 });
      backend.expectOne({ method: 'POST', url: '/api/users/65b000000000000000000001/password-reset' }).flush({ oneTimePassword: null, user: pending });
      await fixture.whenStable();
      respondToList([pending]);
      await fixture.whenStable();

      expect(await root.getAllHarnesses(MatDialogHarness.with({ selector: ':has(cadre-one-time-password-dialog)' }))).toHaveSize(0);
      expect(document.body.textContent).toContain('已提交，王芳 的账户变更待安全管理员审批');
      expect(await statusTexts()).toEqual([jasmine.stringContaining('待安全管理员审批：重置密码')]);
    });

    it('lets a security_admin review a unit change beside the current unit and approve it', async () => {
      const pending = aUser({ unitId: STREET, pendingChange: aPendingChange({ kind: 'links', unitId: ROOT }) });
      await render(['security_admin'], [pending]);
      expect(await statusTexts()).toEqual([jasmine.stringContaining('待安全管理员审批：变更关联单位或干部')]);
      expect(await menuItems(await rowMenu('王芳'))).toEqual(['分配角色', '审批变更']);

      const dialog = await openReview('王芳');
      backend.expectOne('/api/units').flush({ items: [aUnitRow(ROOT, '江北区委', []), aUnitRow(STREET, '观音桥街道', [ROOT])] });
      await fixture.whenStable();
      const content = await dialog.getContentText();
      for (const shown of ['变更关联单位或干部', '申请人：sysadmin', '拟关联单位', '江北区委', '现为：观音桥街道']) expect(content).toContain(shown);
      await (await dialog.getHarness(MatButtonHarness.with({ text: '批准' }))).click();

      const approval = backend.expectOne({ method: 'POST', url: '/api/users/65b000000000000000000001/pending-change/approval' });
      expect(approval.request.body).toEqual({ version: 3 });
      approval.flush({ user: aUser({ unitId: ROOT, version: 4 }), passwordPart: null });
      await settle();
      respondToList([aUser({ unitId: ROOT, version: 4 })]);
      expect(document.body.textContent).toContain('已批准 王芳 的账户变更');
      expect(await root.getAllHarnesses(MatDialogHarness.with({ selector: ':has(cadre-one-time-password-dialog)' }))).toHaveSize(0);
    });

    it('shows the approving security_admin only the first half of a reset password', async () => {
      await render(['security_admin'], [aUser({ pendingChange: aPendingChange() })]);

      const dialog = await openReview('王芳');
      expect(await dialog.getContentText()).toContain('任何一人都无法单独登录该账户');
      await (await dialog.getHarness(MatButtonHarness.with({ text: '批准' }))).click();
      backend
        .expectOne({ method: 'POST', url: '/api/users/65b000000000000000000001/pending-change/approval' })
        .flush({ user: aUser({ passwordPartReady: true, mustChangePassword: true, version: 4 }), passwordPart: 'Ab3#xY7k' });
      await settle();
      respondToList([aUser({ passwordPartReady: true, mustChangePassword: true, version: 4 })]);

      const shown = await root.getHarness(MatDialogHarness.with({ selector: ':has(cadre-one-time-password-dialog)' }));
      expect(await shown.getTitleText()).toBe('王芳 的一次性密码（前半段）');
      expect(await shown.getContentText()).toContain('Ab3#xY7k');
      expect(await shown.getContentText()).toContain('另一半由另一位管理员交付');
    });

    it('rejects a role grant only with a reason', async () => {
      await render(['security_admin'], [aUser({ roles: [], pendingChange: aPendingChange({ kind: 'roles', roles: ['unit_manager'], requestedBy: 'sec.one' }) })]);

      const dialog = await openReview('王芳');
      const content = await dialog.getContentText();
      for (const shown of ['授予角色', '拟授予角色', '单位管理员', '现为：未分配角色']) expect(content).toContain(shown);
      const reject = await dialog.getHarness(MatButtonHarness.with({ text: '驳回' }));
      expect(await reject.isDisabled()).toBeTrue();
      await fillIn(dialog, '驳回理由', '未见组织部任职通知');
      await reject.click();

      const rejection = backend.expectOne({ method: 'POST', url: '/api/users/65b000000000000000000001/pending-change/rejection' });
      expect(rejection.request.body).toEqual({ version: 3, reason: '未见组织部任职通知' });
      rejection.flush(aUser({ roles: [], version: 4 }));
      await settle();
      respondToList([aUser({ roles: [], version: 4 })]);
      expect(document.body.textContent).toContain('已驳回 王芳 的账户变更');
    });

    it('says why the server refuses a grant, not just that it conflicted', async () => {
      await render(['security_admin']);

      await grantCadreRoleTo('王芳');
      backend
        .expectOne({ method: 'PUT', url: '/api/users/65b000000000000000000001/roles' })
        .flush(aProblem(409, 'password_not_set', { detail: '该账户的一次性密码尚未由本人修改，请待本人首次登录并设置密码后再变更其权限' }), {
          status: 409,
          statusText: 'Conflict',
        });
      await fixture.whenStable();

      expect(alerts('cadre-roles-dialog')).toEqual(['该账户的一次性密码尚未由本人修改，请待本人首次登录并设置密码后再变更其权限']);
    });

    it('tells a sys_admin who edits a unit manager’s unit that the change waits for approval', async () => {
      await render(['sys_admin'], [aUser({ unitId: STREET })]);

      await (await rowMenu('王芳')).clickItem({ text: '编辑' });
      backend.expectOne('/api/units').flush({ items: [aUnitRow(ROOT, '江北区委', []), aUnitRow(STREET, '观音桥街道', [ROOT])] });
      const dialog = await root.getHarness(MatDialogHarness.with({ selector: ':has(cadre-user-form-dialog)' }));
      await (await dialog.getHarness(MatButtonHarness.with({ text: '保存' }))).click();
      const pending = aUser({ unitId: STREET, version: 4, pendingChange: aPendingChange({ kind: 'links', unitId: ROOT }) });
      backend.expectOne({ method: 'PATCH', url: '/api/users/65b000000000000000000001' }).flush(pending);
      await settle();
      respondToList([pending]);

      expect(document.body.textContent).toContain('已提交，王芳 的账户变更待安全管理员审批');
      expect(await statusTexts()).toEqual([jasmine.stringContaining('待安全管理员审批：变更关联单位或干部')]);
    });

    it('lets sys_admin collect the second half of an approved reset', async () => {
      await render(['sys_admin'], [aUser({ passwordPartReady: true })]);
      expect(await statusTexts()).toEqual([jasmine.stringContaining('密码后半段待申请人领取')]);

      await (await rowMenu('王芳')).clickItem({ text: '领取密码后半段' });
      backend.expectOne({ method: 'POST', url: '/api/users/65b000000000000000000001/password-part' }).flush({ passwordPart: 'Zq9!mN2p' });
      await fixture.whenStable();
      respondToList([aUser()]);

      const shown = await root.getHarness(MatDialogHarness.with({ selector: ':has(cadre-one-time-password-dialog)' }));
      expect(await shown.getTitleText()).toBe('王芳 的一次性密码（后半段）');
      expect(await shown.getContentText()).toContain('Zq9!mN2p');
    });
  });

  describe('unit and cadre links', () => {
    const ZHANG = '65b0000000000000000000c1';
    const UNITS = [aUnitRow(ROOT, '江北区委', []), aUnitRow(STREET, '观音桥街道', [ROOT])];

    async function openEdit(name: string): Promise<MatDialogHarness> {
      await (await rowMenu(name)).clickItem({ text: '编辑' });
      backend.expectOne('/api/units').flush({ items: UNITS });
      return root.getHarness(MatDialogHarness.with({ selector: ':has(cadre-user-form-dialog)' }));
    }

    async function typeCadre(dialog: MatDialogHarness, words: string): Promise<MatAutocompleteHarness> {
      const box = await dialog.getHarness(MatAutocompleteHarness);
      await box.clear();
      await box.enterText(words);
      // The search waits for typing to pause.
      await new Promise((resolve) => setTimeout(resolve, 300));
      return box;
    }

    it('shows a linked cadre by name and unit in the list, never by id', async () => {
      await render(['sys_admin'], [aUser({ roles: ['cadre'], cadreId: ZHANG, linkedCadre: { name: '张晓明', unitName: '观音桥街道', deleted: false } })]);
      expect(text()).toContain('关联干部：张晓明（观音桥街道）');
      expect(text()).not.toContain(ZHANG);
    });

    it('says on the unit field, before sending, that a unit manager needs a unit', async () => {
      await render(['sys_admin'], [aUser()]);
      const dialog = await openEdit('王芳');
      const unit = await dialog.getHarness(MatFormFieldHarness.with({ floatingLabelText: '所属单位' }));
      const select = (await unit.getControl(MatSelectHarness))!;
      await select.open();
      await select.clickOptions({ text: '不关联单位' });

      expect(await unit.getTextErrors()).toEqual([UNIT_MANAGER_NEEDS_UNIT]);
      await (await dialog.getHarness(MatButtonHarness.with({ text: '保存' }))).click();
      backend.expectNone({ method: 'PATCH', url: '/api/users/65b000000000000000000001' });
    });

    it('links a cadre chosen by name, unit and post from a search, and sends its id', async () => {
      await render(['sys_admin'], [aUser({ roles: [], unitId: null })]);
      const dialog = await openEdit('王芳');
      const box = await typeCadre(dialog, '张');

      const search = backend.expectOne((request) => request.url === '/api/users/cadre-candidates');
      expect(search.request.params.get('q')).toBe('张');
      search.flush({
        items: [
          { id: ZHANG, name: '张晓明', unitName: '观音桥街道', post: '街道办事处主任' },
          { id: '65b0000000000000000000c2', name: '张晓明', unitName: '区城市管理局', post: '副局长' },
        ],
        more: false,
      });
      await fixture.whenStable();
      // The panel shows its options once the input has focus again, as when the user looks at it.
      await box.blur();
      await box.focus();
      const options = await box.getOptions();
      expect(await Promise.all(options.map((option) => option.getText()))).toEqual(['张晓明观音桥街道 · 街道办事处主任', '张晓明区城市管理局 · 副局长']);
      await box.selectOption({ text: /观音桥街道/ });
      expect(await box.getValue()).toBe('张晓明（观音桥街道）');

      await (await dialog.getHarness(MatButtonHarness.with({ text: '保存' }))).click();
      const save = backend.expectOne({ method: 'PATCH', url: '/api/users/65b000000000000000000001' });
      expect(save.request.body).toEqual({ version: 3, displayName: '王芳', unitId: null, cadreId: ZHANG });
      save.flush(aUser({ roles: [], unitId: null, cadreId: ZHANG, version: 4 }));
      await settle();
      respondToList([aUser({ roles: [], unitId: null, cadreId: ZHANG, version: 4 })]);
    });

    it('does not search on one letter, and refuses words typed but not chosen', async () => {
      await render(['sys_admin'], [aUser({ roles: [], unitId: null })]);
      const dialog = await openEdit('王芳');
      await typeCadre(dialog, 'z');
      backend.expectNone((request) => request.url === '/api/users/cadre-candidates');

      await (await dialog.getHarness(MatButtonHarness.with({ text: '保存' }))).click();
      const cadre = await dialog.getHarness(MatFormFieldHarness.with({ floatingLabelText: '关联干部' }));
      expect(await cadre.getTextErrors()).toEqual(['请从搜索结果中选择干部，或清空此项']);
      backend.expectNone({ method: 'PATCH', url: '/api/users/65b000000000000000000001' });
    });

    it('names the cadre a pending change would link, for the approving security_admin', async () => {
      const pending = aUser({
        roles: ['cadre'],
        unitId: null,
        pendingChange: aPendingChange({ kind: 'links', cadreId: ZHANG }),
        pendingCadre: { name: '张晓明', unitName: '观音桥街道', deleted: false },
      });
      await render(['security_admin'], [pending]);
      await (await rowMenu('王芳')).clickItem({ text: '审批变更' });
      backend.expectOne('/api/units').flush({ items: UNITS });
      const dialog = await root.getHarness(MatDialogHarness.with({ selector: ':has(cadre-change-approval-dialog)' }));
      const content = await dialog.getContentText();
      expect(content).toContain('张晓明（观音桥街道）');
      expect(content).toContain('现为：无');
      expect(content).not.toContain(ZHANG);
    });

    it('explains in the roles dialog that a unit manager needs a unit, and does not save', async () => {
      await render(['security_admin'], [aUser({ roles: ['cadre'], unitId: null })]);
      await (await rowMenu('王芳')).clickItem({ text: '分配角色' });
      const dialog = await root.getHarness(MatDialogHarness.with({ selector: ':has(cadre-roles-dialog)' }));
      await (await dialog.getHarness(MatCheckboxHarness.with({ label: '单位管理员' }))).check();
      expect(alerts('cadre-roles-dialog')).toEqual([UNIT_MANAGER_NEEDS_UNIT]);
      expect(await (await dialog.getHarness(MatButtonHarness.with({ text: '保存' }))).isDisabled()).toBeTrue();
    });
  });

  function text(): string {
    return (fixture.nativeElement as HTMLElement).textContent ?? '';
  }
});
