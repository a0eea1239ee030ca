import type { Me } from '@cadre/shared-models';
import type { Messages } from '../i18n/messages';

export interface NavItem {
  readonly label: string;
  readonly link: string;
  /** Home is a prefix of every path, so only an exact match marks it active. */
  readonly exact: boolean;
}

/**
 * The navigation a signed-in user gets: only pages their permissions open, so nobody is shown
 * a link that ends on the no-access page. Nothing until every login step is done.
 */
export function buildNavItems(me: Me | null, text: Messages['shell']): NavItem[] {
  if (!me || me.stage !== 'active') return [];
  const allowed = new Set(me.permissions);
  const items: NavItem[] = [];
  if (allowed.has('stats:read')) items.push({ label: text.home, link: '/', exact: true });
  if (allowed.has('cycle:manage')) items.push({ label: text.assessmentWork, link: '/assessment', exact: false });
  if (me.roles.includes('reviewer')) items.push({ label: text.reviewCases, link: '/review', exact: false });
  if (allowed.has('ledger:read')) items.push({ label: text.ledger, link: '/ledger', exact: false });
  if (me.cadreId && allowed.has('cadre:read')) {
    items.push({ label: text.myRecord, link: `/cadres/${me.cadreId}`, exact: false });
  }
  if (allowed.has('cadre:import')) items.push({ label: text.imports, link: '/imports', exact: false });
  if (allowed.has('rating:submit')) items.push({ label: text.myRatings, link: '/my-ratings', exact: false });
  if (allowed.has('cycle:read')) items.push({ label: text.cycles, link: '/cycles', exact: false });
  if (allowed.has('framework:read')) items.push({ label: text.frameworks, link: '/frameworks', exact: false });
  if (allowed.has('correction:review')) items.push({ label: text.corrections, link: '/corrections', exact: false });
  if (allowed.has('proposal:read')) items.push({ label: text.proposals, link: '/proposals', exact: false });
  if (allowed.has('user:read')) items.push({ label: text.users, link: '/admin/users', exact: false });
  // Every role may read the unit tree (pickers need it), but as a page it is the org admin's tool.
  if (allowed.has('unit:write')) items.push({ label: text.units, link: '/admin/units', exact: false });
  if (allowed.has('audit:read')) items.push({ label: text.audit, link: '/audit', exact: false });
  return items;
}
