import { z } from 'zod';
import {
  CadreInputSchema,
  CadreRecordSchema,
  CadreSchema,
  CadreUpdateSchema,
  ObjectIdSchema,
  RevealedIdNumberSchema,
  type Cadre,
} from '@cadre/shared-models';
import mongoose from 'mongoose';
import type { ApiBuilder } from '../platform/endpoint.js';
import { AppError } from '../platform/errors.js';
import { ledgerReadModel } from '../ledger/ledger-read-model.js';
import { sniffFileType } from '../platform/file-types.js';
import { recordAudit } from '../audit/audit.service.js';
import { CadreModel, type CadreDocument } from './cadre.model.js';
import { unsealIdNumber } from './id-number-storage.js';
import {
  createCadre,
  deleteCadre,
  findCadreInScope,
  readCadrePhoto,
  removeCadrePhoto,
  toCadreRecord,
  unitNameOf,
  updateCadre,
  writeCadrePhoto,
} from './cadre-writer.js';

/** Sealed and hashed ID numbers never leave the data layer through a read. */
const HIDDEN_FIELDS = '-idNumberSealed -idNumberHash';

/** A passport-style photo is far smaller; the cap keeps a record's photo a photo. */
export const MAX_PHOTO_BYTES = 2 * 1024 * 1024;

const CadreIdParamsSchema = z.object({ id: ObjectIdSchema }).strict();

const CadreDeleteQuerySchema = z
  .object({ version: z.coerce.number({ error: '请提供记录的版本号 version' }).int('版本号应为整数').nonnegative('版本号不能为负') })
  .strict();

const CadreListQuerySchema = z
  .object({
    name: z.string().trim().max(20).optional(),
    page: z.coerce.number().int().min(0).default(0),
    size: z.coerce.number().int().min(1).max(100).default(20),
  })
  .strict();

const CadreListSchema = z.object({ items: z.array(CadreSchema), total: z.number().int() });

function toCadre(doc: CadreDocument & { _id: mongoose.Types.ObjectId }): Cadre {
  return CadreSchema.parse({ ...doc, id: String(doc._id), unitId: String(doc.unitId) });
}

/** `attachment` with a server-made name: ASCII for old clients, the cadre's name for the rest. */
function photoDisposition(id: string, name: string): string {
  return `attachment; filename="cadre-${id}.jpg"; filename*=UTF-8''${encodeURIComponent(`${name}-照片.jpg`)}`;
}

