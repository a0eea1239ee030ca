import { createHash, createHmac } from 'node:crypto';
import type { Request } from 'express';
import { Types } from 'mongoose';
import {
  appendAuditRecord,
  auditRecordId,
  canonicalAuditRecord,
  computeAuditHash,
  GENESIS_HASH,
  insertChainedRecord,
} from './audit-chain.js';
import { auditFields } from './audit-fixtures.js';
import { auditTrailSettings } from './audit-key.js';
import { verifyAuditChain } from './audit-verification.js';
import { AUDIT_HASH_ALG, AuditModel, type StoredAuditRecord } from './audit.model.js';
import { recordAudit } from './audit.service.js';

async function appendMany(count: number): Promise<StoredAuditRecord[]> {
  const records: StoredAuditRecord[] = [];
  for (let i = 0; i < count; i += 1) records.push(await appendAuditRecord(auditFields({ objectId: `c${i}` })));
  return records;
}

async function storedInSeqOrder(): Promise<StoredAuditRecord[]> {
  return AuditModel.find().sort({ seq: 1 }).lean<StoredAuditRecord[]>();
}

describe('audit hash chain', () => {
  it('keys the hash: HMAC-SHA256 with the audit key over the JCS form of every field but the hash', () => {
    const record = {
      ...auditFields({ time: new Date('2026-11-26T01:02:03.004Z'), detail: { b: 1, a: ['x', { d: null, c: '中' }] } }),
      seq: 7,
      prevHash: GENESIS_HASH,
      alg: AUDIT_HASH_ALG,
    };
    const expected =
      '{"action":"cadre.read","alg":"hmac-sha256","detail":{"a":["x",{"c":"中","d":null}],"b":1},"ip":"127.0.0.1","objectId":"c1",' +
      `"objectType":"cadre","prevHash":"${GENESIS_HASH}","requestId":"req-00000001","result":"success","seq":7,` +
      '"time":"2026-11-26T01:02:03.004Z","userId":null,"username":"auditor"}';
    expect(canonicalAuditRecord(record)).toBe(expected);
    expect(computeAuditHash(record)).toBe(createHmac('sha256', auditTrailSettings().key!).update(expected, 'utf8').digest('hex'));
    expect(computeAuditHash(record)).not.toBe(createHash('sha256').update(expected, 'utf8').digest('hex'));
    expect(computeAuditHash({ ...record, prevHash: 'f'.repeat(64) })).not.toBe(computeAuditHash(record));
  });

  it('keeps verifying records written before keying began (plain SHA-256, no alg)', async () => {
    const legacy = { ...auditFields(), seq: 1, prevHash: GENESIS_HASH };
    const hash = createHash('sha256').update(canonicalAuditRecord(legacy), 'utf8').digest('hex');
    await AuditModel.collection.insertOne({ ...legacy, hash });
    const keyed = await appendAuditRecord(auditFields({ objectId: 'after-upgrade' }));

    expect(keyed).toEqual(jasmine.objectContaining({ seq: 2, prevHash: hash, alg: AUDIT_HASH_ALG }));
    expect(await verifyAuditChain()).toEqual(jasmine.objectContaining({ ok: true, checked: 2, unkeyed: 1, headSeq: 2 }));
  });

  it('stores and hashes a lone surrogate the way the database keeps it, so the chain still verifies', async () => {
    const record = await appendAuditRecord(
      auditFields({ username: '\ud800rt', objectId: 'x\udc00', detail: { ['k\ud800']: ['v\udfff', { when: new Date(0) }] } }),
    );

    const [stored] = await AuditModel.collection.find({}).toArray();
    expect(stored!['username']).toBe('\ufffdrt');
    expect(stored!['objectId']).toBe('x\ufffd');
    expect(stored!['detail']).toEqual({ ['k\ufffd']: ['v\ufffd', { when: '1970-01-01T00:00:00.000Z' }] });
    expect(record.username).toBe('\ufffdrt');
    expect(await verifyAuditChain()).toEqual(jasmine.objectContaining({ ok: true, checked: 1, breakCount: 0 }));
  });

  it('links a chain of records from genesis and verifies it', async () => {
    const appended = await appendMany(12);

    const stored = await storedInSeqOrder();
    expect(stored.map((r) => r.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(stored[0]!.prevHash).toBe(GENESIS_HASH);
    for (let i = 1; i < stored.length; i += 1) expect(stored[i]!.prevHash).toBe(stored[i - 1]!.hash);

    const result = await verifyAuditChain();
    expect(result).toEqual({
      ok: true,
      checked: 12,
      headSeq: 12,
      headHash: appended[11]!.hash,
      firstBrokenSeq: null,
      breakCount: 0,
      breaks: [],
      unkeyed: 0,
      anchor: null,
      checkpoint: null,
    });
  });

  it('verifies an empty log as intact with no head', async () => {
    expect(await verifyAuditChain()).toEqual({
      ok: true,
      checked: 0,
      headSeq: null,
      headHash: null,
      firstBrokenSeq: null,
      breakCount: 0,
      breaks: [],
      unkeyed: 0,
      anchor: null,
      checkpoint: null,
    });
  });

  it('detects a record edited in the database, naming its seq', async () => {
    await appendMany(8);
    await AuditModel.collection.updateOne({ seq: 5 }, { $set: { result: 'failure' } });

    const result = await verifyAuditChain();

    expect(result.ok).toBe(false);
    expect(result.firstBrokenSeq).toBe(5);
    expect(result.breaks).toEqual([{ kind: 'edited', seq: 5, lastSeq: null }]);
    expect(result.checked).toBe(8);
    expect(result.headSeq).toBe(4);
  });

  it('detects an edit whose forger also recomputed the keyed hash (holding the key), at the next link', async () => {
    await appendMany(6);
    const victim = (await AuditModel.collection.findOne<StoredAuditRecord>({ seq: 3 }))!;
    const forged = { ...victim, username: 'someone-else' };
    await AuditModel.collection.updateOne({ seq: 3 }, { $set: { username: 'someone-else', hash: computeAuditHash(forged) } });

    const result = await verifyAuditChain();

    expect(result.ok).toBe(false);
    expect(result.firstBrokenSeq).toBe(4);
    expect(result.breaks).toEqual([{ kind: 'relinked', seq: 4, lastSeq: null }]);
  });

  it('detects a deleted middle record', async () => {
    await appendMany(10);
    await AuditModel.collection.deleteOne({ seq: 6 });

    const result = await verifyAuditChain();

    expect(result.ok).toBe(false);
    expect(result.firstBrokenSeq).toBe(6);
    expect(result.breaks).toEqual([{ kind: 'removed', seq: 6, lastSeq: 6 }]);
  });

  it('detects the deletion of the first record when there is no retention anchor', async () => {
    await appendMany(3);
    await AuditModel.collection.deleteOne({ seq: 1 });

    const result = await verifyAuditChain();

    expect(result.ok).toBe(false);
    expect(result.firstBrokenSeq).toBe(1);
    expect(result.breaks).toEqual([{ kind: 'removed', seq: 1, lastSeq: 1 }]);
  });

  it('appends after its own last record read by _id, never sorting the whole log by seq', async () => {
    await appendMany(1);
    const findOne = spyOn(AuditModel.collection, 'findOne').and.callThrough();
    const find = spyOn(AuditModel.collection, 'find').and.callThrough();

    await appendMany(3);

    expect(find).not.toHaveBeenCalled();
    expect(findOne.calls.allArgs()).toEqual([1, 2, 3].map((seq) => [{ _id: auditRecordId(seq) }, jasmine.objectContaining({ projection: jasmine.any(Object) })]));
    const stored = await AuditModel.collection.find({}, { projection: { _id: 1, seq: 1 } }).sort({ seq: 1 }).toArray();
    expect(stored).toEqual([1, 2, 3, 4].map((seq) => ({ _id: auditRecordId(seq), seq })));
  });

  it('reads the head afresh when its last record is gone, and continues from what the database holds', async () => {
    await appendMany(3);
    await AuditModel.collection.deleteMany({ seq: { $gte: 2 } });

    const next = await appendAuditRecord(auditFields());

    expect(next.seq).toBe(2);
    expect(await verifyAuditChain()).toEqual(jasmine.objectContaining({ ok: true, checked: 2 }));
  });

  it('keeps 50 concurrent appends in one process a gapless, intact chain', async () => {
    const req = { ip: '10.0.0.9', id: 'req-concurrent', auth: undefined } as unknown as Request;
    await Promise.all(
      Array.from({ length: 50 }, (_, i) => recordAudit(req, { action: 'cadre.read', result: 'success', objectType: 'cadre', objectId: `c${i}` })),
    );

    const stored = await storedInSeqOrder();
    expect(stored.map((r) => r.seq)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    expect(new Set(stored.map((r) => r.objectId)).size).toBe(50);
    expect(await verifyAuditChain()).toEqual(jasmine.objectContaining({ ok: true, checked: 50, headSeq: 50 }));
  });

  it('keeps racing appenders (as from several API processes) one chain through the unique seq', async () => {
    // insertChainedRecord bypasses this process's queue: every call races as a separate process would.
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => insertChainedRecord(auditFields({ objectId: `p${i}` }))));

    expect(results.map((r) => r.seq).sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(await AuditModel.countDocuments()).toBe(20);
    expect(await verifyAuditChain()).toEqual(jasmine.objectContaining({ ok: true, checked: 20, headSeq: 20 }));
  });

  it('has the database refuse a second record with an existing seq', async () => {
    const [first] = await appendMany(1);
    await expectAsync(AuditModel.collection.insertOne({ ...first!, _id: new Types.ObjectId() })).toBeRejectedWith(
      jasmine.objectContaining({ code: 11000 }),
    );
    expect(await AuditModel.countDocuments()).toBe(1);
  });
});
