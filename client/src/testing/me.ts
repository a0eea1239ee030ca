import { TestBed } from '@angular/core/testing';
import { listPermissions, type Me, type Role } from '@cadre/shared-models';
import { AuthSession } from '../app/core/auth/auth-session';

/** A signed-in user as the API describes one; permissions follow the roles unless overridden. */
export function aMe(overrides: Partial<Me> & { roles?: Role[] } = {}): Me {
  const roles = overrides.roles ?? ['org_admin'];
  return {
    id: '65a000000000000000000001',
    username: 'zhangmin',
    displayName: '张敏',
    unitId: null,
    cadreId: null,
    stage: 'active',
    totpEnabled: true,
    passwordExpiresAt: '2027-02-20T00:00:00.000Z',
    ...overrides,
    roles,
    permissions: overrides.permissions ?? listPermissions(roles),
  };
}

/** Puts the user into the session, as the app initializer would after GET /api/auth/session. */
export function signIn(me: Me): Me {
  TestBed.inject(AuthSession).set(me);
  return me;
}

/** An RFC 9457 body as the API sends it. */
export function aProblem(status: number, code: string, extra: Record<string, unknown> = {}): object {
  return { type: 'about:blank', title: code, status, code, requestId: 'req-test', ...extra };
}
