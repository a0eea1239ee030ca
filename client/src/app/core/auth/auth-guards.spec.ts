import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { Router, provideRouter, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { aMe, signIn } from '../../../testing/me';
import { routes } from '../../app.routes';
import { problemInterceptor } from '../http/problem-interceptor';
import { provideI18n } from '../i18n/provide-i18n';

/** The real route table, so these specs check the guards where the app puts them. */
describe('route guards', () => {
  let harness: RouterTestingHarness;

  beforeEach(async () => {
    localStorage.removeItem('cadre.language');
    TestBed.configureTestingModule({
      providers: [
        provideRouter(routes, withComponentInputBinding()),
        provideHttpClient(withInterceptors([problemInterceptor])),
        provideHttpClientTesting(),
        provideNoopAnimations(),
        provideI18n(),
      ],
    });
    harness = await RouterTestingHarness.create();
  });

  function url(): string {
    return TestBed.inject(Router).url;
  }

  function text(): string {
    return (harness.routeNativeElement?.textContent ?? '').replace(/\s+/g, ' ');
  }

  it('sends a visitor without a session to the login page, keeping the address to return to', async () => {
    await harness.navigateByUrl('/audit?result=denied');

    expect(url()).toBe('/login?returnUrl=%2Faudit%3Fresult%3Ddenied');
  });

  it('forces a password change before any page when the API says the password must change', async () => {
    signIn(aMe({ roles: ['sys_admin'], stage: 'password_change_required' }));

    await harness.navigateByUrl('/admin/users');

    expect(url()).toBe('/account/password?returnUrl=%2Fadmin%2Fusers');
    expect(text()).toContain('首次登录或密码已过期，请修改密码');
  });

  it('sends a session that owes its second factor back to the login page', async () => {
    signIn(aMe({ roles: ['audit_admin'], stage: 'totp_required' }));

    await harness.navigateByUrl('/audit');

    expect(url()).toBe('/login?returnUrl=%2Faudit');
  });

  it('sends a role that must enrol a second factor to the enrolment page', async () => {
    signIn(aMe({ roles: ['security_admin'], stage: 'totp_enrollment_required', totpEnabled: false }));

    await harness.navigateByUrl('/account');

    expect(url()).toBe('/account/totp?returnUrl=%2Faccount');
    TestBed.inject(HttpTestingController).expectOne('/api/auth/totp/enrollment');
  });

  it('shows 无权访问 on a page the roles do not open, with a link to the user’s own start page', async () => {
    signIn(aMe({ roles: ['sys_admin'] }));

    await harness.navigateByUrl('/audit');

    expect(url()).toBe('/no-access');
    expect(text()).toContain('无权访问');
    const home = harness.routeNativeElement?.querySelector('a');
    expect(home?.textContent?.trim()).toBe('返回首页');
    expect(home?.getAttribute('href')).toBe('/admin/users');
  });

  it('takes a cadre opening / to their own record, not to 无权访问', async () => {
    signIn(aMe({ roles: ['cadre'], cadreId: '65c000000000000000000042' }));

    await harness.navigateByUrl('/');

    expect(url()).toBe('/cadres/65c000000000000000000042');
  });

  it('keeps the reviewer’s cases page for reviewers', async () => {
    signIn(aMe({ roles: ['reviewer'] }));
    await harness.navigateByUrl('/review');
    expect(url()).toBe('/review');
    expect(text()).toContain('我的案件');
    expect(text()).toContain('目前没有分配给您的案件');
  });

  it('shows 无权访问 on the reviewer’s cases page to other roles', async () => {
    signIn(aMe({ roles: ['sys_admin'] }));
    await harness.navigateByUrl('/review');
    expect(url()).toBe('/no-access');
  });

  it('lets a role with the permission in', async () => {
    signIn(aMe({ roles: ['audit_admin'] }));

    await harness.navigateByUrl('/audit');

    expect(url()).toBe('/audit');
    TestBed.inject(HttpTestingController).expectOne((request) => request.url === '/api/audit');
  });

  it('shows 页面不存在 at an unknown address, with a link to the user’s own start page', async () => {
    signIn(aMe({ roles: ['audit_admin'] }));

    await harness.navigateByUrl('/no/such/page');

    expect(url()).toBe('/no/such/page');
    expect(text()).toContain('页面不存在');
    const home = harness.routeNativeElement?.querySelector('a');
    expect(home?.getAttribute('href')).toBe('/audit');
  });

  it('sends a visitor at an unknown address to the login page first', async () => {
    await harness.navigateByUrl('/no/such/page');

    expect(url()).toBe('/login?returnUrl=%2Fno%2Fsuch%2Fpage');
  });

  it('sends a signed-in user who opens the login page on to where they were going', async () => {
    signIn(aMe({ roles: ['sys_admin'] }));

    await harness.navigateByUrl('/login?returnUrl=%2Faccount');

    expect(url()).toBe('/account');
  });
});
