import mongoose, { Types } from 'mongoose';
import {
  applicableDimensions,
  DEFAULT_FRAMEWORK,
  FrameworkContentSchema,
  tierOfUnitType,
  type CycleRaterGroup,
  type RaterGroup,
} from '@cadre/shared-models';
import { connectMongoose } from '../db/connection.js';
import { CadreModel } from '../cadres/cadre.model.js';
import { UnitModel } from '../units/unit.model.js';
import { AssignmentModel, BallotBoxModel, CycleModel, FrameworkVersionModel } from '../evaluation/evaluation.models.js';
import { CycleRosterModel } from '../evaluation/assignment-store.js';
import { describeDatabase, formatMs, log, markdownTable, median, percentile, Session, withBenchServer } from './bench-kit.js';

export interface EvaluationOptions {
  dataDir: string | undefined;
  cadres: number;
  seed: number;
  logFile: string;
}

interface EvaluationRow {
  what: string;
  runs: number;
  ms: number;
  target: string;
  note: string;
}

export interface EvaluationResult {
  data: string;
  cadres: number;
  ballots: number;
  database: string;
  rows: EvaluationRow[];
}

/** Twenty ballots per ratee, every anonymous group above its minimum of three. */
const BALLOTS: Record<RaterGroup, number> = { superior: 2, peer: 7, subordinate: 7, service_recipient: 3, self: 1 };
const RATER_GROUPS: CycleRaterGroup[] = [
  { group: 'superior', weight: 30, minResponses: 1, anonymous: false },
  { group: 'peer', weight: 30, minResponses: 3, anonymous: true },
  { group: 'subordinate', weight: 20, minResponses: 3, anonymous: true },
  { group: 'service_recipient', weight: 10, minResponses: 3, anonymous: true },
  { group: 'self', weight: 10, minResponses: 1, anonymous: false },
];
const RUBRIC_SCORES = [95, 85, 70, 50];
const RESULT_READS = 20;
const WRITE_BATCH = 500;

/** A small deterministic generator, so two runs score the same ballots. */
function randomFrom(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 2 ** 32;
  };
}

/**
 * An open annual cycle over every cadre of the database, written straight into the server's
 * database as the setup and rating endpoints would leave it: framework version, cycle, one
 * assignment and one ballot box of twenty ballots per cadre.
 */
async function seedOpenCycle(uri: string, seed: number): Promise<{ cycleId: string; cadreIds: string[]; ballots: number }> {
  await connectMongoose(uri);
  try {
    const framework = FrameworkContentSchema.parse(DEFAULT_FRAMEWORK);
    const version = await FrameworkVersionModel.create({ frameworkId: new Types.ObjectId(), version: 1, status: 'published', locked: true, ...framework, createdBy: 'bench', publishedAt: new Date() });
    const units = new Map((await UnitModel.find().select('name type').lean()).map((u) => [String(u._id), u]));
    const cadres = await CadreModel.find().select('name unitId unitPath post category').lean();
    const cycle = await CycleModel.create({
      name: '基准测试年度考核', type: 'annual', year: 2026, periodStart: '2026-01-01', periodEnd: '2026-12-31', dueDate: '2026-12-20',
      frameworkVersionId: version._id, frameworkName: version.name, frameworkVersion: 1,
      population: { unitIds: [], tiers: [], categories: [] }, raterGroups: RATER_GROUPS,
      settings: { trimExtremes: true, excellentQuotaPercent: 20, excellentQuotaRaised: false },
      status: 'open', counts: { population: cadres.length, assignments: cadres.length * 20, submitted: cadres.length * 20, raters: cadres.length },
      unitIds: [...new Set(cadres.map((c) => String(c.unitId)))], createdBy: 'bench', launchedAt: new Date(),
    });
    const cycleId = String(cycle._id);
    const random = randomFrom(seed);
    const indicators = framework.dimensions.flatMap((d) => d.indicators.map((i) => i.id));
    const assignments = [];
    const boxes = [];
    for (const cadre of cadres) {
      const unit = units.get(String(cadre.unitId));
      const tier = tierOfUnitType(unit?.type ?? 'department');
      const applicable = new Set(applicableDimensions(framework, { tier, category: cadre.category }).flatMap((d) => d.indicators.map((i) => i.id)));
      // Each cadre has a level the raters roughly agree on, so units get a spread of grades.
      const level = Math.floor(random() * 3);
      const ballot = () => ({
        scores: Object.fromEntries(indicators.filter((id) => applicable.has(id)).map((id) => [id, RUBRIC_SCORES[Math.min(3, level + Math.floor(random() * 2))]!])),
        comment: '',
      });
      const id = `${cycleId}:${cadre._id}`;
      assignments.push({
        _id: id, cycleId, cadreId: String(cadre._id), cadreName: cadre.name, unitId: String(cadre.unitId), unitName: unit?.name ?? '',
        unitPath: cadre.unitPath.map(String), post: cadre.post, tier, category: cadre.category, raters: [],
      });
      boxes.push({ _id: id, cycleId, rateeId: String(cadre._id), groups: Object.fromEntries(Object.entries(BALLOTS).map(([group, n]) => [group, Array.from({ length: n }, ballot)])) });
    }
    for (let start = 0; start < cadres.length; start += WRITE_BATCH) {
      await AssignmentModel.insertMany(assignments.slice(start, start + WRITE_BATCH), { lean: true });
      await BallotBoxModel.insertMany(boxes.slice(start, start + WRITE_BATCH), { lean: true });
    }
    await CycleRosterModel.create({ _id: `${cycleId}:ratees`, cycleId, ids: cadres.map((c) => String(c._id)) });
    return { cycleId, cadreIds: cadres.map((c) => String(c._id)), ballots: cadres.length * 20 };
  } finally {
    await mongoose.disconnect();
  }
}

