import { z } from 'zod';
import { CadreSchema, ObjectIdSchema, type Cadre } from '@cadre/shared-models';
import mongoose from 'mongoose';
import type { ApiBuilder } from '../platform/endpoint.js';
import { AppError } from '../platform/errors.js';
import { cadreScopeFilter } from '../platform/data-scope.js';
import { recordAudit } from '../audit/audit.service.js';
import { CadreModel, type CadreDocument } from './cadre.model.js';

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
        ? { name: mongoose.trusted({ $regex: `^${query.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}` }) }
        : {};
      const filter = { $and: [cadreScopeFilter(req), nameFilter] };
      const [docs, total] = await Promise.all([
        CadreModel.find(filter).sort({ name: 1, _id: 1 }).skip(query.page * query.size).limit(query.size).lean(),
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
    params: z.object({ id: ObjectIdSchema }).strict(),
    success: { status: 200, description: 'the record', schema: CadreSchema },
    handler: async ({ req, params }) => {
      // $and, not a merged object: the scope may itself constrain _id (a cadre's own record).
      const doc = await CadreModel.findOne({ $and: [cadreScopeFilter(req), { _id: new mongoose.Types.ObjectId(params.id) }] }).lean();
      if (!doc) {
        // Out of scope and missing look the same from outside, so no one can probe for ids.
        const exists = await CadreModel.exists({ _id: params.id });
        await recordAudit(req, { action: 'cadre.read', result: exists ? 'denied' : 'failure', objectType: 'cadre', objectId: params.id });
        throw new AppError(404, 'not_found', '干部不存在或不在您的数据范围内');
      }
      await recordAudit(req, { action: 'cadre.read', result: 'success', objectType: 'cadre', objectId: params.id });
      return toCadre(doc as never);
    },
  });
}
