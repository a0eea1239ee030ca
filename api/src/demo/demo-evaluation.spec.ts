import { pino } from 'pino';
import { CycleModel, AssessmentHistoryModel, RaterTasksModel, ProposalModel, UnitCalibrationModel } from '../evaluation/evaluation.models.js';
import { UserModel } from '../users/user.model.js';
import { DistrictModel } from '../district/district.model.js';
import { loadDemoDistrictIfEmpty, removeInterruptedDemoLoad } from './load-demo-district.js';

describe('the demo district’s assessments', () => {
  const logger = pino({ level: 'silent' });
  const asOf = new Date('2026-11-26T00:00:00Z');

  it('locks 2024 and 2025 with histories and calibrations, opens 2026 with the demo cadre’s forms still to fill, and drafts a street’s special assessment', async () => {
    await loadDemoDistrictIfEmpty({ cadres: 120, seed: 7, logger, asOf, evaluation: true });

    const cycles = await CycleModel.find().sort({ year: 1, createdAt: 1 }).lean();
    expect(cycles.map((c) => [c.year, c.type, c.status])).toEqual([
      [2024, 'annual', 'locked'],
      [2025, 'annual', 'locked'],
      [2026, 'annual', 'open'],
      [2026, 'special', 'draft'],
    ]);
    const open = cycles[2]!;
    expect(open.counts!.submitted).toBeGreaterThan(0);
    expect(open.counts!.submitted).toBeLessThan(open.counts!.assignments);

    const demoCadreId = (await UserModel.findOne({ username: 'demo.cadre' }).lean())!.cadreId!;
    const history = await AssessmentHistoryModel.findById(String(demoCadreId)).lean();
    expect((history!.entries as { year: number }[]).map((e) => e.year)).toEqual([2025, 2024]);
    const tasks = await RaterTasksModel.findById(`${String(open._id)}:${String(demoCadreId)}`).lean();
    expect(tasks!.tasks.length).toBeGreaterThan(0);
    expect(tasks!.tasks.every((t) => t.state === 'pending')).toBeTrue();

    // Calibrations made with reasons, as an assessor would.
    const calibrated = (await UnitCalibrationModel.find({ cycleId: String(cycles[1]!._id) }).lean()).flatMap((u) => u.rows as { finalGrade: string; proposedGrade: string }[]);
    expect(calibrated.some((row) => row.finalGrade !== row.proposedGrade)).toBeTrue();
    expect(await ProposalModel.countDocuments()).toBeLessThan(120 / 4);
    expect((await DistrictModel.findOne({ key: 'district' }).lean())!.demoLoading).toBeFalse();
  }, 180_000);

  it('removes the assessments of a load that was interrupted, with the rest of it', async () => {
    await loadDemoDistrictIfEmpty({ cadres: 60, seed: 3, logger, asOf, evaluation: true });
    await DistrictModel.updateOne({ key: 'district' }, { $set: { demoLoading: true } });

    expect(await removeInterruptedDemoLoad(logger)).toBeTrue();
    expect(await CycleModel.countDocuments()).toBe(0);
    expect(await AssessmentHistoryModel.countDocuments()).toBe(0);
  }, 180_000);
});
