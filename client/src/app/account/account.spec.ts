import type { HttpTestingController } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { Me } from '@cadre/shared-models';
import { configureApiTestBed } from '../../testing/api-test-bed';
import { aMe, signIn } from '../../testing/me';
import { Account } from './account';

const UNIT = '65d000000000000000000003';

describe('Account', () => {
  let fixture: ComponentFixture<Account>;
  let backend: HttpTestingController;

  beforeEach(() => {
    backend = configureApiTestBed(provideRouter([]));
  });
  afterEach(() => backend.verify());

  async function render(me: Me): Promise<void> {
    signIn(me);
    fixture = TestBed.createComponent(Account);
    await fixture.whenStable();
  }

  function facts(): Record<string, string> {
    const element = fixture.nativeElement as HTMLElement;
    const terms = Array.from(element.querySelectorAll('dt'), (node) => node.textContent?.trim() ?? '');
    const values = Array.from(element.querySelectorAll('dd'), (node) => node.textContent?.trim() ?? '');
    return Object.fromEntries(terms.map((term, i) => [term, values[i] ?? '']));
  }

  it('shows who the user is, with roles in Chinese, the unit by name and when the password expires', async () => {
    await render(aMe({ roles: ['unit_manager', 'cadre'], unitId: UNIT, totpEnabled: false, passwordExpiresAt: '2027-02-20T08:00:00.000Z' }));
    backend.expectOne('/api/units').flush({
      items: [{ id: UNIT, name: '观音桥街道', code: 'JB-GYQ', type: 'street', parentId: null, ancestorIds: [], sortOrder: 0, version: 1 }],
    });
    await fixture.whenStable();

    expect(facts()).toEqual({
      姓名: '张敏',
      用户名: 'zhangmin',
      角色: '单位管理员、干部',
      所属单位: '观音桥街道',
      密码有效期至: '2027年2月20日',
      双因素认证: '未启用',
    });
  });

  it('does not ask for the unit list when the roles may not read it', async () => {
    await render(aMe({ roles: ['audit_admin'], unitId: UNIT }));

    expect(facts()['所属单位']).toBe(UNIT);
    backend.expectNone('/api/units');
  });
});
