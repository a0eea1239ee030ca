import type { EvidenceSource } from './framework.js';
import type { CadreScore, EvidenceItem, ToleranceInput } from './result.js';

/** An evidence item with the fault-tolerance case that keeps it from counting (null: it counts). */
export interface WeighedEvidenceItem extends EvidenceItem {
  excludedBy: string | null;
}

export interface ToleratedEvidence {
  items: WeighedEvidenceItem[];
  tolerated: CadreScore['tolerated'];
}

/** 免责: the matter no longer counts as a sanction of any kind. */
const EXEMPT_REMOVES_FROM: ReadonlySet<EvidenceSource> = new Set<EvidenceSource>(['sanctions', 'serious_sanctions']);
/** 从轻/减轻: the matter still counts as a sanction, but no longer as a serious one. */
const LIGHTER_REMOVES_FROM: ReadonlySet<EvidenceSource> = new Set<EvidenceSource>(['serious_sanctions']);
/** domain.md: a tolerated case counts as 担当 evidence, not against the cadre. */
const EXEMPT_COUNTS_FOR: readonly EvidenceSource[] = ['tolerated_cases', 'frontline_assignments'];

/**
 * Applies the fault-tolerance results in force on `asOf` to a cadre's evidence. Excluded items stay
 * in the list (marked with the case) so the result report can show what did not count and why; an
 * exempt matter adds one tolerated case, counted for each source in EXEMPT_COUNTS_FOR. A tolerance
 * whose matter is not in the evidence changes nothing and is not listed as applied.
 */
export function applyTolerances(
  evidence: readonly EvidenceItem[],
  tolerances: readonly ToleranceInput[],
  asOf: string,
): ToleratedEvidence {
  const items: WeighedEvidenceItem[] = evidence.map((item) => ({ ...item, excludedBy: null }));
  const added: WeighedEvidenceItem[] = [];
  const tolerated: CadreScore['tolerated'] = [];
  const credited = new Set<string>();
  for (const tolerance of tolerances) {
    if (tolerance.effectiveUntil !== null && tolerance.effectiveUntil < asOf) continue;
    const matters = items.filter((item) => item.key === tolerance.matterKey);
    const matter = matters[0];
    if (!matter) continue;
    const removesFrom = tolerance.outcome === 'exempt' ? EXEMPT_REMOVES_FROM : LIGHTER_REMOVES_FROM;
    for (const item of matters) {
      if (removesFrom.has(item.source) && item.excludedBy === null) item.excludedBy = tolerance.caseId;
    }
    // Two cases about one matter must not credit it twice.
    if (tolerance.outcome === 'exempt' && !credited.has(tolerance.matterKey)) {
      credited.add(tolerance.matterKey);
      for (const source of EXEMPT_COUNTS_FOR) {
        added.push({
          source,
          key: `tolerance:${tolerance.caseId}`,
          text: `已容错免责：${matter.text}`,
          month: matter.month,
          amount: 1,
          excludedBy: null,
        });
      }
    }
    tolerated.push({ caseId: tolerance.caseId, matterKey: tolerance.matterKey, outcome: tolerance.outcome });
  }
  return { items: [...items, ...added], tolerated };
}

/** The value of a source: the amounts of its items that still count. */
export function sumEvidence(items: readonly WeighedEvidenceItem[], source: EvidenceSource): number {
  return items.reduce((sum, item) => (item.source === source && item.excludedBy === null ? sum + item.amount : sum), 0);
}
