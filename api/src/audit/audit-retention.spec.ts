import { Writable } from 'node:stream';
import { pino } from 'pino';
import { appendAuditRecord, computeLinkMac, readAuditAnchor } from './audit-chain.js';
import { auditTrailSettings } from './audit-key.js';
import { verifyAuditChain } from './audit-verification.js';
import { auditFields, withRetentionSetting } from './audit-fixtures.js';
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

  it('deletes only records older than the retention, anchors the chain with a signed link, and still verifies', () =>
    withRetentionSetting(250, async () => {
      const records = await appendAged(400, 300, 200, 179, 10);

      const result = await pruneAudit({ retentionDays: 250 });

      expect(result.deleted).toBe(2);
      expect(result.anchor).toEqual(jasmine.objectContaining({ seq: 2, hash: records[1]!.hash }));
      expect(await remainingObjectIds()).toEqual(['200d', '179d', '10d']);
      const anchor = { seq: 2, hash: records[1]!.hash, time: records[1]!.time };
      expect(await readAuditAnchor()).toEqual({ ...anchor, mac: computeLinkMac('anchor', anchor) });
      const prune = await AuditModel.findOne({ action: 'audit.prune' }).lean<StoredAuditRecord>();
      expect(prune).toEqual(jasmine.objectContaining({ seq: 6, result: 'success', detail: jasmine.objectContaining({ deleted: 2, throughSeq: 2 }) }));
      expect(await verifyAuditChain()).toEqual(
        jasmine.objectContaining({ ok: true, checked: 4, headSeq: 6, anchor: { seq: 2, time: records[1]!.time.toISOString() } }),
      );
    }));

  it('reports records pruned before the configured retention allowed (anchor too young), with the other breaks', async () => {
    await appendAged(400, 300, 200, 10);
    await pruneAudit({ retentionDays: 250 });
    await AuditModel.collection.updateOne({ objectId: '10d' }, { $set: { result: 'failure' } });

    const result = await verifyAuditChain();

    expect(auditTrailSettings().retentionDays).toBe(365);
    expect(result).toEqual(
      jasmine.objectContaining({
        ok: false,
        breakCount: 2,
        breaks: [
          { kind: 'anchor_too_young', seq: 2, lastSeq: null },
          { kind: 'edited', seq: 4, lastSeq: null },
        ],
      }),
    );
  });

  it('reports the oldest records deleted in the database, with an anchor forged without the key or without one', async () => {
    const records = await appendAged(400, 300, 200, 10);
    await AuditModel.collection.deleteMany({ seq: { $lte: 2 } });

    expect((await verifyAuditChain()).breaks).toEqual([{ kind: 'removed', seq: 1, lastSeq: 2 }]);

    await AuditChainAnchorModel.collection.insertOne({ key: ANCHOR_KEY, seq: 2, hash: records[1]!.hash, prunedAt: new Date() });
    expect((await verifyAuditChain()).breaks).toEqual([{ kind: 'anchor_forged', seq: 2, lastSeq: null }]);

    await AuditChainAnchorModel.collection.updateOne({ key: ANCHOR_KEY }, { $set: { time: daysAgo(400), mac: 'f'.repeat(64) } });
    expect((await verifyAuditChain()).breaks).toEqual([{ kind: 'anchor_forged', seq: 2, lastSeq: null }]);
  });

  it('never deletes a record younger than 180 days, even when handed a clock from the future', () =>
    withRetentionSetting(180, async () => {
      await appendAged(400, 200, 179, 1);

      await pruneAudit({ retentionDays: 180, now: new Date(Date.now() + 3650 * DAY_MS) });

      expect(await remainingObjectIds()).toEqual(['179d', '1d']);
      expect(await verifyAuditChain()).toEqual(jasmine.objectContaining({ ok: true }));
    }));

  it('stops at the first younger record when clocks disagree, keeping one unbroken chain', () =>
    withRetentionSetting(180, async () => {
      await appendAged(400, 10, 300);

      const result = await pruneAudit({ retentionDays: 180 });

      expect(result.deleted).toBe(1);
      expect(await remainingObjectIds()).toEqual(['10d', '300d']);
      expect(await verifyAuditChain()).toEqual(jasmine.objectContaining({ ok: true }));
    }));

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

  it('finishes a prune that stopped between writing the anchor and deleting', () =>
    withRetentionSetting(180, async () => {
      const records = await appendAged(400, 300, 10);
      // What a crash right after the anchor write leaves: the anchor, and the records it covers.
      const anchor = { seq: 2, hash: records[1]!.hash, time: records[1]!.time };
      await AuditChainAnchorModel.collection.insertOne({ key: ANCHOR_KEY, ...anchor, mac: computeLinkMac('anchor', anchor), prunedAt: new Date() });
      const interrupted = await verifyAuditChain();
      expect(interrupted).toEqual(jasmine.objectContaining({ ok: false, firstBrokenSeq: 1 }));

      const result = await pruneAudit({ retentionDays: 180 });

      expect(result.deleted).toBe(2);
      expect(await remainingObjectIds()).toEqual(['10d']);
      expect(await verifyAuditChain()).toEqual(jasmine.objectContaining({ ok: true }));
    }));

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
