import * as z from 'zod';
import type { Types } from 'mongoose';
import {
  ImportApplyResultSchema,
  ImportReportSchema,
  MAX_IMPORT_BYTES,
  ObjectIdSchema,
} from '@cadre/shared-models';
import type { ApiBuilder } from '../platform/endpoint.js';
import { sniffFileType } from '../platform/file-types.js';
import { LRMX_ARCHIVE_LIMITS } from '../lrmx/lrmx-archive.js';
import { unitInScope } from '../cadres/cadre-scope.js';
import { UnitModel } from '../units/unit.model.js';
import { previewExcel, sniffXlsx } from './excel-import.js';
import { buildExcelTemplate } from './excel-template.js';
import { applyBatch } from './import-apply.js';
import { discardBatch, loadOwnBatch, storeBatch, toImportReport } from './import-batches.js';
import { LrmxImportQuerySchema, previewLrmx } from './lrmx-import.js';
import { registerLrmxExportRoutes } from './lrmx-export.routes.js';
import { sendAttachment } from './downloads.js';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const ExcelImportQuerySchema = z
  .object({ fileName: z.string().trim().max(200).default('').describe('the uploaded file’s name, shown in the report') })
  .strict();

const ImportIdParamsSchema = z.object({ id: ObjectIdSchema }).strict();

type UnitNode = { _id: Types.ObjectId; parentId: Types.ObjectId | null; code: string; name: string; sortOrder: number; ancestorIds: Types.ObjectId[] };

/** Units in tree order (each after its parent, siblings by sortOrder), as the unit sheet lists them. */
function inTreeOrder(units: readonly UnitNode[]): UnitNode[] {
  const children = new Map<string, UnitNode[]>();
  for (const unit of units) {
    const key = String(unit.parentId ?? '');
    children.set(key, [...(children.get(key) ?? []), unit]);
  }
  const ids = new Set(units.map((unit) => String(unit._id)));
  const ordered: UnitNode[] = [];
  const visit = (unit: UnitNode) => {
    ordered.push(unit);
    for (const child of (children.get(String(unit._id)) ?? []).sort((a, b) => a.sortOrder - b.sortOrder)) visit(child);
  };
  // Roots of the list: units whose parent is not in it (the caller's own unit for a unit manager).
  for (const root of units.filter((unit) => !ids.has(String(unit.parentId ?? ''))).sort((a, b) => a.sortOrder - b.sortOrder)) visit(root);
  return ordered;
}

/**
 * Excel and `.lrmx` import: an upload is checked and stored as a batch with its report; nothing
 * reaches the cadre records until its uploader applies it, all rows or none. See README.md here.
 * Also registers the `.lrmx` export (its paths are under /cadres).
 */
export function registerImportRoutes(api: ApiBuilder): void {
  // Before /imports/:id, which would otherwise take the file name for an id.
  api.add({
    method: 'get',
    path: '/imports/excel-template.xlsx',
    access: 'cadre:import',
    operationId: 'downloadExcelImportTemplate',
    summary: 'The Excel import template, with a sheet of the unit codes within the caller’s scope',
    tags: ['imports'],
    success: { status: 200, description: 'the template workbook', contentType: XLSX_TYPE },
    handler: async ({ scope, res }) => {
      const units = await UnitModel.find().select('parentId code name sortOrder ancestorIds').lean<UnitNode[]>();
      const inScope = inTreeOrder(units.filter((unit) => unitInScope(scope, unit)));
      const bytes = await buildExcelTemplate(inScope);
      sendAttachment(res, { bytes, contentType: XLSX_TYPE, asciiName: 'cadre-import-template.xlsx', name: '干部信息导入模板.xlsx' });
    },
  });

  api.add({
    method: 'post',
    path: '/imports/excel',
    access: 'cadre:import',
    operationId: 'uploadExcelImport',
    summary: 'Check an Excel workbook made from the template; nothing is written until the batch is applied',
    tags: ['imports'],
    query: ExcelImportQuerySchema,
    upload: { maxBytes: MAX_IMPORT_BYTES, expected: 'Excel 工作簿（.xlsx）', contentTypes: [XLSX_TYPE, 'application/octet-stream'], sniff: sniffXlsx },
    success: { status: 201, description: 'the report: a row per data row, each problem with its row and column', schema: ImportReportSchema },
    handler: async ({ actor, scope, query, upload }) => storeBatch(actor, 'excel', query.fileName, await previewExcel(scope, upload!.bytes)),
  });

  api.add({
    method: 'post',
    path: '/imports/lrmx',
    access: 'cadre:import',
    operationId: 'uploadLrmxImport',
    summary: 'Check one .lrmx appointment form or a .zip of them, matched to cadres by ID number; nothing is written until applied',
    tags: ['imports'],
    query: LrmxImportQuerySchema,
    upload: {
      maxBytes: LRMX_ARCHIVE_LIMITS.maxArchiveBytes,
      expected: '任免审批表（.lrmx）或装有 .lrmx 的 .zip 压缩包',
      contentTypes: ['application/xml', 'application/zip', 'application/octet-stream'],
      sniff: (bytes) => {
        const kind = sniffFileType(bytes);
        return kind === 'xml' || kind === 'zip' ? kind : null;
      },
    },
    success: { status: 201, description: 'the report: per file create, update (with the changes), unchanged or error', schema: ImportReportSchema },
    handler: async ({ actor, scope, query, upload }) => storeBatch(actor, 'lrmx', query.fileName, await previewLrmx(actor, scope, upload!, query)),
  });

  api.add({
    method: 'get',
    path: '/imports/:id',
    access: 'cadre:import',
    operationId: 'getImportReport',
    summary: 'The report of one of the caller’s own uploads',
    tags: ['imports'],
    params: ImportIdParamsSchema,
    success: { status: 200, description: 'the report', schema: ImportReportSchema },
    handler: async ({ actor, params }) => toImportReport(await loadOwnBatch(actor, params.id)),
  });

  api.add({
    method: 'post',
    path: '/imports/:id/apply',
    access: 'cadre:import',
    operationId: 'applyImport',
    summary: 'Write every row or file of the caller’s checked upload, or none; 409 when applied before or when a matched record changed since',
    tags: ['imports'],
    params: ImportIdParamsSchema,
    success: { status: 200, description: 'how many records were created and updated', schema: ImportApplyResultSchema },
    handler: ({ actor, scope, params }) => applyBatch(actor, scope, params.id),
  });

  api.add({
    method: 'delete',
    path: '/imports/:id',
    access: 'cadre:import',
    operationId: 'discardImport',
    summary: 'Discard the caller’s unapplied upload',
    tags: ['imports'],
    params: ImportIdParamsSchema,
    success: { status: 204, description: 'discarded' },
    handler: ({ actor, params }) => discardBatch(actor, params.id),
  });

  registerLrmxExportRoutes(api);
}
