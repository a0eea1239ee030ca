import { pino } from 'pino';
import { LedgerFilterSchema, type PersonnelScope } from '@cadre/shared-models';
import { CadreModel } from '../cadres/cadre.model.js';
import { UnitModel } from '../units/unit.model.js';
import { aUnit } from '../test/factories.js';
import { clearCollections } from '../test/test-database.js';
import { CounterModel } from '../projections/change-feed.js';
import { ledgerFeed, noteAllCadresChanged, noteCadresChanged, noteUnitsChanged } from './ledger-changes.js';
import { createLedgerReadModel, type LedgerReadModel } from './ledger-read-model.js';
import { aPerson, aSmallDistrict } from './ledger-fixtures.js';

const EVERYONE: PersonnelScope = { kind: 'all' };
const NO_FILTER = LedgerFilterSchema.parse({});
const quiet = pino({ level: 'silent' });

/** A model as another API process would hold it: its own state, the same database. */
function anotherProcess(options: { now?: () => Date; waitMs?: number } = {}) {
  return createLedgerReadModel({ logger: quiet, ...options });
}

async function namesIn(model: LedgerReadModel, scope: PersonnelScope = EVERYONE, filter = NO_FILTER): Promise<string[]> {
  const index = await model.current();
  return index.select(scope, filter).page('name', 'asc', 0, 100).map((row) => row.name);
}

