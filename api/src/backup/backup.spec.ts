import { randomUUID } from 'node:crypto';
import { readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import mongoose, { Types } from 'mongoose';
import { appendAuditRecord, readAuditHead } from '../audit/audit-chain.js';
import { verifyAuditChain } from '../audit/audit-verification.js';
import { auditFields } from '../audit/audit-fixtures.js';
import { clearCollections } from '../test/test-database.js';
import { aCadre, aUnit } from '../test/factories.js';
import { UnitModel } from '../units/unit.model.js';
import { createBackup, listBackedUpCollections, requireConnectedDb } from './backup.js';
import { restoreBackup } from './restore.js';

async function countAll(): Promise<Record<string, number>> {
  const db = requireConnectedDb();
  const counts: Record<string, number> = {};
  for (const name of await listBackedUpCollections(db)) counts[name] = await db.collection(name).countDocuments({});
  return counts;
}

async function someData() {
  const street = await aUnit({ type: 'street' });
  const office = await aUnit({ parent: street });
  await aCadre(street);
  await aCadre(office, { birthMonth: '1992-02' });
  for (let i = 0; i < 7; i += 1) await appendAuditRecord(auditFields({ objectId: `c${i}`, detail: { n: i, half: i / 2 } }));
  // A live sign-in: it must not travel in a backup.
  await requireConnectedDb().collection('sessions').insertOne({ _id: 'hashed-token' as never, userId: new Types.ObjectId(), stage: 'active' });
  return { street };
}

describe('backup and restore', () => {
  let file: string;

  beforeEach(() => {
    file = path.join(os.tmpdir(), `cadre-backup-spec-${randomUUID()}.jsonl.gz`);
  });
  afterEach(async () => {
    await rm(file, { force: true });
  });

  it('restores into an emptied database the same counts per collection and the same audit head', async () => {
    const { street } = await someData();
    const before = await countAll();
    const headBefore = await readAuditHead();

    const header = await createBackup(file);
    await clearCollections();
    const result = await restoreBackup(file);

    expect(header.auditHead).toEqual(headBefore);
    expect(header.collections).toEqual(before);
    expect(await countAll()).toEqual(before);
    expect(result.collections).toEqual(before);
    expect(result.auditHead).toEqual(headBefore);
    expect(await readAuditHead()).toEqual(headBefore);
    expect(await verifyAuditChain()).toEqual(jasmine.objectContaining({ ok: true, checked: 7, headSeq: 7 }));
    // Types survive: ObjectIds stay ObjectIds and dates stay dates.
    const unit = await UnitModel.collection.findOne({ _id: street._id });
    expect(unit?.['_id']).toEqual(jasmine.any(mongoose.mongo.ObjectId));
    expect(unit?.['createdAt']).toEqual(jasmine.any(Date));
    expect(unit?.['createdAt']).toEqual(street.get('createdAt'));
  });

  it('leaves sessions out and writes a file only its owner can read', async () => {
    await someData();

    const header = await createBackup(file);

    expect(header.collections['sessions']).toBeUndefined();
    expect(header.collections['units']).toBe(2);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    const lines = gunzipSync(await readFile(file)).toString('utf8').trimEnd().split('\n');
    expect(JSON.parse(lines[0]!)).toEqual(jasmine.objectContaining({ format: 'cadre-backup', version: 1, auditHead: header.auditHead }));
    expect(lines.length - 1).toBe(Object.values(header.collections).reduce((a, b) => a + b, 0));
    expect(lines.some((line) => line.includes('hashed-token'))).toBe(false);
  });

  it('never overwrites an existing file', async () => {
    await writeFile(file, 'precious');
    await expectAsync(createBackup(file)).toBeRejectedWithError(/already exists/);
    expect(await readFile(file, 'utf8')).toBe('precious');
  });

  it('refuses to restore into a database that holds documents, and changes nothing', async () => {
    await someData();
    await createBackup(file);
    const before = await countAll();

    await expectAsync(restoreBackup(file)).toBeRejectedWithError(/not empty \(.*units.*\)/);

    expect(await countAll()).toEqual(before);
  });

  it('refuses a file whose counts do not match its header, before writing anything', async () => {
    await someData();
    await createBackup(file);
    const lines = gunzipSync(await readFile(file)).toString('utf8').split('\n');
    const dropped = lines.findIndex((line) => line.includes('"c":"cadres"'));
    lines.splice(dropped, 1);
    await rm(file);
    await writeFile(file, gzipSync(lines.join('\n')));
    await clearCollections();

    await expectAsync(restoreBackup(file)).toBeRejectedWithError(/"cadres": the header promises 2 documents, the file holds 1/);

    expect(Object.values(await countAll()).every((count) => count === 0)).toBe(true);
  });

  it('refuses a file that is not a backup, or is cut off', async () => {
    await writeFile(file, gzipSync('{"hello":"world"}\n'));
    await expectAsync(restoreBackup(file)).toBeRejectedWithError(/not a cadre backup file/);

    await someData();
    const other = `${file}.full`;
    await createBackup(other);
    const whole = await readFile(other);
    await rm(other);
    await rm(file);
    await writeFile(file, whole.subarray(0, whole.length - 20));
    await clearCollections();

    await expectAsync(restoreBackup(file)).toBeRejected();
    expect(Object.values(await countAll()).every((count) => count === 0)).toBe(true);
  });
});
