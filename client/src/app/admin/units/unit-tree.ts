import type { UnitWithVersion } from './units-api';

/** A unit with its sub-units, ordered as the department orders them. */
export interface UnitNode {
  readonly unit: UnitWithVersion;
  readonly children: readonly UnitNode[];
  readonly depth: number;
}

function compareUnits(a: UnitWithVersion, b: UnitWithVersion): number {
  return a.sortOrder - b.sortOrder || a.code.localeCompare(b.code);
}

/**
 * Builds the tree from the API's flat list. A unit whose parent is not in the list (a unit
 * manager sees only their subtree) becomes a root, so nothing the API returned is hidden.
 */
export function buildUnitTree(units: readonly UnitWithVersion[]): UnitNode[] {
  const present = new Set(units.map((unit) => unit.id));
  const childrenOf = new Map<string | null, UnitWithVersion[]>();
  for (const unit of units) {
    const parent = unit.parentId !== null && present.has(unit.parentId) ? unit.parentId : null;
    childrenOf.set(parent, [...(childrenOf.get(parent) ?? []), unit]);
  }
  const build = (parent: string | null, depth: number): UnitNode[] =>
    [...(childrenOf.get(parent) ?? [])]
      .sort(compareUnits)
      .map((unit) => ({ unit, depth, children: build(unit.id, depth + 1) }));
  return build(null, 0);
}

/** Every node depth-first, the order a tree reads top to bottom; for pickers that show a flat list. */
export function listInTreeOrder(roots: readonly UnitNode[]): UnitNode[] {
  return roots.flatMap((node) => [node, ...listInTreeOrder(node.children)]);
}

/** The node's own id and all its descendants' ids: where the node may not be moved to. */
export function collectSubtreeIds(node: UnitNode): Set<string> {
  return new Set(listInTreeOrder([node]).map((each) => each.unit.id));
}
