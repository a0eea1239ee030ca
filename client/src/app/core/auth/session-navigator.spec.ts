import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { Me, Role } from '@cadre/shared-models';
import { aMe } from '../../../testing/me';
import { routes } from '../../app.routes';
import { SessionNavigator } from './session-navigator';

describe('SessionNavigator', () => {
  let navigator: SessionNavigator;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideRouter(routes)] });
    navigator = TestBed.inject(SessionNavigator);
  });

  function next(me: Me, returnUrl?: string): string {
    return navigator.nextStep(me, returnUrl).toString();
  }

  const CADRE = { cadreId: '65c000000000000000000042' };
  // Every role alone, and the pairs 三员分立 allows, start on a page with their main work.
  const LANDING: readonly [Role[], Partial<Me>, string][] = [
    [['org_admin'], {}, '/'],
    [['assessor'], {}, '/assessment'],
    [['unit_manager'], {}, '/'],
    [['cadre'], CADRE, '/cadres/65c000000000000000000042'],
    [['cadre'], {}, '/account'],
    [['reviewer'], {}, '/review'],
    [['sys_admin'], {}, '/admin/users'],
    [['security_admin'], {}, '/admin/users'],
    [['audit_admin'], {}, '/audit'],
    [['org_admin', 'assessor'], {}, '/'],
    [['org_admin', 'cadre'], CADRE, '/'],
    [['assessor', 'unit_manager'], {}, '/'],
    [['assessor', 'cadre'], CADRE, '/assessment'],
    [['assessor', 'reviewer'], {}, '/assessment'],
    [['unit_manager', 'cadre'], CADRE, '/'],
    [['unit_manager', 'reviewer'], {}, '/'],
    [['cadre', 'reviewer'], CADRE, '/cadres/65c000000000000000000042'],
    [['org_admin', 'reviewer'], {}, '/'],
  ];

  for (const [roles, overrides, expected] of LANDING) {
    it(`lands ${roles.join(' + ')}${overrides.cadreId ? ' (linked to a record)' : ''} on ${expected}, a page the route table opens to them`, () => {
      const me = aMe({ roles, ...overrides });
      expect(navigator.landing(me)).toBe(expected);
      expect(next(me)).toBe(expected);
      expect(next(me, expected)).withContext('the landing is a page the user may open').toBe(expected);
    });
  }

  it('returns the user to the page they came from when they may open it', () => {
    expect(next(aMe({ roles: ['sys_admin'] }), '/admin/units?x=1')).toBe('/admin/units?x=1');
  });

  it('ignores a return address the roles do not open', () => {
    expect(next(aMe({ roles: ['sys_admin'] }), '/audit')).toBe('/admin/users');
  });

  it('ignores return addresses that lead off the site or to no page', () => {
    const me = aMe({ roles: ['audit_admin'] });
    for (const returnUrl of ['https://evil.example/audit', '//evil.example/audit', '/\\evil.example', 'javascript:alert(1)', '/nowhere']) {
      expect(next(me, returnUrl)).withContext(returnUrl).toBe('/audit');
    }
  });

  it('sends an unfinished session to its step page, carrying the return address along', () => {
    expect(next(aMe({ stage: 'password_change_required' }), '/audit')).toBe('/account/password?returnUrl=%2Faudit');
    expect(next(aMe({ stage: 'totp_enrollment_required' }))).toBe('/account/totp');
    expect(next(aMe({ stage: 'totp_required' }), '/')).toBe('/login?returnUrl=%2F');
  });
});
