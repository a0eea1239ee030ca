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
import { TotpEnrollment } from './totp-enrollment';

const SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 21 21"><path d="M0 0h7v7H0z"/></svg>';

describe('TotpEnrollment', () => {
  let fixture: ComponentFixture<TotpEnrollment>;
  let loader: HarnessLoader;
  let backend: HttpTestingController;
  let navigate: jasmine.Spy<(url: UrlTree) => Promise<boolean>>;

  beforeEach(() => {
    backend = configureApiTestBed(provideRouter(routes), provideNoopAnimations());
    navigate = spyOnNavigation();
  });
  afterEach(() => backend.verify());

  async function render(me: Me): Promise<void> {
    signIn(me);
    fixture = TestBed.createComponent(TotpEnrollment);
    loader = TestbedHarnessEnvironment.loader(fixture);
    await fixture.whenStable();
  }

  function element(): HTMLElement {
    return fixture.nativeElement as HTMLElement;
  }

  async function startedEnrollment(): Promise<void> {
    backend
      .expectOne({ method: 'POST', url: '/api/auth/totp/enrollment' })
      .flush({ secret: 'JBSWY3DPEHPK3PXPJBSWY3DP', otpauthUri: 'otpauth://totp/x', qrCodeSvg: SVG });
    await fixture.whenStable();
  }

  async function confirmWith(code: string): Promise<void> {
    const field = await loader.getHarness(MatFormFieldHarness.with({ floatingLabelText: '动态验证码' }));
    await (await field.getControl(MatInputHarness))!.setValue(code);
    await (await loader.getHarness(MatButtonHarness.with({ text: '确认绑定' }))).click();
  }

  it('shows the QR code as an image and the secret in groups for typing', async () => {
    await render(aMe({ roles: ['security_admin'], stage: 'totp_enrollment_required', totpEnabled: false }));
    await startedEnrollment();

    expect(element().textContent).toContain('您的角色要求启用双因素认证');
    const qr = element().querySelector('img.qr') as HTMLImageElement;
    expect(qr.alt).toBe('身份验证器绑定二维码');
    expect(qr.getAttribute('src')).toBe(`data:image/svg+xml;base64,${btoa(SVG)}`);
    expect(element().querySelector('svg')).withContext('the server markup is never inserted into the page').toBeNull();
    expect(element().querySelector('.secret')?.textContent).toBe('JBSW Y3DP EHPK 3PXP JBSW Y3DP');
  });

  it('shows the recovery codes once after a correct code, then continues with a fresh session', async () => {
    await render(aMe({ roles: ['security_admin'], stage: 'totp_enrollment_required', totpEnabled: false }));
    await startedEnrollment();

    await confirmWith('654321');
    const confirm = backend.expectOne({ method: 'POST', url: '/api/auth/totp/enrollment/confirm' });
    expect(confirm.request.body).toEqual({ code: '654321' });
    confirm.flush({ recoveryCodes: ['ab3de-fg7hk', 'mn4pq-rs8tv'] });
    await fixture.whenStable();

    expect(Array.from(element().querySelectorAll('.recovery-codes li'), (li) => li.textContent?.trim())).toEqual([
      'ab3de-fg7hk',
      'mn4pq-rs8tv',
    ]);
    for (const label of ['复制', '下载']) {
      expect(await loader.getAllHarnesses(MatButtonHarness.with({ text: label }))).withContext(label).toHaveSize(1);
    }

    await (await loader.getHarness(MatButtonHarness.with({ text: '我已妥善保存' }))).click();
    backend.expectOne('/api/auth/session').flush(aMe({ roles: ['security_admin'] }));
    await fixture.whenStable();

    expect(navigate.calls.mostRecent().args[0].toString()).toBe('/admin/users');
  });

  it('says the code is wrong under the field', async () => {
    await render(aMe({ roles: ['audit_admin'], stage: 'totp_enrollment_required', totpEnabled: false }));
    await startedEnrollment();

    await confirmWith('000000');
    backend.expectOne('/api/auth/totp/enrollment/confirm').flush(aProblem(401, 'invalid_totp'), { status: 401, statusText: 'Unauthorized' });
    await fixture.whenStable();

    const field = await loader.getHarness(MatFormFieldHarness.with({ floatingLabelText: '动态验证码' }));
    expect(await field.getTextErrors()).toEqual(['验证码不正确，请重新输入']);
  });

  async function fillField(label: string, value: string): Promise<void> {
    const field = await loader.getHarness(MatFormFieldHarness.with({ floatingLabelText: label }));
    await (await field.getControl(MatInputHarness))!.setValue(value);
  }

  async function errorsOf(label: string): Promise<string[]> {
    return (await loader.getHarness(MatFormFieldHarness.with({ floatingLabelText: label }))).getTextErrors();
  }

  async function rebind(): Promise<void> {
    await (await loader.getHarness(MatButtonHarness.with({ text: '重新绑定' }))).click();
  }

  it('waits for a user who already has a second factor to prove both factors before setting it up again', async () => {
    await render(aMe({ totpEnabled: true }));

    expect(element().textContent).toContain('双因素认证已启用');
    expect(element().textContent).toContain('请输入当前密码和当前身份验证器上的动态验证码');
    backend.expectNone('/api/auth/totp/enrollment');

    await fillField('当前密码', 'Jiangbei#2026ok');
    await fillField('当前动态验证码', '287082');
    await rebind();
    const start = backend.expectOne({ method: 'POST', url: '/api/auth/totp/enrollment' });
    expect(start.request.body).toEqual({ currentPassword: 'Jiangbei#2026ok', code: '287082' });
    start.flush({ secret: 'JBSWY3DPEHPK3PXPJBSWY3DP', otpauthUri: 'otpauth://totp/x', qrCodeSvg: SVG });
    await fixture.whenStable();
    expect(element().querySelector('img.qr')).not.toBeNull();
  });

  it('asks for the current password and code instead of sending a replacement without them', async () => {
    await render(aMe({ totpEnabled: true }));

    await rebind();
    backend.expectNone('/api/auth/totp/enrollment');
    expect(await errorsOf('当前密码')).toEqual(['请输入密码']);
    expect(await errorsOf('当前动态验证码')).toEqual(['请输入 6 位动态验证码']);
  });

  const refusals: Array<[code: string, label: string, message: string]> = [
    ['invalid_credentials', '当前密码', '当前密码不正确'],
    ['invalid_totp', '当前动态验证码', '验证码不正确，请重新输入'],
  ];
  for (const [code, label, message] of refusals) {
    it(`shows ${code} under ${label} and keeps the form`, async () => {
      await render(aMe({ totpEnabled: true }));

      await fillField('当前密码', 'Jiangbei#2026ok');
      await fillField('当前动态验证码', '000000');
      await rebind();
      backend.expectOne('/api/auth/totp/enrollment').flush(aProblem(401, code), { status: 401, statusText: 'Unauthorized' });
      await fixture.whenStable();

      expect(await errorsOf(label)).toEqual([message]);
      expect(element().querySelector('img.qr')).toBeNull();
    });
  }
});
