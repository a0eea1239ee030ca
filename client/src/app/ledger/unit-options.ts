import { isUnitInScope, type DataScope } from '@cadre/shared-models';
import { buildUnitTree, listInTreeOrder } from '../admin/units/unit-tree';
import type { UnitWithVersion } from '../admin/units/units-api';

/** A unit as the ledger's unit filter offers it: in tree order, indented by depth. */
export interface UnitOption {
  readonly id: string;
  readonly name: string;
  readonly depth: number;
  /** The names of the units above it, for telling apart units of the same name in search results. */
  readonly path: string;
}

/**
 * The units worth filtering by: for a unit manager only their own subtree (the server would
 * return nobody from elsewhere), for district-wide roles the whole tree. Depth counts from the
 * top of what is offered, so a manager's own unit is not indented.
 */
export function buildUnitOptions(units: readonly UnitWithVersion[], scope: DataScope): UnitOption[] {
  const names = new Map(units.map((unit) => [unit.id, unit.name]));
  const nodes = listInTreeOrder(buildUnitTree(units.filter((unit) => isUnitInScope(scope, unit))));
  return nodes.map(({ unit, depth }) => ({
    id: unit.id,
    name: unit.name,
    depth,
    path: unit.ancestorIds.map((id) => names.get(id)).filter((name) => name !== undefined).join(' / '),
  }));
}

/** Options whose name contains the text, ignoring case and surrounding spaces; all of them for no text. */
export function matchUnitOptions(options: readonly UnitOption[], text: string): readonly UnitOption[] {
  const needle = text.trim().toLowerCase();
  return needle ? options.filter((option) => option.name.toLowerCase().includes(needle)) : options;
}