describe('the ledger read model', () => {
  const models: LedgerReadModel[] = [];
  const model = (options: Parameters<typeof anotherProcess>[0] = {}) => {
    const created = anotherProcess(options);
    models.push(created);
    return created;
  };
  afterEach(async () => {
    await Promise.all(models.splice(0).map((m) => m.stop()));
  });

  it('sees a write another process noted, by re-reading just that cadre', async () => {
    const { bureau } = await aSmallDistrict();
    const reader = model();
    expect((await namesIn(reader)).length).toBe(6);

    // Another process writes and notes the change; this reader has not been told anything else.
    const added = await aPerson(bureau, '孙丽', { sex: '女' });
    await noteCadresChanged([String(added._id)]);
    expect(await namesIn(reader)).toContain('孙丽');

    await CadreModel.updateOne({ _id: added._id }, { $set: { name: '孙莉', post: '办公室主任' } });
    await noteCadresChanged([String(added._id)]);
    const index = await reader.current();
    expect(index.select(EVERYONE, { ...NO_FILTER, q: '孙莉' }).page('name', 'asc', 0, 5)[0]?.post).toBe('办公室主任');
    expect(await namesIn(reader)).not.toContain('孙丽');

    await CadreModel.deleteOne({ _id: added._id });
    await noteCadresChanged([String(added._id)]);
    expect(await namesIn(reader)).not.toContain('孙莉');
    expect((await reader.current()).size).toBe(6);
  });

  it('keeps every filter and sort order right through changes', async () => {
    const { street, bureau, people } = await aSmallDistrict();
    const reader = model();
    await reader.current();

    // 陈刚 moves to the street, is promoted, and gets a manual tag; 王芳 leaves; a new cadre arrives.
    await CadreModel.updateOne(
      { _id: people.chenGang._id },
      { $set: { unitId: street._id, unitPath: [...street.ancestorIds, street._id], unitType: 'street', postLevel: '乡科级正职', manualTags: ['援藏'] } },
    );
    await CadreModel.deleteOne({ _id: people.wangFang._id });
    const newcomer = await aPerson(bureau, '安然', { sex: '男', education: '研究生' });
    await noteCadresChanged([String(people.chenGang._id), String(people.wangFang._id), String(newcomer._id)]);

    const fresh = anotherProcess();
    models.push(fresh);
    const filters = [
      { ...NO_FILTER },
      { ...NO_FILTER, unitId: String(street._id) },
      { ...NO_FILTER, unitId: String(bureau._id) },
      { ...NO_FILTER, postLevel: ['乡科级正职' as const] },
      { ...NO_FILTER, tag: ['援藏', '基层经历'] },
      { ...NO_FILTER, education: ['研究生' as const] },
    ];
    const caughtUp = await reader.current();
    const loaded = await fresh.current();
    for (const filter of filters) {
      for (const sort of ['name', 'age', 'postLevel', 'unitName', 'education'] as const) {
        for (const direction of ['asc', 'desc'] as const) {
          const where = `${JSON.stringify(filter)} ${sort} ${direction}`;
          const expected = loaded.select(EVERYONE, filter).page(sort, direction, 0, 100).map((r) => r.id);
          expect(caughtUp.select(EVERYONE, filter).page(sort, direction, 0, 100).map((r) => r.id)).withContext(where).toEqual(expected);
        }
      }
    }
    expect(caughtUp.select(EVERYONE, { ...NO_FILTER, tag: ['援藏'] }).page('name', 'asc', 0, 5).map((r) => r.name)).toEqual(['陈刚']);
  });

  it('reloads everything when a change touched all cadres', async () => {
    const { street } = await aSmallDistrict();
    const reader = model();
    await reader.current();

    // A unit move rewrites many cadres at once without naming them.
    await CadreModel.updateMany({ unitPath: street._id }, { $set: { post: '调整后职务' } });
    await noteAllCadresChanged();
    const index = await reader.current();
    expect(index.select(EVERYONE, { ...NO_FILTER, q: '调整后职务' }).total).toBe(4);
  });

  it('follows a unit renamed and moved through a units change, without re-reading cadres', async () => {
    const { street, bureau } = await aSmallDistrict();
    const reader = model();
    await reader.current();
    // Only the unit tree changes here: the reader must place the bureau's cadres by it.
    await UnitModel.updateOne({ _id: bureau._id }, { $set: { name: '观音桥街道城管所', parentId: street._id, ancestorIds: [...street.ancestorIds, street._id] } });
    await noteUnitsChanged();
    const index = await reader.current();
    const rows = index.select({ kind: 'limited', unitIds: [String(street._id)], cadreIds: [] }, NO_FILTER).page('unitName', 'asc', 0, 10);
    expect(rows.map((r) => r.name)).toEqual(['张伟', '赵敏', '阿依古丽', '李娜', '陈刚', '王芳']);
    expect(rows.slice(-2).map((r) => r.unitName)).toEqual(['观音桥街道城管所', '观音桥街道城管所']);
  });

  it('learns of a unit created after it loaded when a cadre is placed in it', async () => {
    const { root } = await aSmallDistrict();
    const reader = model();
    await reader.current();
    const office = await aUnit({ name: '新设办公室', parent: root });
    const cadre = await aPerson(office, '钱进');
    await noteCadresChanged([String(cadre._id)]);
    const rows = (await reader.current()).select(EVERYONE, { ...NO_FILTER, unitId: String(office._id) }).page('name', 'asc', 0, 5);
    expect(rows.map((r) => [r.name, r.unitName])).toEqual([['钱进', '新设办公室']]);
  });

  it('reloads when the database was emptied, even once the counter is back at the same number', async () => {
    const unit = await aUnit();
    const first = await aPerson(unit, '周一');
    await noteCadresChanged([String(first._id)]);
    const reader = model();
    expect(await namesIn(reader)).toEqual(['周一']);
    const seq = (await ledgerFeed.position())!.seq;

    await clearCollections();
    const again = await aUnit();
    const second = await aPerson(again, '吴二');
    for (let i = 0; i < seq; i += 1) await noteCadresChanged([String(second._id)]);
    expect((await ledgerFeed.position())!.seq).toBe(seq);
    expect(await namesIn(reader)).toEqual(['吴二']);
  });

  it('reloads everything when a change document never appears', async () => {
    const unit = await aUnit();
    const reader = model();
    expect(await namesIn(reader)).toEqual([]);
    // A writer that bumped the counter and died before writing its change document.
    await CounterModel.updateOne({ _id: ledgerFeed.name }, { $inc: { seq: 1 } });
    await aPerson(unit, '郑三');
    expect(await namesIn(reader)).toEqual(['郑三']);
  });

  it('recomputes ages, age bands and derived tags when the date changes', async () => {
    const unit = await aUnit({ type: 'department' });
    // 35 until the end of November 2026, 36 from December: 年轻干部 (非领导职务, 35 and under) ends then.
    await aPerson(unit, '冯四', { birthMonth: '1990-12', postLevel: '非领导职务' });
    let today = new Date('2026-11-30T12:00:00Z');
    const reader = model({ now: () => today });
    const before = (await reader.current()).select(EVERYONE, NO_FILTER).page('name', 'asc', 0, 1)[0]!;
    expect([before.age, before.tags]).toEqual([35, ['年轻干部']]);

    today = new Date('2026-12-01T00:00:01Z');
    const index = await reader.current();
    expect(index.asOf).toBe('2026-12-01');
    const after = index.select(EVERYONE, NO_FILTER).page('name', 'asc', 0, 1)[0]!;
    expect([after.age, after.tags]).toEqual([36, []]);
    expect(index.select(EVERYONE, { ...NO_FILTER, ageBand: ['36-40岁'] }).total).toBe(1);
    expect(index.select(EVERYONE, { ...NO_FILTER, tag: ['年轻干部'] }).total).toBe(0);
  });

  it('limits a cadre’s own scope to their record', async () => {
    const { people } = await aSmallDistrict();
    const reader = model();
    expect(await namesIn(reader, { kind: 'limited', unitIds: [], cadreIds: [String(people.liNa._id)] })).toEqual(['李娜']);
    expect(await namesIn(reader, { kind: 'limited', unitIds: [], cadreIds: ['0123456789abcdef01234567'] })).toEqual([]);
  });

  it('answers 503 while the first load takes longer than a request may wait, then serves', async () => {
    await aSmallDistrict();
    const impatient = model({ waitMs: 0 });
    await expectAsync(impatient.current()).toBeRejectedWith(jasmine.objectContaining({ status: 503, message: '台账正在加载，请稍后再试' }));
    await impatient.settled();
    expect((await impatient.current()).size).toBe(6);
  });

  it('refuses requests once stopped', async () => {
    const stopped = model();
    await stopped.stop();
    await expectAsync(stopped.current()).toBeRejectedWith(jasmine.objectContaining({ status: 503 }));
  });
});
