import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, readdir, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../config.js';
import { AUDIT_CHECKPOINT_FILE, AUDIT_KEY_FILE, loadAuditTrailSettings } from './audit-key.js';

describe('audit key', () => {
  let dataDir: string;
  beforeEach(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'cadre-audit-key-'));
  });
  afterEach(() => rm(dataDir, { recursive: true, force: true }));

  it('comes from AUDIT_HMAC_KEY when set, with checkpoints and retention from the configuration', async () => {
    const key = randomBytes(32);
    const config = loadConfig({ AUDIT_HMAC_KEY: key.toString('base64'), DATA_DIR: dataDir, AUDIT_RETENTION_DAYS: '200' });

    expect(await loadAuditTrailSettings(config, { createKey: true })).toEqual({
      key,
      checkpointFile: path.join(dataDir, AUDIT_CHECKPOINT_FILE),
      retentionDays: 200,
    });
    expect(await readdir(dataDir)).toEqual([]);
    expect(() => loadConfig({ AUDIT_HMAC_KEY: randomBytes(16).toString('base64') })).toThrowError(/AUDIT_HMAC_KEY/);
  });

  it('is a generated 0600 key file beside the data key for the embedded setup, reused afterwards', async () => {
    const config = loadConfig({ DATA_DIR: dataDir });

    const { key } = await loadAuditTrailSettings(config, { createKey: true });

    const file = path.join(dataDir, AUDIT_KEY_FILE);
    expect(key!.length).toBe(32);
    expect(((await stat(file)).mode & 0o777).toString(8)).toBe('600');
    expect(Buffer.from((await readFile(file, 'utf8')).trim(), 'base64')).toEqual(key!);
    expect((await loadAuditTrailSettings(config, { createKey: false })).key).toEqual(key);
  });

  it('is never minted where it must be given (a restore), and must be configured with MONGODB_URI', async () => {
    expect((await loadAuditTrailSettings(loadConfig({ DATA_DIR: dataDir }), { createKey: false })).key).toBeNull();
    expect(await readdir(dataDir)).toEqual([]);

    const shared = loadConfig({ DATA_DIR: dataDir, MONGODB_URI: 'mongodb://db.invalid:27017/cadre' });
    await expectAsync(loadAuditTrailSettings(shared, { createKey: true })).toBeRejectedWithError(/AUDIT_HMAC_KEY must be set/);
    expect((await loadAuditTrailSettings(shared, { createKey: false })).key).toBeNull();
  });
});
