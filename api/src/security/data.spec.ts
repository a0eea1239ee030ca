import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Role } from '@cadre/shared-models';
import { maskIdNumber } from '@cadre/shared-models';
import { createTestApp } from '../test/test-app.js';
import { TestClient, anAccount, signedInAs } from '../test/test-client.js';
import { aCadre, aUnit } from '../test/factories.js';
import { createDataCipher, dataCipher, loadDataKey } from '../platform/data-cipher.js';
import { loadConfig } from '../config.js';
import { storedUser } from './security-helpers.js';

const ID_NUMBER = '50010519900101123X';

describe('security.md data (等保 8.1.4.7–8.1.4.11, PIPL)', () => {
  const app = createTestApp();

  describe('18: encryption and masking (the cipher itself; cadre ID numbers: cadres/cadre-id-number.spec.ts)', () => {
    const cipher = createDataCipher(randomBytes(32));

    it('security.md 18: the data cipher round-trips, and the same value encrypts differently every time', () => {
      const first = cipher.encrypt(ID_NUMBER);
      const second = cipher.encrypt(ID_NUMBER);
      expect(first).not.toBe(second);
      expect(first).not.toContain(ID_NUMBER);
      expect(first).not.toContain('123X');
      expect(cipher.decrypt(first)).toBe(ID_NUMBER);
      expect(cipher.decrypt(second)).toBe(ID_NUMBER);
    });

    it('security.md 18: a tampered ciphertext or tag fails to decrypt instead of yielding altered data', () => {
      const sealed = cipher.encrypt(ID_NUMBER);
      const raw = Buffer.from(sealed.slice(3), 'base64');
      for (const index of [0, 12, 20, 28, raw.length - 1]) {
        const copy = Buffer.from(raw);
        copy[index] = copy[index]! ^ 0x01;
        expect(() => cipher.decrypt(`v1:${copy.toString('base64')}`)).withContext(`byte ${index}`).toThrow();
      }
      expect(() => cipher.decrypt(sealed.slice(0, -4))).toThrow();
      expect(() => cipher.decrypt(ID_NUMBER)).toThrow();
    });

    it('security.md 18: another key cannot decrypt, and only a 32-byte key is accepted', () => {
      const sealed = cipher.encrypt(ID_NUMBER);
      expect(() => createDataCipher(randomBytes(32)).decrypt(sealed)).toThrow();
      expect(() => createDataCipher(randomBytes(16))).toThrow();
      expect(() => loadConfig({ DATA_ENCRYPTION_KEY: randomBytes(16).toString('base64') })).toThrowError(/DATA_ENCRYPTION_KEY/);
    });

    it('security.md 18: the key comes from configuration, or a 0600 key file beside the data; never a built-in one', async () => {
      const configured = randomBytes(32);
      expect(await loadDataKey(loadConfig({ DATA_ENCRYPTION_KEY: configured.toString('base64') }))).toEqual(configured);

      const dataDir = await mkdtemp(path.join(os.tmpdir(), 'cadre-key-'));
      try {
        const config = loadConfig({ DATA_DIR: dataDir });
        const generated = await loadDataKey(config);
        expect(generated.length).toBe(32);
        const file = path.join(dataDir, 'data-encryption.key');
        expect(((await stat(file)).mode & 0o777).toString(8)).toBe('600');
        expect(Buffer.from((await readFile(file, 'utf8')).trim(), 'base64')).toEqual(generated);
        expect(await loadDataKey(config)).toEqual(generated);
        const otherDir = await mkdtemp(path.join(os.tmpdir(), 'cadre-key-'));
        try {
          expect(await loadDataKey(loadConfig({ DATA_DIR: otherDir }))).not.toEqual(generated);
        } finally {
          await rm(otherDir, { recursive: true, force: true });
        }
      } finally {
        await rm(dataDir, { recursive: true, force: true });
      }
      await expectAsync(loadDataKey(loadConfig({ MONGODB_URI: 'mongodb://db.example:27017/cadre' }))).toBeRejectedWithError(/DATA_ENCRYPTION_KEY/);
    });

    const masks: Array<[string, string]> = [
      [ID_NUMBER, '500105********123X'],
      ['500105199001011234', '500105********1234'],
      ['500105900101123', '500105*****1123'],
    ];
    for (const [plain, masked] of masks) {
      it(`security.md 18: ${plain.length}-digit ID numbers are shown 前6后4 as ${masked}`, () => {
        expect(maskIdNumber(plain)).toBe(masked);
      });
    }

    it('security.md 18: TOTP secrets are stored sealed with the data cipher', async () => {
      const account = await anAccount({ roles: ['org_admin'], totp: true });
      const stored = await storedUser(account.id);
      expect(stored.totpSecret).toMatch(/^v1:/);
      expect(stored.totpSecret).not.toContain(account.totpSecret!);
      expect(dataCipher().decrypt(stored.totpSecret!)).toBe(account.totpSecret!);
    });
  });

  describe('20: Cache-Control: no-store on personal data', () => {
    const reads: Array<[Role, string]> = [
      ['org_admin', '/api/cadres'],
      ['org_admin', '/api/cadres/:cadre'],
      ['unit_manager', '/api/cadres'],
      ['cadre', '/api/cadres/:cadre'],
      ['org_admin', '/api/stats/cadre-distribution'],
      ['sys_admin', '/api/users'],
      ['security_admin', '/api/users'],
      ['audit_admin', '/api/audit'],
      ['audit_admin', '/api/audit/export'],
      ['audit_admin', '/api/audit/verification'],
      ['cadre', '/api/auth/session'],
    ];
    for (const [role, template] of reads) {
      it(`security.md 20: ${role} GET ${template} carries Cache-Control: no-store`, async () => {
        const unit = await aUnit();
        const cadre = await aCadre(unit);
        const { client } = await signedInAs(app, [role], { unitId: String(unit._id), cadreId: String(cadre._id) });
        const res = await client.get(template.replace(':cadre', String(cadre._id)));
        expect(res.status).toBe(200);
        expect(res.headers['cache-control']).toBe('no-store');
      });
    }

    it('security.md 20: refusals and the login response (which names the user) are not cacheable either', async () => {
      const unit = await aUnit();
      const [mine, other] = [await aCadre(unit), await aCadre(unit)];
      const account = await anAccount({ roles: ['cadre'], cadreId: String(mine._id) });
      const client = await new TestClient(app).init();
      const login = await client.post('/api/auth/login', { username: account.username, password: account.password });
      expect(login.headers['cache-control']).toBe('no-store');
      expect((await client.get(`/api/cadres/${other._id}`)).headers['cache-control']).toBe('no-store');
      expect((await client.get('/api/users')).headers['cache-control']).toBe('no-store');
    });
  });
});
