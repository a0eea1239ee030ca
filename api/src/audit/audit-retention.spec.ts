import { Writable } from 'node:stream';
import { pino } from 'pino';
import { appendAuditRecord, readAuditAnchor, verifyAuditChain } from './audit-chain.js';
import { auditFields } from './audit-fixtures.js';
import { pruneAudit, scheduleAuditRetention } from './audit-retention.js';
import { ANCHOR_KEY, AuditChainAnchorModel, AuditModel, type StoredAuditRecord } from './audit.model.js';

const DAY_MS = 24 * 60 * 60 * 1000;
const daysAgo = (days: number) => new Date(Date.now() - days * DAY_MS);

/** Appends one record per age, in the order given (seq order), and returns them. */
async function appendAged(...ages: number[]): Promise<StoredAuditRecord[]> {
  const records: StoredAuditRecord[] = [];
  for (const age of ages) records.push(await appendAuditRecord(auditFields({ time: daysAgo(age), objectId: `${age}d` })));
  return records;
}

async function remainingObjectIds(): Promise<(string | null)[]> {
  const kept = await AuditModel.find({ action: 'cadre.read' }).sort({ seq: 1 }).lean<StoredAuditRecord[]>();
  return kept.map((r) => r.objectId);
}

describe('audit retention', () => {
  it('refuses a retention under 180 days and deletes nothing', async () => {
    await appendAged(400, 300);

    await expectAsync(pruneAudit({ retentionDays: 179 })).toBeRejectedWithError(RangeError, /at least 180 days/);
    await expectAsync(pruneAudit({ retentionDays: Number.NaN })).toBeRejectedWithError(RangeError);
    expect(() => scheduleAuditRetention({ retentionDays: 30, logger: pino({ level: 'silent' }) })).toThrowError(RangeError);

    expect(await AuditModel.countDocuments()).toBe(2);
  });

  it('deletes only records older than the retention, anchors the chain, and still verifies', async () => {
    const records = await appendAged(400, 300, 200, 179, 10);

    const result = await pruneAudit({ retentionDays: 250 });

    expect(result.deleted).toBe(2);
    expect(result.anchor).toEqual({ seq: 2, hash: records[1]!.hash });
    expect(await remainingObjectIds()).toEqual(['200d', '179d', '10d']);
    expect(await readAuditAnchor()).toEqual({ seq: 2, hash: records[1]!.hash });
    const prune = await AuditModel.findOne({ action: 'audit.prune' }).lean<StoredAuditRecord>();
    expect(prune).toEqual(jasmine.objectContaining({ seq: 6, result: 'success', detail: jasmine.objectContaining({ deleted: 2, throughSeq: 2 }) }));
    expect(await verifyAuditChain()).toEqual(jasmine.objectContaining({ ok: true, checked: 4, headSeq: 6 }));
  });

  it('never deletes a record younger than 180 days, even when handed a clock from the future', async () => {
    await appendAged(400, 200, 179, 1);

    await pruneAudit({ retentionDays: 180, now: new Date(Date.now() + 3650 * DAY_MS) });

    expect(await remainingObjectIds()).toEqual(['179d', '1d']);
    expect(await verifyAuditChain()).toEqual(jasmine.objectContaining({ ok: true }));
  });

  it('stops at the first younger record when clocks disagree, keeping one unbroken chain', async () => {
    await appendAged(400, 10, 300);

    const result = await pruneAudit({ retentionDays: 180 });

    expect(result.deleted).toBe(1);
    expect(await remainingObjectIds()).toEqual(['10d', '300d']);
    expect(await verifyAuditChain()).toEqual(jasmine.objectContaining({ ok: true }));
  });

  it('continues the chain from the anchor when every record was old enough to go', async () => {
    const records = await appendAged(500, 400);

    await pruneAudit({ retentionDays: 365 });

    const remaining = await AuditModel.find().lean<StoredAuditRecord[]>();
    expect(remaining.length).toBe(1);
    expect(remaining[0]).toEqual(jasmine.objectContaining({ action: 'audit.prune', seq: 3, prevHash: records[1]!.hash }));
    expect(await verifyAuditChain()).toEqual(jasmine.objectContaining({ ok: true, checked: 1, headSeq: 3 }));
  });

  it('refuses to prune a tampered stretch rather than launder it', async () => {
    await appendAged(400, 300, 10);
    await AuditModel.collection.updateOne({ seq: 2 }, { $set: { username: 'nobody' } });

    await expectAsync(pruneAudit({ retentionDays: 180 })).toBeRejectedWithError(/broken at seq 2/);

    expect(await AuditModel.countDocuments()).toBe(3);
    expect(await AuditChainAnchorModel.countDocuments()).toBe(0);
  });

  it('finishes a prune that stopped between writing the anchor and deleting', async () => {
    const records = await appendAged(400, 300, 10);
    // What a crash right after the anchor write leaves: the anchor, and the records it covers.
    await AuditChainAnchorModel.collection.insertOne({ key: ANCHOR_KEY, seq: 2, hash: records[1]!.hash, prunedAt: new Date() });
    const interrupted = await verifyAuditChain();
    expect(interrupted).toEqual(jasmine.objectContaining({ ok: false, firstBrokenSeq: 1 }));

    const result = await pruneAudit({ retentionDays: 180 });

    expect(result.deleted).toBe(2);
    expect(await remainingObjectIds()).toEqual(['10d']);
    expect(await verifyAuditChain()).toEqual(jasmine.objectContaining({ ok: true }));
  });

  it('runs on schedule and logs the chain head each time', async () => {
    await appendAged(400, 5);
    const lines: Record<string, unknown>[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
        done();
      },
    });
    const stop = scheduleAuditRetention({ retentionDays: 365, logger: pino(sink), firstRunDelayMs: 0, intervalMs: 60_000 });
    try {
      const deadline = Date.now() + 5000;
      while (lines.length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    } finally {
      stop();
    }

    expect(lines[0]).toEqual(
      jasmine.objectContaining({ msg: 'audit retention ran', auditRetention: jasmine.objectContaining({ deleted: 1, headSeq: 3, headHash: jasmine.any(String) }) }),
    );
    expect(await remainingObjectIds()).toEqual(['5d']);
  });
});
