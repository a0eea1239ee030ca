import {
  applyQuota,
  detectRotationFlags,
  evidenceFromRecord,
  excellentCapFor,
  excellentCapPercent,
  RECORD_EVIDENCE_SOURCES,
  scoreCadre,
  type AssessmentHistoryEntry,
  type BallotScores,
  type CadreResult,
  type CadreScore,
  type CalibrationRow,
  type CommendationEntry,
  type FrameworkContent,
  type Grade,
  type RaterGroup,
  type Tier,
  type UnitYear,
} from '@cadre/shared-models';
import type { StoredCycle } from './cycle.service.js';

/** What scoring keeps of a ratee's assignment (the raters are not needed). */
export interface RateeSeat {
  cadreId: string;
  cadreName: string;
  unitId: string;
  unitName: string;
  unitPath: string[];
  post: string;
  tier: Tier;
  category: string;
}

/** What scoring reads for one ratee besides the seat. */
export interface RateeFacts {
  ballots: Partial<Record<RaterGroup, { scores: BallotScores; comment: string }[]>>;
  commendations: CommendationEntry[];
  workStartMonth: string | null;
  history: AssessmentHistoryEntry[];
}

export interface ResultDocument {
  _id: string;
  cycleId: string;
  cadreId: string;
  unitId: string;
  unitPath: string[];
  report: CadreResult;
}

export interface CalibrationDocument {
  _id: string;
  cycleId: string;
  unitId: string;
  unitName: string;
  unitPath: string[];
  rows: CalibrationRow[];
  excellentCap: number;
  flags: { flag: 'rotation' | 'seniority'; detail: string }[];
  locked: boolean;
  revision: number;
}

type Framework = Pick<FrameworkContent, 'dimensions' | 'vetoRules' | 'gradeBands'>;

function scoreSeat(cycle: StoredCycle, framework: Framework, seat: RateeSeat, facts: RateeFacts): CadreScore {
  const ballots = Object.fromEntries(Object.entries(facts.ballots).map(([group, entries]) => [group, (entries ?? []).map((e) => e.scores)]));
  return scoreCadre({
    framework,
    ratee: { tier: seat.tier, category: seat.category as never },
    raterGroups: cycle.raterGroups,
    settings: { trimExtremes: cycle.settings.trimExtremes },
    ballots,
    evidence: evidenceFromRecord({ commendations: facts.commendations }, { start: cycle.periodStart, end: cycle.periodEnd }),
    availableSources: RECORD_EVIDENCE_SOURCES,
    // The fault-tolerance module will supply the cadre's tolerated matters here; until it does,
    // no matter is tolerated and every sanction in the period counts.
    tolerances: [],
    asOf: cycle.periodEnd,
  });
}

/** The unit's earlier annual results as its present participants' histories hold them, and this cycle's proposals. */
function unitYears(
  cycle: StoredCycle,
  seats: readonly RateeSeat[],
  facts: ReadonlyMap<string, RateeFacts>,
  proposed: ReadonlyMap<string, { grade: Grade | null; total: number | null }>,
): UnitYear[] {
  const years = new Map<number, UnitYear['participants'][number][]>();
  for (const seat of seats) {
    const own = facts.get(seat.cadreId)!;
    const workStartMonth = own.workStartMonth ?? '';
    for (const entry of own.history) {
      if (entry.cycleType !== 'annual' || entry.cycleId === String(cycle._id) || entry.year >= cycle.year) continue;
      const participants = years.get(entry.year) ?? [];
      if (!participants.some((p) => p.cadreId === seat.cadreId)) participants.push({ cadreId: seat.cadreId, workStartMonth, total: entry.total, grade: entry.grade });
      years.set(entry.year, participants);
    }
  }
  const current = seats.map((seat) => ({ cadreId: seat.cadreId, workStartMonth: facts.get(seat.cadreId)!.workStartMonth ?? '', ...proposed.get(seat.cadreId)! }));
  return [...[...years].map(([year, participants]) => ({ year, participants })), { year: cycle.year, participants: current }];
}

/** Scores one unit's ratees and ranks them under the 优秀 quota: their result reports and the unit's calibration. */
export function scoreUnit(
  cycle: StoredCycle,
  framework: Framework,
  seats: readonly RateeSeat[],
  facts: ReadonlyMap<string, RateeFacts>,
): { results: ResultDocument[]; calibration: CalibrationDocument } {
  const cycleId = String(cycle._id);
  const unit = seats[0]!;
  const scores = new Map(seats.map((seat) => [seat.cadreId, scoreSeat(cycle, framework, seat, facts.get(seat.cadreId)!)]));
  const capPercent = excellentCapPercent(cycle.settings);
  const quota = new Map(
    applyQuota(seats.map((seat) => ({ cadreId: seat.cadreId, total: scores.get(seat.cadreId)!.total, cappedGrade: scores.get(seat.cadreId)!.cappedGrade })), capPercent).map((row) => [row.cadreId, row]),
  );
  const dimensionIds = [...new Set([...scores.values()].flatMap((s) => s.dimensions.map((d) => d.dimensionId)))];
  const unitAverages = dimensionIds.map((dimensionId) => {
    const values = [...scores.values()].flatMap((s) => s.dimensions.filter((d) => d.dimensionId === dimensionId && d.score !== null).map((d) => d.score!));
    return { dimensionId, score: values.length ? Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 100) / 100 : null };
  });

  const results = seats.map((seat): ResultDocument => {
    const score = scores.get(seat.cadreId)!;
    const placed = quota.get(seat.cadreId)!;
    return {
      _id: `${cycleId}:${seat.cadreId}`,
      cycleId,
      cadreId: seat.cadreId,
      unitId: seat.unitId,
      unitPath: seat.unitPath,
      report: {
        ...score,
        cycleId,
        cycleName: cycle.name,
        cycleType: cycle.type,
        year: cycle.year,
        cadreId: seat.cadreId,
        cadreName: seat.cadreName,
        unitId: seat.unitId,
        unitName: seat.unitName,
        post: seat.post,
        proposedGrade: placed.proposedGrade,
        finalGrade: placed.proposedGrade,
        quotaNote: placed.quotaNote,
        rankInUnit: placed.rank,
        unitSize: seats.length,
        unitAverages,
        calibrations: [],
        locked: false,
      },
    };
  });

  const rows = results
    .map(({ report }): CalibrationRow => ({
      cadreId: report.cadreId,
      cadreName: report.cadreName,
      post: report.post,
      total: report.total,
      rank: report.rankInUnit,
      bandGrade: report.bandGrade,
      proposedGrade: report.proposedGrade,
      finalGrade: report.finalGrade,
      vetoed: report.vetoes.length > 0,
      changed: false,
    }))
    .sort((a, b) => (a.rank ?? Number.MAX_SAFE_INTEGER) - (b.rank ?? Number.MAX_SAFE_INTEGER) || a.cadreName.localeCompare(b.cadreName, 'zh'));
  const proposed = new Map(rows.map((row) => [row.cadreId, { grade: row.proposedGrade, total: row.total }]));
  return {
    results,
    calibration: {
      _id: `${cycleId}:${unit.unitId}`,
      cycleId,
      unitId: unit.unitId,
      unitName: unit.unitName,
      unitPath: unit.unitPath,
      rows,
      excellentCap: excellentCapFor(seats.length, capPercent),
      flags: detectRotationFlags(unitYears(cycle, seats, facts, proposed)),
      locked: false,
      revision: 0,
    },
  };
}
