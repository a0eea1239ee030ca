import { BreakpointObserver, type BreakpointState } from '@angular/cdk/layout';
import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import type { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatButtonToggleHarness } from '@angular/material/button-toggle/testing';
import { MatChipHarness } from '@angular/material/chips/testing';
import { MatNavListHarness } from '@angular/material/list/testing';
import { MatMenuHarness } from '@angular/material/menu/testing';
import { MatSidenavHarness } from '@angular/material/sidenav/testing';
import { MatToolbarHarness } from '@angular/material/toolbar/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { Title } from '@angular/platform-browser';
import { Router, provideRouter } from '@angular/router';
import type { Me, Role } from '@cadre/shared-models';
import { of } from 'rxjs';
import { aMe, aProblem, signIn } from '../../../testing/me';
import { AuthSession } from '../auth/auth-session';
import { problemInterceptor } from '../http/problem-interceptor';
import { Shell } from './shell';

function viewport(handset: boolean): Partial<BreakpointObserver> {
  const state: BreakpointState = { matches: handset, breakpoints: {} };
  return { observe: () => of(state), isMatched: () => handset };
}

describe('Shell', () => {
  let fixture: ComponentFixture<Shell>;
  let loader: HarnessLoader;

  async function render(handset: boolean, me = aMe({ roles: ['org_admin'] })): Promise<void> {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        provideHttpClient(withInterceptors([problemInterceptor])),
        provideHttpClientTesting(),
        provideNoopAnimations(),
        { provide: BreakpointObserver, useValue: viewport(handset) },
      ],
    });
    signIn(me);
    fixture = TestBed.createComponent(Shell);
    loader = TestbedHarnessEnvironment.loader(fixture);
    await fixture.whenStable();
  }

  function menuButton(): Promise<MatButtonHarness[]> {
    return loader.getAllHarnesses(MatButtonHarness.with({ selector: '[aria-controls="main-navigation"]' }));
  }

  beforeEach(() => localStorage.removeItem('cadre.language'));
  afterEach(() => localStorage.removeItem('cadre.language'));

  it('names the product in Chinese and marks the data as a fictional demo', async () => {
    await render(false);

    const toolbar = await loader.getHarness(MatToolbarHarness);
    expect(await toolbar.getRowsAsText()).toEqual([jasmine.stringContaining('江北区干部能力现代化平台')]);
    const notice = await loader.getHarness(MatChipHarness);
    expect(await notice.getText()).toBe('示例数据，纯属虚构');
    expect(TestBed.inject(Title).getTitle()).toBe('江北区干部能力现代化平台');
  });

  it('docks the navigation beside the content on a desktop, without a menu button', async () => {
    await render(false);

    const sidenav = await loader.getHarness(MatSidenavHarness);
    expect(await sidenav.getMode()).toBe('side');
    expect(await sidenav.isOpen()).toBeTrue();
    expect(await menuButton()).toHaveSize(0);
  });

  it('hides the navigation behind a menu button on a phone and closes it after a link is chosen', async () => {
    await render(true);

    const sidenav = await loader.getHarness(MatSidenavHarness);
    expect(await sidenav.getMode()).toBe('over');
    expect(await sidenav.isOpen()).toBeFalse();

    const [button] = await menuButton();
    await button!.click();
    expect(await sidenav.isOpen()).toBeTrue();
    expect(await (await button!.host()).getAttribute('aria-expanded')).toBe('true');

    const nav = await loader.getHarness(MatNavListHarness);
    const [home] = await nav.getItems({ title: '首页' });
    await home!.click();
    expect(await sidenav.isOpen()).toBeFalse();
  });

  it('switches the interface to English from the toolbar and remembers the choice', async () => {
    await render(false);

    const english = await loader.getHarness(MatButtonToggleHarness.with({ text: 'EN' }));
    await english.toggle();

    const toolbar = await loader.getHarness(MatToolbarHarness);
    expect(await toolbar.getRowsAsText()).toEqual([
      jasmine.stringContaining('Jiangbei District Cadre Capability Platform'),
    ]);
    expect(await (await loader.getHarness(MatChipHarness)).getText()).toBe('Demo data, entirely fictional');
    expect(await english.isChecked()).toBeTrue();
    expect(localStorage.getItem('cadre.language')).toBe('en');
    expect(TestBed.inject(Title).getTitle()).toBe('Jiangbei District Cadre Capability Platform');
  });

  async function navItems(): Promise<{ title: string; href: string | null }[]> {
    const nav = await loader.getHarness(MatNavListHarness);
    const items = await nav.getItems();
    return Promise.all(items.map(async (item) => ({ title: await item.getTitle(), href: await item.getHref() })));
  }

  const NAVIGATION_BY_ROLE: readonly { roles: Role[]; me?: Partial<Me>; expected: [string, string][] }[] = [
    {
      roles: ['org_admin'],
      expected: [['首页', '/'], ['我的考核工作', '/assessment'], ['干部台账', '/ledger'], ['导入', '/imports'], ['考核测评', '/cycles'], ['评价体系', '/frameworks'], ['更正申请', '/corrections'], ['调整建议', '/proposals'], ['组织机构', '/admin/units']],
    },
    { roles: ['assessor'], expected: [['首页', '/'], ['我的考核工作', '/assessment'], ['干部台账', '/ledger'], ['考核测评', '/cycles'], ['评价体系', '/frameworks'], ['调整建议', '/proposals']] },
    { roles: ['unit_manager'], expected: [['首页', '/'], ['干部台账', '/ledger'], ['导入', '/imports'], ['更正申请', '/corrections']] },
    {
      roles: ['cadre'],
      me: { cadreId: '65c000000000000000000042' },
      expected: [['我的档案', '/cadres/65c000000000000000000042'], ['我的测评', '/my-ratings']],
    },
    { roles: ['sys_admin'], expected: [['用户管理', '/admin/users']] },
    { roles: ['security_admin'], expected: [['用户管理', '/admin/users']] },
    { roles: ['audit_admin'], expected: [['审计日志', '/audit']] },
    { roles: ['reviewer'], expected: [['我的案件', '/review']] },
    {
      roles: ['assessor', 'cadre'],
      me: { cadreId: '65c000000000000000000043' },
      expected: [['首页', '/'], ['我的考核工作', '/assessment'], ['干部台账', '/ledger'], ['我的档案', '/cadres/65c000000000000000000043'], ['我的测评', '/my-ratings'], ['考核测评', '/cycles'], ['评价体系', '/frameworks'], ['调整建议', '/proposals']],
    },
  ];

  for (const { roles, me, expected } of NAVIGATION_BY_ROLE) {
    it(`offers ${roles.join(' + ')} exactly the pages their permissions open`, async () => {
      await render(false, aMe({ roles, ...me }));

      expect(await navItems()).toEqual(expected.map(([title, href]) => ({ title, href })));
    });
  }

  it('shows no pages while a login step is unfinished, and only sign-out in the account menu', async () => {
    await render(false, aMe({ roles: ['sys_admin'], stage: 'password_change_required' }));

    expect(await (await loader.getHarness(MatSidenavHarness)).isOpen()).toBeFalse();
    const menu = await loader.getHarness(MatMenuHarness);
    await menu.open();
    expect(await Promise.all((await menu.getItems()).map((item) => item.getText()))).toEqual(['退出登录']);
  });

  it("names the user in the toolbar and offers the account pages and sign-out in the account menu", async () => {
    await render(false, aMe({ roles: ['audit_admin'], displayName: '李审计' }));

    const menu = await loader.getHarness(MatMenuHarness.with({ triggerText: '李审计' }));
    await menu.open();
    expect(await Promise.all((await menu.getItems()).map((item) => item.getText()))).toEqual([
      '账户信息',
      '修改密码',
      '双因素认证',
      '退出登录',
    ]);
  });

  it('signs out on the server, forgets the user and opens the login page', async () => {
    await render(false, aMe({ roles: ['audit_admin'], displayName: '李审计' }));
    const router = TestBed.inject(Router);
    const navigate = spyOn(router, 'navigateByUrl').and.resolveTo(true);
    const backend = TestBed.inject(HttpTestingController);

    const menu = await loader.getHarness(MatMenuHarness);
    await menu.clickItem({ text: '退出登录' });
    backend.expectOne({ method: 'POST', url: '/api/auth/logout' }).flush(null, { status: 204, statusText: 'No Content' });
    backend.expectOne('/api/auth/session').flush(aProblem(401, 'unauthenticated'), { status: 401, statusText: 'Unauthorized' });
    await fixture.whenStable();

    expect(TestBed.inject(AuthSession).me()).toBeNull();
    expect(navigate).toHaveBeenCalledOnceWith('/login');
    expect(await loader.getAllHarnesses(MatMenuHarness)).toHaveSize(0);
    backend.verify();
  });
});
