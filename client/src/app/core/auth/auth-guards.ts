import { inject } from '@angular/core';
import { Router, type CanActivateFn, type Route, type UrlTree } from '@angular/router';
import type { Action, Role, SessionStage } from '@cadre/shared-models';
import { AuthSession } from './auth-session';
import { PERMISSION_DATA_KEY, SessionNavigator } from './session-navigator';

/** The login page, remembering where the visitor was going unless that is just the start page. */
function loginPage(returnUrl: string): UrlTree {
  return inject(Router).createUrlTree(['/login'], { queryParams: returnUrl === '/' ? {} : { returnUrl } });
}

/** Sends a visitor without a session to the login page, remembering where they were going. */
export const requireSignedIn: CanActivateFn = (_route, state) => inject(AuthSession).me() !== null || loginPage(state.url);

/**
 * Lets a session through only in one of the given stages; any other stage is sent to the page
 * that finishes its own step (second factor, enrolment, password change) first.
 */
export function requireStage(...stages: readonly SessionStage[]): CanActivateFn {
  return (_route, state) => {
    const me = inject(AuthSession).me();
    if (!me) return loginPage(state.url);
    return stages.includes(me.stage) || inject(SessionNavigator).nextStep(me, state.url);
  };
}

/** The platform's pages need a session that has finished every login step. */
export const requireStageActive: CanActivateFn = requireStage('active');

/** Shows the no-access page to a user whose roles do not grant the action. */
export function requirePermission(action: Action): CanActivateFn {
  return () => inject(AuthSession).can(action) || inject(Router).createUrlTree(['/no-access']);
}

/**
 * Route fields for a page that needs a permission: the guard, and the same action as route data
 * so the login can tell whether a return address is a page the user may open.
 */
export function permitted(action: Action): Pick<Route, 'canActivate' | 'data'> {
  return { canActivate: [requirePermission(action)], data: { [PERMISSION_DATA_KEY]: action } };
}

/**
 * The login page is for visitors and for sessions that still owe the second factor; anyone
 * further along is sent on to their next step or their landing page.
 */
export const redirectSignedIn: CanActivateFn = (route) => {
  const me = inject(AuthSession).me();
  if (!me || me.stage === 'totp_required') return true;
  return inject(SessionNavigator).nextStep(me, route.queryParamMap.get('returnUrl'));
};

/** A page for one role's work that no permission names (the reviewer's cases). */
export function requireRole(role: Role): CanActivateFn {
  return () => inject(AuthSession).me()?.roles.includes(role) || inject(Router).createUrlTree(['/no-access']);
}

/**
 * The start address `/` is the statistics home for those who may read statistics; anyone else
 * is taken on to their own start page (a cadre to their record) rather than told 无权访问.
 */
export const homeOrLanding: CanActivateFn = () => {
  const session = inject(AuthSession);
  const me = session.me();
  if (!me) return inject(Router).createUrlTree(['/login']);
  return session.can('stats:read') || inject(Router).parseUrl(inject(SessionNavigator).landing(me));
};
