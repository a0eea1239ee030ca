import type { HttpTestingController } from '@angular/common/http/testing';
import type { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatFormFieldHarness } from '@angular/material/form-field/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { provideRouter, type UrlTree } from '@angular/router';
import type { Me } from '@cadre/shared-models';
import { configureApiTestBed, spyOnNavigation } from '../../testing/api-test-bed';
import { aMe, aProblem, signIn } from '../../testing/me';
import { routes } from '../app.routes';
import { AuthSession } from '../core/auth/auth-session';
import { ChangePassword } from './change-password';

describe('ChangePassword', () => {
  let fixture: ComponentFixture<ChangePassword>;
  let loader: HarnessLoader;
  let backend: HttpTestingController;
  let navigate: jasmine.Spy<(url: UrlTree) => Promise<boolean>>;

  beforeEach(() => {
    backend = configureApiTestBed(provideRouter(routes), provideNoopAnimations());
    navigate = spyOnNavigation();
  });
  afterEach(() => backend.verify());

  async function render(me: Me, returnUrl?: string): Promise<void> {
    signIn(me);
    fixture = TestBed.createComponent(ChangePassword);
    if (returnUrl) fixture.componentRef.setInput('returnUrl', returnUrl);
    loader = TestbedHarnessEnvironment.loader(fixture);
    await fixture.whenStable();
  }

  async function field(label: string): Promise<MatFormFieldHarness> {
    return loader.getHarness(MatFormFieldHarness.with({ floatingLabelText: label }));
  }

  async function fillIn(label: string, value: string): Promise<void> {
    await (await (await field(label)).getControl(MatInputHarness))!.setValue(value);
  }

  function text(): string {
    return (fixture.nativeElement as HTMLElement).textContent ?? '';
  }

  async function submit(current: string, next: string): Promise<void> {
    await fillIn('当前密码', current);
    await fillIn('新密码', next);
    await fillIn('确认新密码', next);
    await (await loader.getHarness(MatButtonHarness.with({ text: '修改密码' }))).click();
  }

  it('lists the policy rules the new password still breaks while it is typed', async () => {
    await render(aMe({ username: 'zhangmin' }));

    await fillIn('新密码', 'zhangmin1');
    expect(text()).toContain('密码需包含大写字母、小写字母、数字、符号中的至少 3 类');
    expect(text()).toContain('密码不能包含用户名');

    await fillIn('新密码', 'Qiang-Jiang-2026');
    expect(text()).toContain('符合密码长度和字符种类要求');
  });

  it('explains a forced change, then continues to the page the user was headed for', async () => {
    await render(aMe({ roles: ['sys_admin'], stage: 'password_change_required' }), '/admin/users');
    expect(text()).toContain('首次登录或密码已过期，请修改密码');

    await submit('Tmp-8f3K-29xq', 'Qiang-Jiang-2026');
    const change = backend.expectOne({ method: 'POST', url: '/api/auth/password' });
    expect(change.request.body).toEqual({ currentPassword: 'Tmp-8f3K-29xq', newPassword: 'Qiang-Jiang-2026' });
    change.flush(aMe({ roles: ['sys_admin'] }));
    await fixture.whenStable();

    expect(TestBed.inject(AuthSession).me()?.stage).toBe('active');
    expect(navigate.calls.mostRecent().args[0].toString()).toBe('/admin/users');
  });

  it("shows the server's policy messages under the new password", async () => {
    await render(aMe());

    await submit('Old-Pass-2025', 'Password-123');
    backend.expectOne('/api/auth/password').flush(
      aProblem(400, 'validation_failed', {
        errors: [{ path: 'body.newPassword', message: '密码过于常见，容易被猜中' }],
      }),
      { status: 400, statusText: 'Bad Request' },
    );
    await fixture.whenStable();

    expect(await (await field('新密码')).getTextErrors()).toEqual(['密码过于常见，容易被猜中']);
    expect(navigate).not.toHaveBeenCalled();
  });

  it('says so under the current password when it is wrong', async () => {
    await render(aMe());

    await submit('not-it', 'Qiang-Jiang-2026');
    backend.expectOne('/api/auth/password').flush(aProblem(401, 'invalid_credentials'), { status: 401, statusText: 'Unauthorized' });
    await fixture.whenStable();

    expect(await (await field('当前密码')).getTextErrors()).toEqual(['当前密码不正确']);
  });

  it('does not send two different new passwords', async () => {
    await render(aMe());

    await fillIn('当前密码', 'Old-Pass-2025');
    await fillIn('新密码', 'Qiang-Jiang-2026');
    await fillIn('确认新密码', 'Qiang-Jiang-2025');
    await (await loader.getHarness(MatButtonHarness.with({ text: '修改密码' }))).click();

    expect(text()).toContain('两次输入的新密码不一致');
    backend.expectNone('/api/auth/password');
  });
});
