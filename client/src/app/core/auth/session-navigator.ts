import { DOCUMENT, Injectable, inject } from '@angular/core';
import { Router, type Route, type UrlTree } from '@angular/router';
import type { Action, Me, SessionStage } from '@cadre/shared-models';

/** Route data key holding the permission a page needs; set by `permitted()` in the route table. */
export const PERMISSION_DATA_KEY = 'permission';

/** Pages that finish a login step; the stage names which one the session must see next. */
const STEP_PAGES: Readonly<Record<Exclude<SessionStage, 'active'>, string>> = {
  totp_required: '/login',
  totp_enrollment_required: '/account/totp',
  password_change_required: '/account/password',
};

/** Where each signed-in user starts, and where a login step leads next. */
@Injectable({ providedIn: 'root' })
export class SessionNavigator {
  private readonly router = inject(Router);
  private readonly document = inject(DOCUMENT);

  /**
   * The page a user starts on: the one with their main work, most central first. Those who keep
   * records get the statistics home; an assessor without records to keep, their assessment
   * work; a cadre, their own record; a reviewer, their cases; the administrators, their tools.
   */
  landing(me: Me): string {
    const allowed = new Set(me.permissions);
    if (allowed.has('stats:read') && allowed.has('cadre:write')) return '/';
    if (allowed.has('cycle:manage')) return '/assessment';
    if (allowed.has('stats:read')) return '/';
    if (me.cadreId && allowed.has('cadre:read')) return `/cadres/${me.cadreId}`;
    if (me.roles.includes('reviewer')) return '/review';
    if (allowed.has('user:read')) return '/admin/users';
    if (allowed.has('audit:read')) return '/audit';
    return '/account';
  }

  /**
   * Where a session goes from here: the page of the step its stage names, carrying the return
   * address along; once active, the return address when the user may open it, else the landing.
   */
  nextStep(me: Me, returnUrl?: string | null): UrlTree {
    if (me.stage !== 'active') {
      return this.router.createUrlTree([STEP_PAGES[me.stage]], {
        queryParams: returnUrl ? { returnUrl } : {},
      });
    }
    const target = returnUrl ? this.toSameOriginPath(returnUrl) : null;
    return this.router.parseUrl(target && this.mayOpen(me, target) ? target : this.landing(me));
  }

  /** A path on this site, or null for anything that would leave it (`//evil`, `https:`, `javascript:`). */
  private toSameOriginPath(candidate: string): string | null {
    if (!candidate.startsWith('/')) return null;
    const origin = this.document.location.origin;
    try {
      const url = new URL(candidate, origin);
      return url.origin === origin ? `${url.pathname}${url.search}${url.hash}` : null;
    } catch {
      return null;
    }
  }

  /** Whether the path is a page of the route table whose permission, if any, the user holds. */
  private mayOpen(me: Me, path: string): boolean {
    const segments = this.router
      .parseUrl(path)
      .root.children['primary']?.segments.map((segment) => segment.path) ?? [];
    const required = findPagePermissions(this.router.config, segments);
    return required !== null && required.every((action) => me.permissions.includes(action));
  }
}

/**
 * Walks the route table the way the router matches paths (literal segments and `:params`) and
 * returns the permissions of the routes on the way to a page, or null when no page matches.
 * Wildcards are skipped: they only redirect.
 */
function findPagePermissions(routes: readonly Route[], segments: readonly string[]): Action[] | null {
  for (const route of routes) {
    if (route.path === undefined || route.path === '**' || route.redirectTo !== undefined) continue;
    const parts = route.path === '' ? [] : route.path.split('/');
    if (parts.length > segments.length) continue;
    if (!parts.every((part, i) => part.startsWith(':') || part === segments[i])) continue;
    const rest = segments.slice(parts.length);
    const own = route.data?.[PERMISSION_DATA_KEY] as Action | undefined;
    const found = route.children
      ? findPagePermissions(route.children, rest)
      : rest.length === 0
        ? []
        : null;
    if (found) return own ? [own, ...found] : found;
  }
  return null;
}
