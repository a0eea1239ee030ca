import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { pino } from 'pino';
import { AUDIT_BREAKS_LISTED } from '@cadre/shared-models';
import { createTestApp } from '../test/test-app.js';
import { signedInAs } from '../test/test-client.js';
import { appendAuditRecord, canonicalAuditRecord, readLastAppendedLink } from './audit-chain.js';
import { readAuditCheckpoints, scheduleAuditCheckpoints, writeAuditCheckpoint } from './audit-checkpoint.js';
import { auditFields } from './audit-fixtures.js';
import { auditTrailSettings } from './audit-key.js';
import { verifyAuditChain } from './audit-verification.js';
import { AuditModel, type StoredAuditRecord } from './audit.model.js';

async function appendMany(count: number): Promise<StoredAuditRecord[]> {
  const records: StoredAuditRecord[] = [];
  for (let i = 0; i < count; i += 1) records.push(await appendAuditRecord(auditFields({ objectId: `c${i}` })));
  return records;
}

async function storedInSeqOrder(): Promise<StoredAuditRecord[]> {
  return AuditModel.collection.find<StoredAuditRecord>({}, { projection: { _id: 0 } }).sort({ seq: 1 }).toArray();
}

/**
 * What a forger with write access to the database but not the key does: edits a record and
 * recomputes its plain SHA-256 (the unkeyed algorithm) and every later hash and link, so each
 * record again matches its content and points to its predecessor.
 */
async function rewriteWithoutKey(fromSeq: number, edit: Partial<StoredAuditRecord>, { dropAlg = false } = {}): Promise<void> {
  const records = await storedInSeqOrder();
  let prevHash = records.find((r) => r.seq === fromSeq - 1)?.hash;
  for (const record of records.filter((r) => r.seq >= fromSeq)) {
    const { hash: _old, alg, ...rest } = record;
    const forged = { ...rest, ...(record.seq === fromSeq ? edit : {}), prevHash: prevHash ?? record.prevHash, ...(dropAlg ? {} : { alg }) };
    const hash = createHash('sha256').update(canonicalAuditRecord(forged), 'utf8').digest('hex');
    await AuditModel.collection.replaceOne({ seq: record.seq }, { ...forged, hash });
    prevHash = hash;
  }
}