export function registerCadreRoutes(api: ApiBuilder): void {
  // Kept for the security specs and the e2e setup that find cadres by name; screens use the ledger.
  api.add({
    method: 'get',
    path: '/cadres',
    access: 'cadre:read',
    operationId: 'listCadres',
    summary: 'Cadres within the caller’s data scope, by name prefix (the ledger is the full list)',
    tags: ['cadres'],
    query: CadreListQuerySchema,
    success: { status: 200, description: 'a page of cadres and the count in scope', schema: CadreListSchema },
    handler: async ({ scope, query }) => {
      // The page's ids from the ledger read model, the records by `_id`: the database would scan.
      const selection = (await ledgerReadModel().current()).selectByNamePrefix(scope, query.name ?? '');
      const ids = selection.page('name', 'asc', query.page, query.size).map((row) => row.id);
      const docs = await Promise.all(ids.map((id) => CadreModel.findById(id).select(HIDDEN_FIELDS).lean()));
      return { items: docs.filter((doc) => doc !== null).map((doc) => toCadre(doc as never)), total: selection.total };
    },
  });

  api.add({
    method: 'post',
    path: '/cadres',
    access: 'cadre:write',
    operationId: 'createCadre',
    summary: 'Add a cadre record in a unit within the caller’s scope',
    tags: ['cadres'],
    body: CadreInputSchema,
    success: { status: 201, description: 'the new record', schema: CadreRecordSchema },
    handler: ({ actor, scope, body }) => createCadre(actor, scope, body),
  });

  api.add({
    method: 'get',
    path: '/cadres/:id',
    access: 'cadre:read',
    operationId: 'getCadre',
    summary: 'One cadre’s full record, if within the caller’s data scope',
    tags: ['cadres'],
    params: CadreIdParamsSchema,
    success: { status: 200, description: 'the record', schema: CadreRecordSchema },
    handler: async ({ actor, scope, params }) => {
      const doc = await findCadreInScope(actor, scope, params.id, { action: 'cadre.read' });
      await recordAudit(actor, { action: 'cadre.read', result: 'success', objectType: 'cadre', objectId: params.id });
      return toCadreRecord(doc, await unitNameOf(doc.unitId));
    },
  });

  api.add({
    method: 'put',
    path: '/cadres/:id',
    access: 'cadre:write',
    operationId: 'updateCadre',
    summary: 'Replace a record (optimistic concurrency: a stale version gets 409 with `current`)',
    tags: ['cadres'],
    params: CadreIdParamsSchema,
    body: CadreUpdateSchema,
    success: { status: 200, description: 'the saved record', schema: CadreRecordSchema },
    handler: ({ actor, scope, params, body }) => {
      const { version, ...input } = body;
      return updateCadre(actor, scope, params.id, input, version);
    },
  });

  api.add({
    method: 'delete',
    path: '/cadres/:id',
    access: 'cadre:write',
    operationId: 'deleteCadre',
    summary: 'Delete a record at the version the caller saw, with its photo and correction requests',
    tags: ['cadres'],
    params: CadreIdParamsSchema,
    query: CadreDeleteQuerySchema,
    success: { status: 204, description: 'deleted' },
    handler: ({ actor, scope, params, query }) => deleteCadre(actor, scope, params.id, query.version),
  });

  api.add({
    method: 'get',
    path: '/cadres/:id/photo',
    access: 'cadre:read',
    operationId: 'getCadrePhoto',
    summary: 'The cadre’s photo (JPEG), if within the caller’s data scope',
    tags: ['cadres'],
    params: CadreIdParamsSchema,
    success: { status: 200, description: 'the photo', contentType: 'image/jpeg' },
    handler: async ({ actor, scope, res, params }) => {
      const doc = await findCadreInScope(actor, scope, params.id, { action: 'cadre.photo_read', select: 'name' });
      const jpeg = await readCadrePhoto(params.id);
      if (!jpeg) throw new AppError(404, 'no_photo', '该干部尚未上传照片');
      await recordAudit(actor, { action: 'cadre.photo_read', result: 'success', objectType: 'cadre', objectId: params.id });
      res.setHeader('Content-Type', 'image/jpeg');
      res.setHeader('Content-Disposition', photoDisposition(params.id, doc.name));
      res.setHeader('X-Content-Type-Options', 'nosniff');
      res.setHeader('Cache-Control', 'private, no-store');
      res.status(200).end(jpeg);
    },
  });

  api.add({
    method: 'put',
    path: '/cadres/:id/photo',
    access: 'cadre:write',
    operationId: 'putCadrePhoto',
    summary: 'Set or replace the cadre’s photo: the raw JPEG bytes, at most 2 MB',
    tags: ['cadres'],
    params: CadreIdParamsSchema,
    upload: {
      maxBytes: MAX_PHOTO_BYTES,
      expected: ' JPEG 图片',
      contentTypes: ['image/jpeg'],
      sniff: (bytes) => (sniffFileType(bytes) === 'jpeg' ? 'jpeg' : null),
    },
    success: { status: 204, description: 'stored' },
    handler: async ({ actor, scope, params, upload }) => {
      await findCadreInScope(actor, scope, params.id, { action: 'cadre.photo_update', select: '_id' });
      await writeCadrePhoto(actor, params.id, upload!.bytes);
    },
  });

  api.add({
    method: 'delete',
    path: '/cadres/:id/photo',
    access: 'cadre:write',
    operationId: 'deleteCadrePhoto',
    summary: 'Remove the cadre’s photo',
    tags: ['cadres'],
    params: CadreIdParamsSchema,
    success: { status: 204, description: 'removed (or there was none)' },
    handler: async ({ actor, scope, params }) => {
      await findCadreInScope(actor, scope, params.id, { action: 'cadre.photo_delete', select: '_id' });
      await removeCadrePhoto(actor, params.id);
    },
  });

  api.add({
    method: 'post',
    path: '/cadres/:id/id-number/reveal',
    access: 'cadre:reveal_id',
    operationId: 'revealCadreIdNumber',
    summary: 'The full ID number of a cadre in scope; every reveal is audited',
    tags: ['cadres'],
    params: CadreIdParamsSchema,
    success: { status: 200, description: 'the full ID number', schema: RevealedIdNumberSchema },
    handler: async ({ actor, scope, params }) => {
      const doc = await findCadreInScope(actor, scope, params.id, { action: 'cadre.reveal_id', select: 'idNumberSealed' });
      if (!doc.idNumberSealed) throw new AppError(404, 'no_id_number', '该干部未登记身份证号');
      await recordAudit(actor, { action: 'cadre.reveal_id', result: 'success', objectType: 'cadre', objectId: params.id });
      return { idNumber: unsealIdNumber(doc.idNumberSealed) };
    },
  });
}
