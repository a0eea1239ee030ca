import { CadreModel } from './cadre.model.js';
import { AuditModel } from '../audit/audit.model.js';
import { createTestApp } from '../test/test-app.js';
import { signedInAs } from '../test/test-client.js';
import { aCadre, aUnit } from '../test/factories.js';
import { sealIdNumber } from './id-number-storage.js';

const ID_NUMBER = '50010519800512123X';

describe('cadre ID numbers (security.md 18): sealed at rest, masked when shown, revealed with a permission and audited', () => {
  const app = createTestApp();

  async function aCadreWithIdNumber() {
    const unit = await aUnit({ type: 'street' });
    const cadre = await aCadre(unit, sealIdNumber(ID_NUMBER.toLowerCase()));
    return { unit, cadre };
  }

  it('stores no plain ID number: sealed, keyed hash and masked form only', async () => {
    const { cadre } = await aCadreWithIdNumber();
    const raw = await CadreModel.collection.findOne({ _id: cadre._id });
    expect(JSON.stringify(raw)).not.toContain(ID_NUMBER);
    expect(raw!['idNumberMasked']).toBe('500105********123X');
    expect(raw!['idNumberHash']).toMatch(/^[0-9a-f]{64}$/);
  });

  it('shows the record with the masked number and without the sealed or hashed forms', async () => {
    const { cadre } = await aCadreWithIdNumber();
    const { client } = await signedInAs(app, ['org_admin']);
    const res = await client.get(`/api/cadres/${cadre._id}`).expect(200);
    expect(res.body.idNumberMasked).toBe('500105********123X');
    expect(res.body.idNumberSealed).toBeUndefined();
    expect(res.body.idNumberHash).toBeUndefined();
    const list = await client.get('/api/cadres').expect(200);
    expect(JSON.stringify(list.body)).not.toContain(ID_NUMBER);
    expect(JSON.stringify(list.body)).not.toContain('v1:');
  });

  it('reveals the full number to the organization department and audits the reveal', async () => {
    const { cadre } = await aCadreWithIdNumber();
    const { client, account } = await signedInAs(app, ['org_admin']);
    const res = await client.post(`/api/cadres/${cadre._id}/id-number/reveal`).expect(200);
    expect(res.body).toEqual({ idNumber: ID_NUMBER });
    const record = await AuditModel.findOne({ action: 'cadre.reveal_id' }).lean();
    expect(record).toEqual(jasmine.objectContaining({ userId: account.id, objectId: String(cadre._id), result: 'success' }));
    expect(JSON.stringify(record)).not.toContain(ID_NUMBER);
  });

  const refused: Array<[string, 'unit_manager' | 'cadre' | 'assessor']> = [
    ['a unit manager of the cadre’s own unit', 'unit_manager'],
    ['the cadre themself', 'cadre'],
    ['an assessor', 'assessor'],
  ];
  for (const [who, role] of refused) {
    it(`refuses the reveal to ${who} with 403 and audits the denial`, async () => {
      const { unit, cadre } = await aCadreWithIdNumber();
      const { client } = await signedInAs(app, [role], { unitId: String(unit._id), cadreId: role === 'cadre' ? String(cadre._id) : null });
      const res = await client.post(`/api/cadres/${cadre._id}/id-number/reveal`).expect(403);
      expect(JSON.stringify(res.body)).not.toContain(ID_NUMBER);
      expect(await AuditModel.countDocuments({ action: 'access.denied', objectId: 'revealCadreIdNumber' })).toBe(1);
    });
  }
});
