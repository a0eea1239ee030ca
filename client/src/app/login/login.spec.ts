import type { HttpTestingController } from '@angular/common/http/testing';
import type { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { MatFormFieldHarness } from '@angular/material/form-field/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { provideRouter, type UrlTree } from '@angular/router';
import { configureApiTestBed, spyOnNavigation } from '../../testing/api-test-bed';
import { aMe, aProblem } from '../../testing/me';
import { routes } from '../app.routes';
import { AuthSession } from '../core/auth/auth-session';
import { I18n } from '../core/i18n/i18n';
import { Login } from './login';

describe('Login', () => {
  let fixture: ComponentFixture<Login>;
  let loader: HarnessLoader;
  let backend: HttpTestingController;
  let navigate: jasmine.Spy<(url: UrlTree) => Promise<boolean>>;

  beforeEach(() => {
    backend = configureApiTestBed(provideRouter(routes), provideNoopAnimations());
    navigate = spyOnNavigation();
  });
  afterEach(() => {
    backend.verify();
    localStorage.removeItem('cadre.language');
  });

  async function render(inputs: { returnUrl?: string; reason?: string } = {}): Promise<void> {
    fixture = TestBed.createComponent(Login);
    for (const [name, value] of Object.entries(inputs)) fixture.componentRef.setInput(name, value);
    loader = TestbedHarnessEnvironment.loader(fixture);
    await fixture.whenStable();
  }

  function text(): string {
    return (fixture.nativeElement as HTMLElement).textContent ?? '';
  }

  async function fill(label: string, value: string): Promise<void> {
    const field = await loader.getHarness(MatFormFieldHarness.with({ floatingLabelText: label }));
    const input = (await field.getControl(MatInputHarness))!;
    await input.setValue(value);
  }

  async function click(label: string): Promise<void> {
    await (await loader.getHarness(MatButtonHarness.with({ text: label }))).click();
  }

  function navigatedTo(): string {
    return navigate.calls.mostRecent().args[0].toString();
  }

  async function signInWithPassword(): Promise<void> {
    await fill('用户名', 'liaudit');
    await fill('密码', 'Correct-horse-9');
    await click('登录');
  }

  it('asks for the second factor after the password, then goes where the user was headed', async () => {
    await render({ returnUrl: '/audit?result=denied' });

    await signInWithPassword();
    const login = backend.expectOne({ method: 'POST', url: '/api/auth/login' });
    expect(login.request.body).toEqual({ username: 'liaudit', password: 'Correct-horse-9' });
    login.flush(aMe({ roles: ['audit_admin'], stage: 'totp_required' }));
    await fixture.whenStable();

    expect(text()).toContain('双因素认证');
    expect(text()).toContain('请输入身份验证器应用显示的 6 位动态验证码');
    expect(navigate).not.toHaveBeenCalled();

    await fill('动态验证码', '123456');
    await click('验证');
    const totp = backend.expectOne({ method: 'POST', url: '/api/auth/totp' });
    expect(totp.request.body).toEqual({ code: '123456' });
    totp.flush(aMe({ roles: ['audit_admin'] }));
    await fixture.whenStable();

    expect(TestBed.inject(AuthSession).me()?.stage).toBe('active');
    expect(navigatedTo()).toBe('/audit?result=denied');
  });

  it('accepts a recovery code instead of a TOTP code', async () => {
    await render();
    await signInWithPassword();
    backend.expectOne('/api/auth/login').flush(aMe({ roles: ['sys_admin'], stage: 'totp_required' }));
    await fixture.whenStable();

    await click('改用恢复码');
    await fill('恢复码', 'ab3de-fg7hk');
    await click('验证');
    const totp = backend.expectOne('/api/auth/totp');
    expect(totp.request.body).toEqual({ recoveryCode: 'ab3de-fg7hk' });
    totp.flush(aMe({ roles: ['sys_admin'] }));
    await fixture.whenStable();

    expect(navigatedTo()).withContext("a sys_admin's landing page").toBe('/admin/users');
  });

  it('says the code is wrong and lets the user try again', async () => {
    await render();
    await signInWithPassword();
    backend.expectOne('/api/auth/login').flush(aMe({ roles: ['sys_admin'], stage: 'totp_required' }));
    await fixture.whenStable();

    await fill('动态验证码', '000000');
    await click('验证');
    backend.expectOne('/api/auth/totp').flush(aProblem(401, 'invalid_totp'), { status: 401, statusText: 'Unauthorized' });
    await fixture.whenStable();

    expect(text()).toContain('验证码不正确，请重新输入');
    expect(TestBed.inject(AuthSession).me()?.stage).toBe('totp_required');
  });

  it('shows the lockout with the local time it lifts, from lockedUntil', async () => {
    await render();
    const until = new Date();
    until.setMinutes(until.getMinutes() + 15);
    // Across midnight the date is shown too; the spec then sees the time after it.
    const time = `${String(until.getHours()).padStart(2, '0')}:${String(until.getMinutes()).padStart(2, '0')}`;

    await signInWithPassword();
    backend.expectOne('/api/auth/login').flush(
      aProblem(423, 'account_locked', { title: '账户已锁定', detail: '连续登录失败次数过多，账户已暂时锁定', lockedUntil: until.toISOString() }),
      { status: 423, statusText: 'Locked' },
    );
    await fixture.whenStable();

    expect(text()).toContain('登录失败次数过多，账户已暂时锁定');
    expect(text()).toMatch(new RegExp(`账户已锁定，将于 (\\d+月\\d+日 )?${time}（本地时间）解锁`));
    expect(text()).not.toContain(until.toISOString());
    expect(navigate).not.toHaveBeenCalled();
    expect(await (await loader.getHarness(MatInputHarness.with({ selector: '[type=password]' }))).getValue())
      .withContext('the password is cleared after a failure')
      .toBe('');
  });

  it('tells how many attempts remain after a wrong password', async () => {
    await render();

    await signInWithPassword();
    backend.expectOne('/api/auth/login').flush(aProblem(401, 'invalid_credentials', { attemptsRemaining: 3 }), { status: 401, statusText: 'Unauthorized' });
    await fixture.whenStable();

    expect(text()).toContain('用户名或密码错误');
    expect(text()).toContain('还可尝试 3 次');
  });

  it('explains wrong credentials, rate limiting and a disabled account in the interface language', async () => {
    await render();
    const answers: [number, string, string][] = [
      [401, 'invalid_credentials', '用户名或密码错误'],
      [429, 'rate_limited', '尝试过于频繁，请稍后再试'],
      [403, 'account_disabled', '账户已停用，请联系系统管理员'],
    ];
    for (const [status, code, message] of answers) {
      await signInWithPassword();
      backend.expectOne('/api/auth/login').flush(aProblem(status, code), { status, statusText: code });
      await fixture.whenStable();
      expect(text()).withContext(code).toContain(message);
    }
  });

  it('checks the fields with the shared schema before sending anything', async () => {
    await render();

    await click('登录');

    expect(text()).toContain('请输入用户名');
    expect(text()).toContain('请输入密码');
    backend.expectNone('/api/auth/login');
  });

  it('explains that the session expired when it was sent here for that', async () => {
    await render({ reason: 'expired', returnUrl: '/admin/users' });

    expect(text()).toContain('会话已过期，请重新登录');
  });

  it('sends a user who must change the password to the password page', async () => {
    await render({ returnUrl: '/admin/users' });

    await signInWithPassword();
    backend.expectOne('/api/auth/login').flush(aMe({ roles: ['sys_admin'], stage: 'password_change_required' }));
    await fixture.whenStable();

    expect(navigatedTo()).toBe('/account/password?returnUrl=%2Fadmin%2Fusers');
  });

  it('speaks English when English was chosen', async () => {
    TestBed.inject(I18n).setLanguage('en');
    await render();

    await fill('Username', 'liaudit');
    await fill('Password', 'wrong');
    await click('Sign in');
    backend.expectOne('/api/auth/login').flush(aProblem(401, 'invalid_credentials'), { status: 401, statusText: 'Unauthorized' });
    await fixture.whenStable();

    expect(text()).toContain('Wrong username or password.');
  });
});
