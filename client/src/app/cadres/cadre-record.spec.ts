import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { MatCardHarness } from '@angular/material/card/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import type { Cadre } from '@cadre/shared-models';
import { aMe, aProblem, signIn } from '../../testing/me';
import { problemInterceptor } from '../core/http/problem-interceptor';
import { provideI18n } from '../core/i18n/provide-i18n';
import { CadreRecord } from './cadre-record';

const ID = '65c000000000000000000042';

const cadre: Cadre = {
  id: ID,
  name: '陈静',
  sex: '女',
  birthMonth: '1986-04',
  ethnicity: '土家族',
  nativePlace: '重庆石柱',
  partyJoinMonth: '2008-06',
  workStartMonth: '2009-07',
  education: '研究生',
  degree: '硕士',
  school: '西南大学',
  unitId: '65d000000000000000000003',
  post: '观音桥街道办事处副主任',
  postLevel: '乡科级副职',
  rank: '一级主任科员',
  postStartMonth: '2021-03',
  category: '综合管理类',
  appointmentType: '委任',
  idNumberMasked: '500240********2026',
};

describe('CadreRecord', () => {
  let fixture: ComponentFixture<CadreRecord>;
  let backend: HttpTestingController;

  beforeEach(async () => {
    localStorage.removeItem('cadre.language');
    TestBed.configureTestingModule({
      providers: [provideHttpClient(withInterceptors([problemInterceptor])), provideHttpClientTesting(), provideI18n(), provideRouter([])],
    });
    backend = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(CadreRecord);
    fixture.componentRef.setInput('id', ID);
    await fixture.whenStable();
  });
  afterEach(() => backend.verify());

  it('shows the basic facts of the record', async () => {
    backend.expectOne(`/api/cadres/${ID}`).flush(cadre);
    await fixture.whenStable();

    const card = await TestbedHarnessEnvironment.loader(fixture).getHarness(MatCardHarness);
    expect(await card.getTitleText()).toBe('陈静');
    const element = fixture.nativeElement as HTMLElement;
    const terms = Array.from(element.querySelectorAll('dt'), (node) => node.textContent?.trim());
    const values = Array.from(element.querySelectorAll('dd'), (node) => node.textContent?.trim());
    expect(Object.fromEntries(terms.map((term, i) => [term, values[i]]))).toEqual({
      性别: '女',
      出生年月: '1986-04',
      民族: '土家族',
      单位编号: '65d000000000000000000003',
      职务: '观音桥街道办事处副主任',
      职务层次: '乡科级副职',
      职级: '一级主任科员',
      学历: '研究生',
      身份证号: '500240********2026',
    });
    expect(element.querySelector('.id-number button')).toBeNull();
  });

  it('lets the organization department reveal the full number, asking the server each time', async () => {
    signIn(aMe({ roles: ['org_admin'] }));
    backend.expectOne(`/api/cadres/${ID}`).flush(cadre);
    await fixture.whenStable();

    const reveal = await TestbedHarnessEnvironment.loader(fixture).getHarness(MatButtonHarness.with({ text: '显示完整号码' }));
    await reveal.click();
    const request = backend.expectOne({ method: 'POST', url: `/api/cadres/${ID}/id-number/reveal` });
    request.flush({ idNumber: '500240198604122026' });
    await fixture.whenStable();

    const element = fixture.nativeElement as HTMLElement;
    expect(element.querySelector('.id-number code')?.textContent).toBe('500240198604122026');
    expect(element.querySelector('.id-number button')).toBeNull();
  });

  for (const [status, code] of [
    [403, 'forbidden'],
    [404, 'not_found'],
  ] as const) {
    it(`shows the no-access page when the API answers ${status} for a record outside the caller's scope`, async () => {
      backend.expectOne(`/api/cadres/${ID}`).flush(aProblem(status, code, { title: '不在数据范围内' }), { status, statusText: code });
      await fixture.whenStable();

      const page = fixture.nativeElement as HTMLElement;
      expect(page.querySelector('h1')?.textContent).toBe('无权访问');
      expect(page.textContent).not.toContain('干部档案');
    });
  }

  it('shows the problem of any other failure, with its title', async () => {
    backend
      .expectOne(`/api/cadres/${ID}`)
      .flush(aProblem(503, 'database_unavailable', { title: '服务暂不可用' }), { status: 503, statusText: 'Unavailable' });
    await fixture.whenStable();

    expect((fixture.nativeElement as HTMLElement).textContent).toContain('服务暂不可用');
  });
});