describe('audit chain verification', () => {
  const app = createTestApp();

  /** Signs the auditor in before the records under test are written: signing in appends records too. */
  async function anAuditor() {
    const { client } = await signedInAs(app, ['audit_admin']);
    return async () => {
      const res = await client.get('/api/audit/verification');
      expect(res.status).toBe(200);
      return res.body;
    };
  }

  it('detects an edit whose forger recomputed the unkeyed SHA-256 of it and every following record', async () => {
    const verifyThroughApi = await anAuditor();
    const records = await appendMany(6);
    const victim = records[2]!.seq;
    await rewriteWithoutKey(victim, { result: 'failure' });

    const stored = await storedInSeqOrder();
    expect(stored.find((r) => r.seq === victim)!.result).toBe('failure');
    for (let i = 1; i < stored.length; i += 1) expect(stored[i]!.prevHash).toBe(stored[i - 1]!.hash);
    const body = await verifyThroughApi();
    expect(body.ok).toBeFalse();
    expect(body.breaks.slice(0, 4)).toEqual([0, 1, 2, 3].map((i) => ({ kind: 'edited', seq: victim + i, lastSeq: null })));
    expect(body.firstBrokenSeq).toBe(victim);
    expect(body.headSeq).toBe(victim - 1);
  });

  it('detects records rewritten as unkeyed ones after the keyed chain began', async () => {
    await appendMany(5);
    await rewriteWithoutKey(4, { username: 'someone.else' }, { dropAlg: true });

    const result = await verifyAuditChain();

    expect(result.breaks).toEqual([
      { kind: 'unkeyed', seq: 4, lastSeq: null },
      { kind: 'unkeyed', seq: 5, lastSeq: null },
    ]);
    expect(result.unkeyed).toBe(2);
  });

  it('detects the newest records deleted, through the signed checkpoint outside the database', async () => {
    const verifyThroughApi = await anAuditor();
    const records = await appendMany(10);
    const head = records[9]!;
    const checkpoint = await writeAuditCheckpoint(readLastAppendedLink()!);
    expect(checkpoint).toEqual(jasmine.objectContaining({ seq: head.seq, hash: head.hash }));
    const [line] = (await readFile(auditTrailSettings().checkpointFile, 'utf8')).trim().split('\n');
    expect(JSON.parse(line!)).toEqual({ seq: head.seq, hash: head.hash, time: checkpoint.time.toISOString(), mac: jasmine.stringMatching(/^[0-9a-f]{64}$/) });

    await AuditModel.collection.deleteMany({ seq: { $gt: head.seq - 3 } });

    expect(await AuditModel.collection.countDocuments()).toBe(head.seq - 3);
    const body = await verifyThroughApi();
    expect(body.ok).toBeFalse();
    expect(body.breaks).toEqual([{ kind: 'tail_missing', seq: head.seq - 2, lastSeq: head.seq }]);
    expect(body.checkpoint).toEqual({ seq: head.seq, time: checkpoint.time.toISOString() });
    expect(body.headSeq).toBe(head.seq - 3);
  });

  it('detects the newest records replaced (deleted, then new ones appended), through the API', async () => {
    const verifyThroughApi = await anAuditor();
    const records = await appendMany(5);
    const head = await writeAuditCheckpoint(readLastAppendedLink()!);
    await AuditModel.collection.deleteMany({ seq: { $gte: records[3]!.seq } });
    await appendMany(3);

    const body = await verifyThroughApi();
    expect(body.breaks).toEqual([{ kind: 'tail_altered', seq: head.seq, lastSeq: null }]);
    expect(await AuditModel.collection.countDocuments({ seq: head.seq, hash: head.hash })).toBe(0);
  });

  it('reports a checkpoint line whose signature does not match', async () => {
    const [record] = await appendMany(1);
    await writeFile(auditTrailSettings().checkpointFile, `${JSON.stringify({ seq: 1, hash: record!.hash, time: new Date().toISOString(), mac: '0'.repeat(64) })}\n`);

    const reading = await readAuditCheckpoints();
    expect(reading).toEqual({ newest: null, forged: [{ line: 1, seq: 1 }] });
    expect((await verifyAuditChain()).breaks).toEqual([{ kind: 'checkpoint_forged', seq: 1, lastSeq: null }]);
  });

  it('writes a checkpoint on schedule when the head moved, and a last one when stopped', async () => {
    await appendMany(2);
    const stop = scheduleAuditCheckpoints({ intervalMs: 50, logger: pino({ level: 'silent' }) });
    const deadline = Date.now() + 3000;
    while ((await readAuditCheckpoints()).newest === null && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    await appendMany(1);
    await stop();

    const reading = await readAuditCheckpoints();
    expect(reading.newest).toEqual(jasmine.objectContaining({ seq: 3 }));
    expect((await readFile(auditTrailSettings().checkpointFile, 'utf8')).trim().split('\n').length).toBe(2);
    expect(await verifyAuditChain()).toEqual(jasmine.objectContaining({ ok: true, checkpoint: jasmine.objectContaining({ seq: 3 }) }));
  });

  it('reports every break, not only the first: an edit, a deletion, a relink and the missing tail', async () => {
    const records = await appendMany(12);
    await writeAuditCheckpoint(readLastAppendedLink()!);
    await AuditModel.collection.updateOne({ seq: 2 }, { $set: { ip: '10.9.9.9' } });
    await AuditModel.collection.deleteMany({ seq: { $in: [5, 6] } });
    await AuditModel.collection.updateOne({ seq: 9 }, { $set: { prevHash: records[3]!.hash } });
    await AuditModel.collection.deleteMany({ seq: { $gte: 11 } });

    const result = await verifyAuditChain();

    expect(result.breaks).toEqual([
      { kind: 'edited', seq: 2, lastSeq: null },
      { kind: 'removed', seq: 5, lastSeq: 6 },
      { kind: 'edited', seq: 9, lastSeq: null },
      { kind: 'relinked', seq: 9, lastSeq: null },
      { kind: 'tail_missing', seq: 11, lastSeq: 12 },
    ]);
    expect(result).toEqual(jasmine.objectContaining({ ok: false, breakCount: 5, headSeq: 1, firstBrokenSeq: 2, checked: 8 }));
  });

  it(`counts every break but lists at most ${AUDIT_BREAKS_LISTED}`, async () => {
    await appendMany(AUDIT_BREAKS_LISTED + 20);
    await AuditModel.collection.updateMany({}, { $set: { requestId: 'forged' } });

    const result = await verifyAuditChain();

    expect(result.breakCount).toBe(AUDIT_BREAKS_LISTED + 20);
    expect(result.breaks.length).toBe(AUDIT_BREAKS_LISTED);
    expect(result.breaks[0]).toEqual({ kind: 'edited', seq: 1, lastSeq: null });
  });
});
