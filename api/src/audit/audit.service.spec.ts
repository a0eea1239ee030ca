import { PassThrough } from 'node:stream';
import { finished } from 'node:stream/promises';
import type { Request } from 'express';
import { Types } from 'mongoose';
import { appendAuditRecord } from './audit-chain.js';
import { verifyAuditChain } from './audit-verification.js';
import { auditFields } from './audit-fixtures.js';
import { maskAuditDetail } from './audit-masking.js';
import { AuditModel, type StoredAuditRecord } from './audit.model.js';
import { exportAudit, queryAudit, recordAudit } from './audit.service.js';

const ID_NUMBER = '500105198001011234';

function aRequest(auth: Request['auth'] | undefined): Request {
  return { ip: '192.168.1.20', id: 'req-abcdef12', auth } as unknown as Request;
}

const SIGNED_IN: Request['auth'] = {
  sessionId: 'secret-session',
  stage: 'active',
  user: { id: '0123456789abcdef01234567', username: 'orgadmin', displayName: '组织部', roles: ['org_admin'], unitId: null, cadreId: null },
};

async function exportToString(filter: Parameters<typeof exportAudit>[0], maxRows?: number) {
  const sink = new PassThrough();
  const chunks: Buffer[] = [];
  sink.on('data', (chunk: Buffer) => chunks.push(chunk));
  const result = await exportAudit(filter, sink, maxRows === undefined ? {} : { maxRows });
  expect(sink.writableEnded).withContext('the caller ends the file').toBe(false);
  sink.end();
  await finished(sink);
  return { result, text: Buffer.concat(chunks).toString('utf8') };
}

describe('recording audit entries', () => {
  it('takes who, from where and the request id from the request', async () => {
    await recordAudit(aRequest(SIGNED_IN), { action: 'unit.update', result: 'success', objectType: 'unit', objectId: 'u7' });

    const stored = await AuditModel.findOne().lean<StoredAuditRecord>();
    expect(stored).toEqual(
      jasmine.objectContaining({
        seq: 1,
        userId: '0123456789abcdef01234567',
        username: 'orgadmin',
        ip: '192.168.1.20',
        action: 'unit.update',
        objectType: 'unit',
        objectId: 'u7',
        result: 'success',
        detail: null,
        requestId: 'req-abcdef12',
      }),
    );
    expect(stored!.time).toEqual(jasmine.any(Date));
  });

  it('takes who, from where and the request id from an actor', async () => {
    const actor = { id: '0123456789abcdef01234567', username: 'cli.operator', ip: '10.0.0.9', requestId: 'req-0042' };
    await recordAudit(actor, { action: 'user.update', result: 'success', objectType: 'user', objectId: 'u9' });

    const stored = await AuditModel.findOne().lean<StoredAuditRecord>();
    expect(stored).toEqual(jasmine.objectContaining({ userId: actor.id, username: 'cli.operator', ip: '10.0.0.9', requestId: 'req-0042' }));
  });

  it('names the user from the entry before a session exists, and records without a request', async () => {
    await recordAudit(aRequest(undefined), { action: 'auth.login', result: 'failure', username: 'mallory' });
    await recordAudit(null, { action: 'audit.prune', result: 'success' });

    const [login, prune] = await AuditModel.find().sort({ seq: 1 }).lean<StoredAuditRecord[]>();
    expect(login).toEqual(jasmine.objectContaining({ username: 'mallory', userId: null, ip: '192.168.1.20' }));
    expect(prune).toEqual(jasmine.objectContaining({ username: null, userId: null, ip: null, requestId: null }));
  });

  it('drops credentials and masks ID numbers in the detail, wherever they are', async () => {
    await recordAudit(aRequest(SIGNED_IN), {
      action: 'user.update',
      result: 'success',
      detail: {
        password: 'Secret#2026',
        newPassword: 'Other#2026',
        currentPassword: 'Old#2026',
        totpSecret: 'JBSWY3DPEHPK3PXP',
        token: 'abc',
        sessionId: 'sid',
        recoveryCodes: ['a1', 'b2'],
        profile: { idNumber: ID_NUMBER, name: '张三', secret: 'x' },
        changes: { idNumber: { before: ID_NUMBER, after: '11010519491231002X' } },
        query: ID_NUMBER,
        mustChangePassword: { before: false, after: true },
      },
    });

    const stored = await AuditModel.findOne().lean<StoredAuditRecord>();
    expect(stored!.detail).toEqual({
      profile: { idNumber: '500105********1234', name: '张三' },
      changes: { idNumber: { before: '500105********1234', after: '110105********002X' } },
      query: '500105********1234',
      mustChangePassword: { before: false, after: true },
    });
    const raw = JSON.stringify(await AuditModel.collection.findOne({}));
    for (const secret of ['Secret#2026', 'Other#2026', 'Old#2026', 'JBSWY3DPEHPK3PXP', 'secret-session', ID_NUMBER]) {
      expect(raw).not.toContain(secret);
    }
  });

  it('masks an ID number typed as the username of a failed login, or given as the object', async () => {
    await recordAudit(aRequest(undefined), { action: 'auth.login', result: 'failure', username: ID_NUMBER, objectType: 'person', objectId: ID_NUMBER });

    const stored = await AuditModel.findOne().lean<StoredAuditRecord>();
    expect(stored).toEqual(jasmine.objectContaining({ username: '500105********1234', objectId: '500105********1234' }));
  });

  it('stores the detail as plain JSON, so records with dates and ObjectIds still verify', async () => {
    const id = new Types.ObjectId();
    const detail = { at: new Date('2026-01-02T03:04:05.006Z'), id, gone: undefined, n: 1.5, list: [1, 'two'] };
    expect(maskAuditDetail(detail)).toEqual({ at: '2026-01-02T03:04:05.006Z', id: id.toHexString(), n: 1.5, list: [1, 'two'] });

    await recordAudit(null, { action: 'cadre.update', result: 'success', detail });
    await recordAudit(null, { action: 'cadre.update', result: 'success', detail: {} });

    expect(await verifyAuditChain()).toEqual(jasmine.objectContaining({ ok: true, checked: 2 }));
  });
});