/**
 * Closing (scoring) a cycle of every seeded cadre with twenty ballots each, then opening result
 * reports, against the real server over loopback.
 */
export async function runEvaluationBench(options: EvaluationOptions): Promise<EvaluationResult> {
  return withBenchServer({ source: options.dataDir, cadres: options.cadres, seed: options.seed, label: 'evaluation', logFile: options.logFile }, async (server, data) => {
    server.start();
    await server.waitForHealth();
    const database = await describeDatabase(server.baseUrl);
    const session = await Session.signIn(server.baseUrl, await server.createAccount('bench.evaluation.assessor', 'assessor'));
    log('evaluation: writing the cycle, assignments and ballot boxes…');
    const { cycleId, cadreIds, ballots } = await seedOpenCycle(`mongodb://127.0.0.1:${server.dbPort}/cadre`, options.seed);
    // The ledger read model selects the population; have it loaded before the close is timed.
    await session.waitForLedger('/api/ledger?page=0&size=1');

    log(`evaluation: closing the cycle of ${cadreIds.length} cadres…`);
    const close = await session.request('POST', `/api/cycles/${cycleId}/close`, { revision: 0 });
    if (close.status !== 200) throw new Error(`close: ${close.status} ${JSON.stringify(close.body)}`);
    const rows: EvaluationRow[] = [
      { what: 'close a cycle (score every ratee, write results and unit calibrations)', runs: 1, ms: close.ms, target: '≤ 5 s', note: `${cadreIds.length} ratees, ${ballots} ballots; POST /api/cycles/:id/close` },
    ];

    const times: number[] = [];
    for (let i = 0; i < RESULT_READS; i += 1) {
      const cadreId = cadreIds[Math.floor((i * cadreIds.length) / RESULT_READS)]!;
      const res = await session.request('GET', `/api/cycles/${cycleId}/results/${cadreId}`);
      if (res.status !== 200) throw new Error(`result of ${cadreId}: ${res.status} ${JSON.stringify(res.body)}`);
      times.push(res.ms);
    }
    rows.push({ what: 'open one result report', runs: RESULT_READS, ms: median(times), target: '≤ 200 ms', note: `GET /api/cycles/:id/results/:cadreId, different cadres; p95 ${formatMs(percentile(times, 95))}` });
    const distribution = await session.request('GET', `/api/cycles/${cycleId}/distribution`);
    if (distribution.status !== 200) throw new Error(`distribution: ${distribution.status}`);
    rows.push({ what: 'grade distribution of the cycle', runs: 1, ms: distribution.ms, target: '', note: 'GET /api/cycles/:id/distribution (unit calibrations by _id)' });
    await server.stop();
    return { data: data.origin, cadres: cadreIds.length, ballots, database, rows };
  });
}

export function formatEvaluationResult(result: EvaluationResult): string {
  return markdownTable(
    ['measurement', 'runs', 'median', 'target', 'note'],
    'lrrll',
    result.rows.map((r) => [r.what, String(r.runs), formatMs(r.ms), r.target, r.note]),
  );
}
