import { z } from 'zod';
import {
  LedgerExportQuerySchema,
  LedgerPageSchema,
  LedgerQuerySchema,
  LedgerViewInputSchema,
  LedgerViewSchema,
  MAX_LEDGER_EXPORT_ROWS,
  ObjectIdSchema,
} from '@cadre/shared-models';
import type { ApiBuilder } from '../platform/endpoint.js';
import { readLedgerPage, streamLedgerExport } from './ledger.service.js';
import { XLSX_CONTENT_TYPE } from './ledger-export.js';
import { createView, deleteView, listViews, updateView } from './ledger-views.js';

const ViewIdParamsSchema = z.object({ id: ObjectIdSchema }).strict();

export function registerLedgerRoutes(api: ApiBuilder): void {
  api.add({
    method: 'get',
    path: '/ledger',
    access: 'ledger:read',
    operationId: 'getLedger',
    summary: 'One page of the ledger (台账) within the caller’s data scope, filtered and sorted, with the count',
    tags: ['ledger'],
    query: LedgerQuerySchema,
    success: { status: 200, description: 'a page of rows and the count for the filter', schema: LedgerPageSchema },
    handler: ({ scope, query }) => readLedgerPage(scope, query),
  });

  api.add({
    method: 'get',
    path: '/ledger/export.xlsx',
    access: 'cadre:export',
    operationId: 'exportLedger',
    summary: `The filtered ledger as an Excel file in the chosen columns (at most ${MAX_LEDGER_EXPORT_ROWS} rows); audited`,
    tags: ['ledger'],
    query: LedgerExportQuerySchema,
    success: { status: 200, description: 'xlsx attachment', contentType: XLSX_CONTENT_TYPE },
    handler: ({ actor, scope, res, query }) => streamLedgerExport(actor, res, scope, query),
  });

  api.add({
    method: 'get',
    path: '/ledger/views',
    access: 'ledger:read',
    operationId: 'listLedgerViews',
    summary: 'The caller’s saved ledger views, by name',
    tags: ['ledger'],
    success: { status: 200, description: 'the caller’s views', schema: z.array(LedgerViewSchema) },
    handler: ({ actor }) => listViews(actor),
  });

  api.add({
    method: 'post',
    path: '/ledger/views',
    access: 'ledger:read',
    operationId: 'createLedgerView',
    summary: 'Save the filters, sort and columns as a named view (names unique per user)',
    tags: ['ledger'],
    body: LedgerViewInputSchema,
    success: { status: 201, description: 'saved', schema: LedgerViewSchema },
    handler: ({ actor, body }) => createView(actor, body),
  });

  api.add({
    method: 'put',
    path: '/ledger/views/:id',
    access: 'ledger:read',
    operationId: 'updateLedgerView',
    summary: 'Replace one of the caller’s saved views',
    tags: ['ledger'],
    params: ViewIdParamsSchema,
    body: LedgerViewInputSchema,
    success: { status: 200, description: 'saved', schema: LedgerViewSchema },
    handler: ({ actor, params, body }) => updateView(actor, params.id, body),
  });

  api.add({
    method: 'delete',
    path: '/ledger/views/:id',
    access: 'ledger:read',
    operationId: 'deleteLedgerView',
    summary: 'Delete one of the caller’s saved views',
    tags: ['ledger'],
    params: ViewIdParamsSchema,
    success: { status: 204, description: 'deleted' },
    handler: ({ actor, params }) => deleteView(actor, params.id),
  });
}
