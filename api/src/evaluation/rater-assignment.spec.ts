import { RATER_GROUPS, type RaterGroup } from '@cadre/shared-models';
import { planRaterAssignments, RATERS_PER_GROUP, type CadreAtPost, type PlannedRater, type PostLevel, type UnitNode } from './rater-assignment.js';

/**
 * district ─┬─ bureau ── office
 *           ├─ streetA
 *           └─ streetB
 */
const UNITS: UnitNode[] = [
  { id: 'district', parentId: null },
  { id: 'bureau', parentId: 'district' },
  { id: 'office', parentId: 'bureau' },
  { id: 'streetA', parentId: 'district' },
  { id: 'streetB', parentId: 'district' },
];

const cadre = (id: string, unitId: string, postLevel: PostLevel): CadreAtPost => ({ id, name: `干部${id}`, unitId, postLevel });

const CADRES: CadreAtPost[] = [
  cadre('d1', 'district', '县处级正职'),
  cadre('d2', 'district', '县处级正职'),
  cadre('d3', 'district', '县处级副职'),
  cadre('b1', 'bureau', '县处级副职'),
  cadre('b2', 'bureau', '乡科级正职'),
  cadre('b3', 'bureau', '乡科级正职'),
  cadre('b4', 'bureau', '乡科级副职'),
  cadre('o1', 'office', '非领导职务'),
  cadre('a1', 'streetA', '县处级正职'),
  cadre('a2', 'streetA', '乡科级副职'),
  cadre('s1', 'streetB', '乡科级正职'),
  cadre('s2', 'streetB', '非领导职务'),
];

const ALL_GROUPS = new Set<RaterGroup>(RATER_GROUPS);

function plan(rateeIds: string[], options: { groups?: Set<RaterGroup>; cadres?: CadreAtPost[]; cycleId?: string } = {}) {
  const cadres = options.cadres ?? CADRES;
  return planRaterAssignments({
    cycleId: options.cycleId ?? 'cycle-1',
    ratees: cadres.filter((c) => rateeIds.includes(c.id)),
    cadres,
    units: UNITS,
    groups: options.groups ?? ALL_GROUPS,
  });
}

const idsOf = (raters: PlannedRater[], group: RaterGroup) => raters.filter((r) => r.group === group).map((r) => r.raterId).sort();

describe('planning who rates whom', () => {
  const cases: Array<[string, string, RaterGroup, string[]]> = [
    ['a deputy is rated by the higher post levels of their unit', 'b2', 'superior', ['b1']],
    ['the head of a unit is rated by the highest level of the nearest unit above that has cadres', 'b1', 'superior', ['d1', 'd2']],
    ['a unit without cadres above it leaves the superior group empty', 'd1', 'superior', []],
    ['a cadre whose unit has nobody above is rated by the unit above, skipping empty levels', 'o1', 'superior', ['b1']],
    ['peers are the others of the same level in the same unit', 'b2', 'peer', ['b3']],
    ['nobody else at the level: no peers', 'b1', 'peer', []],
    ['subordinates are those of lower levels in the same unit', 'b1', 'subordinate', ['b2', 'b3', 'b4']],
    ['the lowest level has no subordinates', 'b4', 'subordinate', []],
    ['service recipients come from sibling units under the same parent, never the own unit', 'a2', 'service_recipient', ['b1', 'b2', 'b3', 'b4', 's1', 's2']],
    ['the top unit has no siblings and so no service recipients', 'd3', 'service_recipient', []],
    ['a unit without siblings gets no service recipients', 'o1', 'service_recipient', []],
    ['self is the ratee', 'a1', 'self', ['a1']],
  ];
  for (const [what, rateeId, group, expected] of cases) {
    it(what, () => {
      const raters = plan([rateeId]).get(rateeId)!;
      const picked = idsOf(raters, group);
      if (expected.length <= RATERS_PER_GROUP.service_recipient || group !== 'service_recipient') {
        expect(picked).toEqual(expected);
      } else {
        expect(picked.length).toBe(RATERS_PER_GROUP.service_recipient);
        expect(expected).toEqual(jasmine.arrayContaining(picked));
      }
    });
  }

  it('caps each sampled group and picks only from the pool', () => {
    const big: CadreAtPost[] = [
      cadre('boss', 'bureau', '县处级正职'),
      ...Array.from({ length: 30 }, (_, i) => cadre(`p${String(i).padStart(2, '0')}`, 'bureau', '乡科级正职')),
      ...Array.from({ length: 30 }, (_, i) => cadre(`s${String(i).padStart(2, '0')}`, 'bureau', '非领导职务')),
      ...Array.from({ length: 20 }, (_, i) => cadre(`x${String(i).padStart(2, '0')}`, 'streetA', '非领导职务')),
      ...Array.from({ length: 4 }, (_, i) => cadre(`h${i}`, 'district', '县处级正职')),
    ];
    const raters = plan(['boss', 'p00'], { cadres: big });
    const boss = raters.get('boss')!;
    expect(idsOf(boss, 'superior').length).toBe(RATERS_PER_GROUP.superior);
    expect(idsOf(boss, 'superior').every((id) => id.startsWith('h'))).toBeTrue();
    expect(idsOf(boss, 'subordinate').length).toBe(RATERS_PER_GROUP.subordinate);
    expect(idsOf(boss, 'service_recipient').length).toBe(RATERS_PER_GROUP.service_recipient);
    expect(idsOf(boss, 'service_recipient').every((id) => id.startsWith('x'))).toBeTrue();
    const peer = raters.get('p00')!;
    expect(idsOf(peer, 'peer').length).toBe(RATERS_PER_GROUP.peer);
    expect(idsOf(peer, 'peer')).not.toContain('p00');
    expect(idsOf(peer, 'superior')).toEqual(['boss']);
    expect(idsOf(peer, 'subordinate').every((id) => id.startsWith('s'))).toBeTrue();
    for (const raters of [boss, peer]) {
      const ids = raters.map((r) => r.raterId);
      expect(new Set(ids).size).withContext('one group per rater and ratee').toBe(ids.length);
    }
  });

  it('picks the same raters when planned again, whatever the order of the input, and others for another cycle', () => {
    const big = Array.from({ length: 40 }, (_, i) => cadre(`c${String(i).padStart(2, '0')}`, 'bureau', '乡科级正职'));
    const first = plan(['c00'], { cadres: big }).get('c00');
    const again = plan(['c00'], { cadres: [...big].reverse() }).get('c00');
    expect(again).toEqual(first);
    const cycles = ['cycle-2', 'cycle-3', 'cycle-4'].map((cycleId) => idsOf(plan(['c00'], { cadres: big, cycleId }).get('c00')!, 'peer').join());
    expect(cycles.some((peers) => peers !== idsOf(first!, 'peer').join())).toBeTrue();
  });

  it('gives raters only in the groups the cycle enables', () => {
    const raters = plan(['b2'], { groups: new Set<RaterGroup>(['peer', 'self']) }).get('b2')!;
    expect([...new Set(raters.map((r) => r.group))].sort()).toEqual(['peer', 'self']);
  });
});