describe('querying the audit log', () => {
  const base = Date.parse('2026-11-01T00:00:00Z');
  const at = (minutes: number) => new Date(base + minutes * 60_000);

  beforeEach(async () => {
    await appendAuditRecord(auditFields({ time: at(0), username: 'alice', action: 'user.create', objectType: 'user', objectId: 'u1' }));
    await appendAuditRecord(auditFields({ time: at(1), username: 'bob', action: 'user.grant', objectType: 'user', objectId: 'u1' }));
    await appendAuditRecord(auditFields({ time: at(2), username: 'alice', action: 'userXcreate', result: 'denied' }));
    await appendAuditRecord(auditFields({ time: at(3), username: 'alice', action: 'auth.login', result: 'failure' }));
    await appendAuditRecord(auditFields({ time: at(4), username: 'carol', action: 'cadre.read', objectType: 'cadre', objectId: 'c9' }));
  });

  const page = { page: 0, size: 50 };

  it('lists newest first with the total', async () => {
    const result = await queryAudit(page);
    expect(result.total).toBe(5);
    expect(result.items.map((r) => r.seq)).toEqual([5, 4, 3, 2, 1]);
    expect(result.items[0]).toEqual(jasmine.objectContaining({ time: at(4).toISOString(), username: 'carol', hash: jasmine.any(String) }));
    expect(Object.keys(result.items[0]!)).not.toContain('_id');
  });

  it('filters by exact username, result, and object', async () => {
    expect((await queryAudit({ ...page, username: 'alice' })).items.map((r) => r.seq)).toEqual([4, 3, 1]);
    expect((await queryAudit({ ...page, username: 'ali' })).total).toBe(0);
    expect((await queryAudit({ ...page, result: 'denied' })).items.map((r) => r.seq)).toEqual([3]);
    expect((await queryAudit({ ...page, objectType: 'user', objectId: 'u1' })).items.map((r) => r.seq)).toEqual([2, 1]);
  });

  it('matches the action as a literal prefix: a dot is not a wildcard', async () => {
    const result = await queryAudit({ ...page, action: 'user.' });
    expect(result.items.map((r) => r.action)).toEqual(['user.grant', 'user.create']);
    expect((await queryAudit({ ...page, action: '.*' })).total).toBe(0);
  });

  it('filters by the half-open time range [from, to)', async () => {
    const result = await queryAudit({ ...page, from: at(1).toISOString(), to: at(3).toISOString() });
    expect(result.items.map((r) => r.seq)).toEqual([3, 2]);
    expect(result.total).toBe(2);
  });

  it('pages with a stable total', async () => {
    const first = await queryAudit({ page: 0, size: 2 });
    const third = await queryAudit({ page: 2, size: 2 });
    expect(first).toEqual({ items: [jasmine.objectContaining({ seq: 5 }), jasmine.objectContaining({ seq: 4 })], total: 5, names: {} });
    expect(third.items.map((r) => r.seq)).toEqual([1]);
    expect(third.total).toBe(5);
  });
});

describe('exporting the audit log as CSV', () => {
  it('writes a BOM, the Chinese header and one row per record in Beijing time', async () => {
    await appendAuditRecord(auditFields({ time: new Date('2026-11-26T16:30:00.000Z'), action: 'auth.login', result: 'failure', username: 'bob', detail: { reason: 'wrong_password' } }));
    await appendAuditRecord(auditFields({ time: new Date('2026-11-26T17:00:00.000Z'), username: '=HYPERLINK("http://x")', detail: { note: 'a,b "c"' } }));

    const { result, text } = await exportToString({});

    expect(result).toEqual({ rows: 2, truncated: false });
    expect(text.startsWith('\uFEFF时间,用户,IP,操作,对象类型,对象,结果,请求编号,详情,操作代码,对象类型代码\r\n')).toBe(true);
    const lines = text.slice(1).split('\r\n');
    expect(lines.length).toBe(4);
    expect(lines[1]).toBe(`2026-11-27T01:00:00.000+08:00,"'=HYPERLINK(""http://x"")",127.0.0.1,查看干部档案,干部档案,c1,成功,req-00000001,"{""note"":""a,b \\""c\\""""}",cadre.read,cadre`);
    expect(lines[2]).toBe('2026-11-27T00:30:00.000+08:00,bob,127.0.0.1,登录,干部档案,c1,失败,req-00000001,"{""reason"":""wrong_password""}",auth.login,cadre');
    expect(lines[3]).toBe('');
  });

  it('applies the filters and stops at the row cap, saying so', async () => {
    for (let i = 0; i < 5; i += 1) await appendAuditRecord(auditFields({ username: i % 2 ? 'odd' : 'even' }));

    const filtered = await exportToString({ username: 'even' });
    expect(filtered.result).toEqual({ rows: 3, truncated: false });

    const capped = await exportToString({}, 4);
    expect(capped.result).toEqual({ rows: 4, truncated: true });
    expect(capped.text.split('\r\n').filter(Boolean).length).toBe(5);
  });
});
