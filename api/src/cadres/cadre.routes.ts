import { z } from 'zod';
import { CadreSchema, ObjectIdSchema, RevealedIdNumberSchema, type Cadre } from '@cadre/shared-models';
import type { Request } from 'express';
import mongoose from 'mongoose';
import type { ApiBuilder } from '../platform/endpoint.js';
import { AppError } from '../platform/errors.js';
import { cadreScopeFilter } from '../platform/data-scope.js';
import { startsWithPattern } from '../platform/text-pattern.js';
import { recordAudit } from '../audit/audit.service.js';
import { CadreModel, type CadreDocument } from './cadre.model.js';
import { unsealIdNumber } from './id-number-storage.js';

/** Sealed and hashed ID numbers never leave the data layer through a read. */
const HIDDEN_FIELDS = '-idNumberSealed -idNumberHash';

const CadreIdParamsSchema = z.object({ id: ObjectIdSchema }).strict();

/**
 * One cadre within the caller's scope, or 404 alike for out of scope and missing (so ids cannot
 * be probed); an out-of-scope attempt is audited as denied.
 */
async function findCadreInScope(req: Request, id: string, action: string, fields?: string) {
  // $and, not a merged object: the scope may itself constrain _id (a cadre's own record).
  const query = CadreModel.findOne({ $and: [cadreScopeFilter(req), { _id: new mongoose.Types.ObjectId(id) }] });
  const doc = await (fields ? query.select(fields) : query.select(HIDDEN_FIELDS)).lean();
  if (!doc) {
    const exists = await CadreModel.exists({ _id: id });
    await recordAudit(req, { action, result: exists ? 'denied' : 'failure', objectType: 'cadre', objectId: id });
    throw new AppError(404, 'not_found', '干部不存在或不在您的数据范围内');
  }
  return doc;
}

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

export function registerCadreRoutes(api: ApiBuilder): void {
  api.add({
    method: 'get',
    path: '/cadres',
    access: 'cadre:read',
    operationId: 'listCadres',
    summary: 'Cadres within the caller’s data scope, by name prefix',
    tags: ['cadres'],
    query: CadreListQuerySchema,
    success: { status: 200, description: 'a page of cadres and the count in scope', schema: CadreListSchema },
    handler: async ({ req, query }) => {
      const nameFilter = query.name
        ? { name: mongoose.trusted({ $regex: startsWithPattern(query.name) }) }
        : {};
      const filter = { $and: [cadreScopeFilter(req), nameFilter] };
      const [docs, total] = await Promise.all([
        CadreModel.find(filter).select(HIDDEN_FIELDS).sort({ name: 1, _id: 1 }).skip(query.page * query.size).limit(query.size).lean(),
        CadreModel.countDocuments(filter),
      ]);
      return { items: docs.map((d) => toCadre(d as never)), total };
    },
  });

  api.add({
    method: 'get',
    path: '/cadres/:id',
    access: 'cadre:read',
    operationId: 'getCadre',
    summary: 'One cadre’s record, if within the caller’s data scope',
    tags: ['cadres'],
    params: CadreIdParamsSchema,
    success: { status: 200, description: 'the record', schema: CadreSchema },
    handler: async ({ req, params }) => {
      const doc = await findCadreInScope(req, params.id, 'cadre.read');
      await recordAudit(req, { action: 'cadre.read', result: 'success', objectType: 'cadre', objectId: params.id });
      return toCadre(doc as never);
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
    handler: async ({ req, params }) => {
      const doc = await findCadreInScope(req, params.id, 'cadre.reveal_id', 'idNumberSealed');
      if (!doc.idNumberSealed) throw new AppError(404, 'no_id_number', '该干部未登记身份证号');
      await recordAudit(req, { action: 'cadre.reveal_id', result: 'success', objectType: 'cadre', objectId: params.id });
      return { idNumber: unsealIdNumber(doc.idNumberSealed) };
    },
  });
}
