import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import mongoose, { Types } from 'mongoose';
import { pino } from 'pino';
import type { ImportReport } from '@cadre/shared-models';
import { AuditModel } from '../audit/audit.model.js';
import { CadreModel } from '../cadres/cadre.model.js';
import { createTestApp } from '../test/test-app.js';
import { signedInAs } from '../test/test-client.js';
import { aUnit } from '../test/factories.js';
import { buildExcelTemplate } from './excel-template.js';
import { ImportBatchModel } from './import-batch.model.js';
import { ImportJournalModel } from './import-journal.js';
import { recoverInterruptedApplies } from './import-apply.js';
import { createDataCipher, useDataCipher } from '../platform/data-cipher.js';
import { auditTrailSettings } from '../audit/audit-key.js';
import { anIdNumber, aRow, uploadFile } from './import-spec-helpers.js';

const distDir = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const ROWS = 150;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('an import apply killed with SIGKILL part-way', () => {
  const app = createTestApp();

  it('is rolled back at the next start: none of its records remain, the batch can be applied again, and the audit chain verifies', async () => {
    // A key both processes hold: the batch's rows are sealed with it (every spec starts from an empty database).
    const key = randomBytes(32);
    useDataCipher(createDataCipher(key));
    const district = await aUnit({ name: '某某区委', type: 'party_committee' });
    const street = await aUnit({ name: '某某街道', type: 'street', parent: district });
    const { client, account } = await signedInAs(app, ['org_admin']);
    const rows = Array.from({ length: ROWS }, (_, i) => {
      const month = String(1 + (i % 12)).padStart(2, '0');
      return aRow(street.code, {
        name: `导入${String(i).padStart(3, '0')}`,
        birthMonth: `1985.${month}`,
        idNumber: anIdNumber(`1985${month}${String(1 + Math.floor(i / 12)).padStart(2, '0')}`, '011'),
      });
    });
    const uploaded = await uploadFile(client, `/api/imports/excel?fileName=${encodeURIComponent('名单.xlsx')}`, await buildExcelTemplate([], rows), XLSX);
    const report = uploaded.body as ImportReport;
    expect(uploaded.status).withContext(JSON.stringify(report)).toBe(201);
    const batchId = new Types.ObjectId(report.id);

    const { host, port, name } = mongoose.connection;
    // The chain's key too, so that the child's audit records verify with the suite's.
    const trail = auditTrailSettings();
    const auditSettings = { ...trail, key: trail.key!.toString('base64') };
    const actor = { id: account.id, username: account.username, roles: ['org_admin'], unitId: null, cadreId: null, ip: '127.0.0.1', requestId: null };
    const child = spawn(process.execPath, [path.join(distDir, 'test/apply-batch-child.js'), `mongodb://${host}:${port}/${name}`, key.toString('base64'), JSON.stringify(auditSettings), report.id, JSON.stringify(actor)], { stdio: ['ignore', 'ignore', 'pipe'] });
    let childErrors = '';
    child.stderr!.on('data', (chunk: Buffer) => (childErrors += chunk.toString()));
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    const written = () => CadreModel.countDocuments({ importBatchId: batchId });
    const deadline = Date.now() + 120_000;
    while ((await written()) < 5 && Date.now() < deadline && child.exitCode === null) await pause(20);
    child.kill('SIGKILL');
    await exited;

    const left = await written();
    expect(left).withContext(childErrors).toBeGreaterThan(0);
    expect(left).toBeLessThan(ROWS);
    expect(await ImportJournalModel.countDocuments()).toBeGreaterThanOrEqual(left);

    expect(await recoverInterruptedApplies(pino({ level: 'silent' }), 0)).toBe(1);

    expect(await written()).toBe(0);
    expect(await ImportJournalModel.countDocuments()).toBe(0);
    expect(await ImportBatchModel.findById(batchId).select('status applyingSince').lean()).toEqual(jasmine.objectContaining({ status: 'validated', applyingSince: null }));
    expect(await AuditModel.countDocuments({ action: 'import.recover', objectId: report.id })).toBe(1);

    const applied = await client.post(`/api/imports/${report.id}/apply`).expect(200);
    expect(applied.body).toEqual({ id: report.id, created: ROWS, updated: 0 });
    expect(await written()).toBe(ROWS);

    const { client: auditor } = await signedInAs(app, ['audit_admin']);
    const verification = await auditor.get('/api/audit/verification').expect(200);
    expect(verification.body.ok).withContext(JSON.stringify(verification.body)).toBeTrue();
  }, 300_000);
});
