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

  it('waits for a user who already has a second factor to choose to set it up again', async () => {
    await render(aMe({ totpEnabled: true }));

    expect(element().textContent).toContain('双因素认证已启用');
    backend.expectNone('/api/auth/totp/enrollment');

    await (await loader.getHarness(MatButtonHarness.with({ text: '重新绑定' }))).click();
    await startedEnrollment();
    expect(element().querySelector('img.qr')).not.toBeNull();
  });
});
