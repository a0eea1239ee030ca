import { zipSync } from 'fflate';
import * as z from 'zod';
import { LrmxExportRequestSchema, ObjectIdSchema, formToLrmxPerson, isAllowed, maskIdNumber } from '@cadre/shared-models';
import type { ApiBuilder } from '../platform/endpoint.js';
import { AppError } from '../platform/errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { writeLrmx } from '../lrmx/lrmx-codec.js';
import { CadreModel } from '../cadres/cadre.model.js';
import { cadreInScope } from '../cadres/cadre-scope.js';
import { findCadreInScope, type StoredCadre } from '../cadres/cadre-writer.js';
import { formRecordOf } from './lrmx-forms.js';
import { sendAttachment, toFileNamePart } from './downloads.js';
import type { Actor } from '../platform/actor.js';

const CadreIdParamsSchema = z.object({ id: ObjectIdSchema }).strict();
const LRMX_TYPE = 'application/xml';

type WrittenForm = { bytes: Buffer; name: string; idNumber: string | null; masked: boolean; hasPhoto: boolean };

/**
 * One cadre's appointment form file with the photo. The ID number is in clear only for a caller
 * who may reveal it; anyone else gets it masked (前6后4), which an import refuses rather than
 * storing (docs/decisions/0014-lrmx-export-id-numbers.md).
 */
async function writeForm(doc: StoredCadre, revealIdNumber: boolean): Promise<WrittenForm> {
  const { record, form } = await formRecordOf(doc);
  const idNumber = form.idNumber === null || revealIdNumber ? form.idNumber : maskIdNumber(form.idNumber);
  return {
    bytes: writeLrmx(formToLrmxPerson({ ...form, idNumber })),
    name: record.name,
    idNumber: form.idNumber,
    masked: idNumber !== form.idNumber,
    hasPhoto: form.photoBase64 !== null,
  };
}

function mayRevealIdNumbers(actor: Actor): boolean {
  return isAllowed(actor.roles, 'cadre:reveal_id');
}

/** Each export is audited per cadre, saying whether the file holds the full ID number. */
async function auditExport(actor: Actor, id: string, form: WrittenForm, detail: Record<string, unknown> = {}): Promise<void> {
  await recordAudit(actor, {
    action: 'cadre.export',
    result: 'success',
    objectType: 'cadre',
    objectId: id,
    detail: {
      format: 'lrmx',
      ...detail,
      idNumberIncluded: form.idNumber !== null && !form.masked,
      idNumberMasked: form.masked,
      photoIncluded: form.hasPhoto,
    },
  });
}

/** `张三-0012.lrmx`: the name and the ID number's last four (the record id's when there is none), made unique. */
function archiveNames(forms: ReadonlyArray<{ name: string; idNumber: string | null; id: string }>): string[] {
  const used = new Set<string>();
  return forms.map(({ name, idNumber, id }) => {
    const base = `${toFileNamePart(name) || '任免审批表'}-${idNumber ? idNumber.slice(-4) : id.slice(-6)}`;
    let fileName = `${base}.lrmx`;
    for (let n = 2; used.has(fileName); n++) fileName = `${base}-${n}.lrmx`;
    used.add(fileName);
    return fileName;
  });
}

/** `.lrmx` export: one cadre as a file, or a selection as a zip; scoped like reads, audited as exports. */
export function registerLrmxExportRoutes(api: ApiBuilder): void {
  api.add({
    method: 'get',
    path: '/cadres/:id/lrmx',
    access: 'cadre:export',
    operationId: 'exportCadreLrmx',
    summary: 'One cadre’s appointment form (.lrmx) with the photo; the ID number in clear for holders of cadre:reveal_id, masked for others; audited',
    tags: ['cadres'],
    params: CadreIdParamsSchema,
    success: { status: 200, description: 'the .lrmx file (UTF-8 XML)', contentType: LRMX_TYPE },
    handler: async ({ actor, scope, res, params }) => {
      const doc = await findCadreInScope(actor, scope, params.id, { action: 'cadre.export' });
      const form = await writeForm(doc, mayRevealIdNumbers(actor));
      await auditExport(actor, params.id, form);
      sendAttachment(res, {
        bytes: form.bytes,
        contentType: LRMX_TYPE,
        asciiName: `cadre-${params.id}.lrmx`,
        name: `${toFileNamePart(form.name) || '任免审批表'}.lrmx`,
      });
    },
  });

  api.add({
    method: 'post',
    path: '/cadres/lrmx-export',
    access: 'cadre:export',
    operationId: 'exportCadresLrmxZip',
    summary: 'The appointment forms of selected cadres as one .zip; any cadre outside the caller’s scope refuses the whole request',
    tags: ['cadres'],
    body: LrmxExportRequestSchema,
    success: { status: 200, description: 'a zip of .lrmx files named 姓名-身份证号后四位.lrmx', contentType: 'application/zip' },
    handler: async ({ actor, scope, res, body }) => {
      const ids = [...new Set(body.cadreIds)];
      const docs: StoredCadre[] = [];
      for (const id of ids) {
        const doc = await CadreModel.findById(id).lean<StoredCadre>();
        if (!doc || !cadreInScope(scope, doc)) {
          await recordAudit(actor, { action: 'cadre.export', result: doc ? 'denied' : 'failure', objectType: 'cadre', objectId: id });
          throw new AppError(404, 'not_found', '所选干部中有不存在或不在您数据范围内的，未导出任何文件');
        }
        docs.push(doc);
      }
      const forms = [];
      const reveal = mayRevealIdNumbers(actor);
      for (const doc of docs) forms.push({ ...(await writeForm(doc, reveal)), id: String(doc._id) });
      const names = archiveNames(forms);
      const zip = Buffer.from(zipSync(Object.fromEntries(forms.map((form, index) => [names[index]!, form.bytes]))));
      for (const form of forms) {
        await auditExport(actor, form.id, form, { archive: true, count: forms.length });
      }
      sendAttachment(res, { bytes: zip, contentType: 'application/zip', asciiName: 'lrmx-export.zip', name: `任免审批表-${forms.length}人.zip` });
    },
  });
}
