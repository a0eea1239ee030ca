import { GRADES, type CycleDistribution, type Grade, type PersonnelScope } from '@cadre/shared-models';
import { AppError } from '../platform/errors.js';
import { assertScored, countGrades, readCalibrations } from './calibration.service.js';
import { requireCycle } from './cycle.service.js';
import { resultsPublishedTo } from './result.service.js';

/**
 * Grade counts per unit and for the district, from the units' calibration documents (one `_id`
 * read each, never a scan of the results); a unit manager sees the units of their subtree once
 * the cycle is locked.
 */
export async function getDistribution(scope: PersonnelScope, cycleId: string): Promise<CycleDistribution> {
  const cycle = await requireCycle(cycleId);
  assertScored(cycle);
  if (!resultsPublishedTo(scope, cycle)) throw new AppError(409, 'not_published', '考核结果尚未锁定公布，请在锁定后查看');
  const docs = (await readCalibrations(cycle)).filter((doc) => scope.kind === 'all' || doc.unitPath.some((id) => scope.unitIds.includes(String(id))));
  const district = Object.fromEntries(GRADES.map((grade) => [grade, 0])) as Record<Grade, number>;
  let scored = 0;
  let unscored = 0;
  const units = docs.map((doc) => {
    const counts = countGrades(doc.rows);
    for (const grade of GRADES) district[grade] += counts[grade];
    for (const row of doc.rows) {
      if (row.total === null) unscored += 1;
      else scored += 1;
    }
    return { unitId: doc.unitId, unitName: doc.unitName, counts, flagged: doc.flags.length > 0 };
  });
  return { cycleId, district, units, scored, unscored };
}
