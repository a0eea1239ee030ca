import type { DataScope } from '@cadre/shared-models';
import type { UnitWithVersion } from '../admin/units/units-api';
import { buildUnitOptions, matchUnitOptions } from './unit-options';

const id = (n: number) => `65b0000000000000000000${String(n).padStart(2, '0')}`;

function aUnit(n: number, name: string, ancestors: number[], sortOrder = n): UnitWithVersion {
  return {
    id: id(n),
    name,
    code: `U-${n}`,
    type: 'department',
    parentId: ancestors.length ? id(ancestors[ancestors.length - 1]!) : null,
    ancestorIds: ancestors.map(id),
    sortOrder,
    version: 1,
  };
}

const UNITS = [
  aUnit(1, '江北区委', []),
  aUnit(3, '城关街道', [1], 2),
  aUnit(2, '组织部', [1], 1),
  aUnit(4, '城关街道社区服务中心', [1, 3]),
  aUnit(5, '组织部办公室', [1, 2]),
];

describe('buildUnitOptions', () => {
  const CASES: readonly { name: string; scope: DataScope; expected: [string, number, string][] }[] = [
    {
      name: 'the whole tree in order, indented, for a district-wide role',
      scope: { kind: 'all' },
      expected: [
        ['江北区委', 0, ''],
        ['组织部', 1, '江北区委'],
        ['组织部办公室', 2, '江北区委 / 组织部'],
        ['城关街道', 1, '江北区委'],
        ['城关街道社区服务中心', 2, '江北区委 / 城关街道'],
      ],
    },
    {
      name: "only a unit manager's subtree, starting unindented",
      scope: { kind: 'limited', unitIds: [id(3)], cadreIds: [] },
      expected: [
        ['城关街道', 0, '江北区委'],
        ['城关街道社区服务中心', 1, '江北区委 / 城关街道'],
      ],
    },
  ];

  for (const { name, scope, expected } of CASES) {
    it(name, () => {
      const options = buildUnitOptions(UNITS, scope);
      expect(options.map((option) => [option.name, option.depth, option.path])).toEqual(expected);
    });
  }
});

describe('matchUnitOptions', () => {
  const options = buildUnitOptions(UNITS, { kind: 'all' });

  const CASES: readonly [string, string, string[]][] = [
    ['no text: every unit', '  ', ['江北区委', '组织部', '组织部办公室', '城关街道', '城关街道社区服务中心']],
    ['part of a name', '城关', ['城关街道', '城关街道社区服务中心']],
    ['surrounding spaces ignored', ' 办公室 ', ['组织部办公室']],
    ['no match', '财政', []],
  ];

  for (const [name, text, expected] of CASES) {
    it(name, () => {
      expect(matchUnitOptions(options, text).map((option) => option.name)).toEqual(expected);
    });
  }
});
