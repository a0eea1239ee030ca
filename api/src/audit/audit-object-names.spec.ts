import { Types } from 'mongoose';
import { createTestApp } from '../test/test-app.js';
import { anAccount, signedInAs } from '../test/test-client.js';
import { aCadre, aUnit } from '../test/factories.js';
import { noteCadresChanged } from '../ledger/ledger-changes.js';
import { recordAudit } from './audit.service.js';

/** The audit page names what its records are about, so an auditor never reads a hex id. */
describe('audit page object names', () => {
  const app = createTestApp({ AUTH_RATE_LIMIT_MAX: '1000' });

  it('names cadres with their unit, accounts with their username, units, and the units a change moved between', async () => {
    const street = await aUnit({ name: '观音桥街道', type: 'street' });
    const bureau = await aUnit({ name: '区城市管理局', type: 'department' });
    const cadre = await aCadre(street, { name: '张晓明' });
    await noteCadresChanged([String(cadre._id)]);
    const account = await anAccount({ roles: [], unitId: String(street._id) });
    const sys = await signedInAs(app, ['sys_admin']);
    await sys.client.patch(`/api/users/${account.id}`, { version: 0, unitId: String(bureau._id) }).expect(200);
    await recordAudit(null, { action: 'cadre.update', result: 'success', objectType: 'cadre', objectId: String(cadre._id), detail: { changes: { post: { before: '副主任', after: '主任' } } } });

    const { client } = await signedInAs(app, ['audit_admin']);
    const page = (await client.get('/api/audit').query({ size: 100 }).expect(200)).body;

    expect(page.names[String(cadre._id)]).toEqual({ name: '张晓明', context: '观音桥街道', deleted: false });
    const user = await client.get('/api/audit').query({ action: 'user.update' }).expect(200);
    expect(user.body.names).toEqual({
      [account.id]: { name: jasmine.stringMatching(/^测试用户/), context: account.username, deleted: false },
      [String(street._id)]: { name: '观音桥街道', context: null, deleted: false },
      [String(bureau._id)]: { name: '区城市管理局', context: null, deleted: false },
    });
  });

  it('shows an object deleted since as 已删除 with a short id', async () => {
    const gone = new Types.ObjectId().toHexString();
    await recordAudit(null, { action: 'unit.delete', result: 'success', objectType: 'unit', objectId: gone });
    const { client } = await signedInAs(app, ['audit_admin']);
    const page = (await client.get('/api/audit').query({ action: 'unit.' }).expect(200)).body;
    expect(page.names).toEqual({ [gone]: { name: '已删除', context: `#${gone.slice(-6)}`, deleted: true } });
  });

  it('lists records of a background writer, which names itself instead of an account id', async () => {
    await recordAudit({ id: 'demo-generator', username: 'demo.generator', ip: null, requestId: null }, { action: 'cycle.create', result: 'success', objectType: 'cycle' });
    const { client } = await signedInAs(app, ['audit_admin']);
    const page = (await client.get('/api/audit').query({ action: 'cycle.' }).expect(200)).body;
    expect(page.items.map((record: { userId: string }) => record.userId)).toEqual(['demo-generator']);
  });

  it('refuses a page larger than 100 records, naming the field', async () => {
    const { client } = await signedInAs(app, ['audit_admin']);
    const res = await client.get('/api/audit').query({ size: 200 }).expect(400);
    expect(res.body.errors).toEqual([jasmine.objectContaining({ path: 'query.size' })]);
  });
});
