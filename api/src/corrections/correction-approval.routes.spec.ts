import { AuditModel } from '../audit/audit.model.js';
import { CadreModel } from '../cadres/cadre.model.js';
import { createTestApp } from '../test/test-app.js';
import { signedInAs, type TestClient } from '../test/test-client.js';
import { aCadre, aUnit } from '../test/factories.js';
import { UserModel } from '../users/user.model.js';
import { CorrectionModel } from './correction.model.js';
import { sealIdNumber } from '../cadres/id-number-storage.js';
import { anIdNumber } from '../imports/import-spec-helpers.js';
import { noteCorrectionsChanged } from './correction-list.js';

// A man born in May 1980, as the factory's record says (an odd sequence digit is male).
const ID_NUMBER = sealIdNumber(anIdNumber('19800512', '011'));
const NATIVE_PLACE = { field: 'nativePlace', proposedValue: '重庆渝北', reason: '籍贯登记有误' };

describe('approving a correction writes the record', () => {
  const app = createTestApp({ AUTH_RATE_LIMIT_MAX: '1000' });

  async function aRequest(body: object = NATIVE_PLACE) {
    const street = await aUnit({ name: '甲街道', type: 'street' });
    const cadre = await aCadre(street, { name: '甲街道干部', ...ID_NUMBER });
    const own = await signedInAs(app, ['cadre'], { cadreId: String(cadre._id) });
    const request = (await own.client.post(`/api/cadres/${cadre._id}/corrections`, body).expect(201)).body as { id: string };
    const manager = await signedInAs(app, ['unit_manager'], { unitId: String(street._id) });
    return { street, cadre, own, request, manager };
  }
  const decide = (client: TestClient, id: string, body: object) => client.post(`/api/corrections/${id}/decision`, body);
  const approve = (change: object, version = 0) => ({ decision: 'approved', reason: '已核实户籍材料', version, change });
  const stored = async (id: unknown) => (await CadreModel.findById(id).lean())!;

  it('writes the approved value as a versioned update audited as cadre.update with the request id, keeping the ID number', async () => {
    const { cadre, request, manager } = await aRequest();
    const res = await decide(manager.client, request.id, approve({ nativePlace: '重庆渝北' })).expect(200);
    expect(res.body).toEqual(jasmine.objectContaining({ status: 'approved', appliedVersion: 1, decisionReason: '已核实户籍材料' }));
    const after = await stored(cadre._id);
    expect([after.nativePlace, after.__v, after.birthPlace]).toEqual(['重庆渝北', 1, '重庆江北']);
    expect([after.idNumberHash, after.idNumberSealed, after.idNumberMasked]).toEqual([ID_NUMBER.idNumberHash, ID_NUMBER.idNumberSealed, ID_NUMBER.idNumberMasked]);
    const updates = await AuditModel.find({ action: 'cadre.update' }).lean();
    expect(updates.length).toBe(1);
    expect(updates[0]!.userId).toBe(manager.account.id);
    expect(updates[0]!.detail!['correctionId']).toBe(request.id);
    expect(updates[0]!.detail!['changes']).toEqual({ nativePlace: { before: '重庆江北', after: '重庆渝北' } });
    const record = await manager.client.get(`/api/cadres/${cadre._id}`).expect(200);
    expect([record.body.nativePlace, record.body.version]).toEqual(['重庆渝北', 1]);
  });

  it('writes the value as the approver adjusted it, and the party with a corrected 入党时间', async () => {
    const { cadre, request, manager } = await aRequest();
    const res = await decide(manager.client, request.id, approve({ nativePlace: '重庆市渝北区' })).expect(200);
    expect([res.body.proposedValue, res.body.appliedValue]).toEqual(['重庆渝北', '重庆市渝北区']);
    expect((await stored(cadre._id)).nativePlace).toBe('重庆市渝北区');

    const party = await aRequest({ field: 'partyJoinMonth', proposedValue: '民盟 2004.06', reason: '所在党派登记有误' });
    await decide(party.manager.client, party.request.id, approve({ partyJoinMonth: '2004-06', otherParty: '民盟' })).expect(200);
    const after = await stored(party.cadre._id);
    expect([after.partyJoinMonth, after.otherParty]).toEqual(['2004-06', '民盟']);
  });

  it('rejecting leaves the record as it was', async () => {
    const { cadre, request, manager } = await aRequest();
    const res = await decide(manager.client, request.id, { decision: 'rejected', reason: '与户籍登记一致' }).expect(200);
    expect([res.body.status, res.body.appliedVersion, res.body.appliedValue]).toEqual(['rejected', null, null]);
    const after = await stored(cadre._id);
    expect([after.nativePlace, after.__v]).toEqual(['重庆江北', 0]);
    expect(await AuditModel.countDocuments({ action: 'cadre.update' })).toBe(0);
  });

  it('a stale record version gets 409 with the current record; the request stays pending and nothing is written', async () => {
    const { cadre, request, manager } = await aRequest();
    await CadreModel.updateOne({ _id: cadre._id }, { $set: { expertise: '城市规划' }, $inc: { __v: 1 } });
    const res = await decide(manager.client, request.id, approve({ nativePlace: '重庆渝北' }, 0)).expect(409);
    expect(res.body.code).toBe('version_conflict');
    expect([res.body.current.version, res.body.current.expertise]).toEqual([1, '城市规划']);
    expect((await CorrectionModel.findById(request.id).lean())!.status).toBe('pending');
    expect((await stored(cadre._id)).nativePlace).toBe('重庆江北');
    await decide(manager.client, request.id, approve({ nativePlace: '重庆渝北' }, 1)).expect(200);
  });

  it('an invalid change gets 400 naming the field, in Chinese, with nothing written', async () => {
    const { cadre, request, manager } = await aRequest();
    const tooLong = await decide(manager.client, request.id, approve({ nativePlace: '重庆'.repeat(20) })).expect(400);
    expect(tooLong.body.errors).toEqual([{ path: 'body.change.nativePlace', message: '不超过 30 个字' }]);

    const birth = await aRequest({ field: 'birthMonth', proposedValue: '2005.01', reason: '出生年月登记有误' });
    const late = await decide(birth.manager.client, birth.request.id, approve({ birthMonth: '2005-01' })).expect(400);
    expect(late.body.errors).toEqual([
      { path: 'body.change.workStartMonth', message: '参加工作时间不能早于出生年月' },
      { path: 'body.change.partyJoinMonth', message: '入党时间不能早于出生年月' },
      { path: 'body.change.birthMonth', message: '已登记的身份证号中的出生年月为 1980.05，与所填出生年月不一致' },
    ]);

    // The record keeps its ID number, so a corrected 出生年月 must agree with the number on file.
    const againstId = await aRequest({ field: 'birthMonth', proposedValue: '1980.06', reason: '出生年月登记有误' });
    const mismatch = await decide(againstId.manager.client, againstId.request.id, approve({ birthMonth: '1980-06' })).expect(400);
    expect(mismatch.body.errors.map((e: { path: string }) => e.path)).toEqual(['body.change.birthMonth']);
    expect(mismatch.body.errors[0].message).toContain('1980.05');

    for (const [id, doc] of [[request.id, cadre], [birth.request.id, birth.cadre], [againstId.request.id, againstId.cadre]] as const) {
      expect((await CorrectionModel.findById(id).lean())!.status).toBe('pending');
      expect((await stored(doc._id)).__v).toBe(0);
    }
    expect(await AuditModel.countDocuments({ action: 'cadre.update' })).toBe(0);
  });

  it('approves a request under 其他 without touching the record when the approver changes nothing', async () => {
    const { cadre, request, manager } = await aRequest({ field: 'other', proposedValue: '照片不是本人近照', reason: '请更换照片' });
    const res = await decide(manager.client, request.id, approve({})).expect(200);
    expect([res.body.status, res.body.appliedVersion]).toEqual(['approved', null]);
    expect((await stored(cadre._id)).__v).toBe(0);
    expect(await AuditModel.countDocuments({ action: 'cadre.update' })).toBe(0);
  });

  it('refuses a change of a key the request does not concern, and never the unit or the ID number', async () => {
    const { cadre, request, manager } = await aRequest();
    const other = await decide(manager.client, request.id, approve({ nativePlace: '重庆渝北', birthPlace: '重庆渝北' })).expect(400);
    expect(other.body.errors.map((e: { path: string }) => e.path)).toEqual(['body.change.birthPlace']);
    const unit = await decide(manager.client, request.id, approve({ unitId: String(cadre.unitId), idNumber: null })).expect(400);
    expect(unit.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['body.change.idNumber', 'body.change.unitId']);
    expect(unit.body.errors[0].message).toBe('不能通过更正申请修改此项');
    expect((await stored(cadre._id)).__v).toBe(0);
  });

  it('a retry after a crash between the record write and the status update finishes the decision without writing again', async () => {
    const { cadre, request, manager } = await aRequest();
    await decide(manager.client, request.id, approve({ nativePlace: '重庆渝北' })).expect(200);
    // As the process would have left it: record written, request still pending with its change.
    await CorrectionModel.updateOne(
      { _id: request.id },
      { $set: { status: 'pending', decidedAt: null, decidedByName: null, appliedVersion: null, applying: { change: { nativePlace: '重庆渝北' }, baseVersion: 0 } } },
    );
    await noteCorrectionsChanged([request.id]);
    const retry = await decide(manager.client, request.id, approve({ nativePlace: '重庆渝北' }, 0)).expect(200);
    expect([retry.body.status, retry.body.appliedVersion]).toEqual(['approved', 1]);
    expect((await stored(cadre._id)).__v).toBe(1);
    expect(await AuditModel.countDocuments({ action: 'cadre.update' })).toBe(1);
  });

  it('the cadre sees the outcome with the approver’s display name and never their username', async () => {
    const { cadre, own, request, manager } = await aRequest();
    await decide(manager.client, request.id, approve({ nativePlace: '重庆渝北' })).expect(200);
    const list = await own.client.get('/api/corrections').expect(200);
    const displayName = (await UserModel.findById(manager.account.id).lean())!.displayName;
    expect(list.body.items[0]).toEqual(jasmine.objectContaining({ status: 'approved', decidedByName: displayName, decisionReason: '已核实户籍材料' }));
    expect(JSON.stringify(list.body)).not.toContain(manager.account.username);
    const record = await own.client.get(`/api/cadres/${cadre._id}`).expect(200);
    expect(record.body.nativePlace).toBe('重庆渝北');
  });
});
