import { CadreModel } from '../cadres/cadre.model.js';
import { AuditModel } from '../audit/audit.model.js';
import { CorrectionModel } from '../corrections/correction.model.js';
import { createTestApp } from '../test/test-app.js';
import { signedInAs } from '../test/test-client.js';
import { aCadre, aUnit } from '../test/factories.js';
import { UnitModel } from './unit.model.js';

describe('unit tree management', () => {
  const app = createTestApp();

  async function aTree() {
    const root = await aUnit({ type: 'party_committee' });
    const street = await aUnit({ type: 'street', parent: root });
    const office = await aUnit({ type: 'department', parent: street });
    const other = await aUnit({ type: 'department', parent: root });
    const cadre = await aCadre(office);
    return { root, street, office, other, cadre };
  }

  it('adds a unit under a parent with its ancestor list, and audits it', async () => {
    const { root, street } = await aTree();
    const { client } = await signedInAs(app, ['org_admin']);
    const res = await client
      .post('/api/units', { name: '新设科室', code: 'NEW-01', type: 'department', parentId: String(street._id) })
      .expect(201);
    expect(res.body.ancestorIds).toEqual([String(root._id), String(street._id)]);
    expect(await UnitModel.exists({ code: 'NEW-01' })).not.toBeNull();
    expect(await AuditModel.countDocuments({ action: 'unit.create', objectId: res.body.id })).toBe(1);
  });

  it('moves a subtree: descendants’ ancestors and their cadres’ unit paths follow', async () => {
    const { root, street, office, other, cadre } = await aTree();
    const { client } = await signedInAs(app, ['org_admin']);
    await client.patch(`/api/units/${street._id}`, { version: 0, parentId: String(other._id) }).expect(200);

    const movedOffice = await UnitModel.findById(office._id).lean();
    expect(movedOffice!.ancestorIds.map(String)).toEqual([String(root._id), String(other._id), String(street._id)]);
    const movedCadre = await CadreModel.findById(cadre._id).lean();
    expect(movedCadre!.unitPath.map(String)).toEqual([String(root._id), String(other._id), String(street._id), String(office._id)]);
  });

  it('carries correction requests along a move and a rename, so the new managers see them', async () => {
    const { root, street, office, other, cadre } = await aTree();
    const request = await CorrectionModel.create({
      cadreId: cadre._id, cadreName: cadre.name, unitId: office._id, unitName: office.name,
      unitPath: [root._id, street._id, office._id], field: 'nativePlace', proposedValue: '重庆渝北',
      reason: '籍贯填错', submittedBy: 'someone',
    });
    const { client } = await signedInAs(app, ['org_admin']);
    await client.patch(`/api/units/${street._id}`, { version: 0, parentId: String(other._id) }).expect(200);
    await client.patch(`/api/units/${office._id}`, { version: 0, name: '改名后的科室' }).expect(200);

    const moved = await CorrectionModel.findById(request._id).lean();
    expect(moved!.unitPath.map(String)).toEqual([String(root._id), String(other._id), String(street._id), String(office._id)]);
    expect(moved!.unitName).toBe('改名后的科室');
  });

  it('refuses to move a unit below its own descendant', async () => {
    const { street, office } = await aTree();
    const { client } = await signedInAs(app, ['org_admin']);
    const res = await client.patch(`/api/units/${street._id}`, { version: 0, parentId: String(office._id) }).expect(400);
    expect(res.body.errors[0].path).toBe('body.parentId');
    expect(String((await UnitModel.findById(street._id).lean())!.parentId)).not.toBe(String(office._id));
  });

  it('refuses a stale save with 409 before a retype touches any cadre', async () => {
    const { office, cadre } = await aTree();
    const { client } = await signedInAs(app, ['org_admin']);
    await client.patch(`/api/units/${office._id}`, { version: 0, name: '改名科室' }).expect(200);
    const res = await client.patch(`/api/units/${office._id}`, { version: 0, type: 'street' }).expect(409);
    expect(res.body.code).toBe('version_conflict');
    expect((await UnitModel.findById(office._id).lean())!.type).toBe('department');
    expect((await CadreModel.findById(cadre._id).lean())!.unitType).toBe('department');
  });

  it('records the changed fields before and after in the audit trail', async () => {
    const { office } = await aTree();
    const { client } = await signedInAs(app, ['org_admin']);
    await client.patch(`/api/units/${office._id}`, { version: 0, name: '改名科室', sortOrder: office.sortOrder }).expect(200);
    const record = await AuditModel.findOne({ action: 'unit.update' }).lean();
    expect(record!.detail).toEqual({ changes: { name: { before: office.name, after: '改名科室' } } });
  });

  it('deletes only an empty unit', async () => {
    const { street, other } = await aTree();
    const { client } = await signedInAs(app, ['org_admin']);
    const res = await client.delete(`/api/units/${street._id}`).expect(409);
    expect(res.body.code).toBe('unit_not_empty');
    await client.delete(`/api/units/${other._id}`).expect(204);
    expect(await UnitModel.exists({ _id: other._id })).toBeNull();
    expect(await UnitModel.exists({ _id: street._id })).not.toBeNull();
  });
});
