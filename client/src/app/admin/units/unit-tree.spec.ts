import { buildUnitTree, collectSubtreeIds, listInTreeOrder } from './unit-tree';
import type { UnitWithVersion } from './units-api';

function aUnit(id: string, parentId: string | null, overrides: Partial<UnitWithVersion> = {}): UnitWithVersion {
  return {
    id: id.padStart(24, '0'),
    name: `单位${id}`,
    code: `U-${id}`,
    type: 'department',
    parentId: parentId === null ? null : parentId.padStart(24, '0'),
    ancestorIds: [],
    sortOrder: 0,
    version: 1,
    ...overrides,
  };
}

describe('unit tree', () => {
  it('nests units under their parents, ordered by sort order, then code', () => {
    const roots = buildUnitTree([
      aUnit('3', '1', { sortOrder: 2 }),
      aUnit('2', '1', { sortOrder: 1 }),
      aUnit('1', null),
      aUnit('5', '2', { code: 'U-B' }),
      aUnit('4', '2', { code: 'U-A' }),
    ]);

    expect(listInTreeOrder(roots).map((node) => [node.unit.name, node.depth])).toEqual([
      ['单位1', 0],
      ['单位2', 1],
      ['单位4', 2],
      ['单位5', 2],
      ['单位3', 1],
    ]);
  });

  it('shows a unit whose parent is outside the list as a root, so nothing returned is hidden', () => {
    const roots = buildUnitTree([aUnit('7', '99'), aUnit('8', '7')]);

    expect(roots.map((node) => node.unit.name)).toEqual(['单位7']);
    expect(roots[0]!.children.map((node) => node.unit.name)).toEqual(['单位8']);
  });

  it('collects a unit and all its descendants', () => {
    const [root] = buildUnitTree([aUnit('1', null), aUnit('2', '1'), aUnit('3', '2'), aUnit('4', '1')]);

    const branch = root!.children[0]!;
    expect([...collectSubtreeIds(branch)].sort()).toEqual([aUnit('2', null).id, aUnit('3', null).id]);
  });
});
