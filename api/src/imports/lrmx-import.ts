import * as z from 'zod';
import {
  AppointmentTypeSchema,
  CadreCategorySchema,
  CadreInputSchema,
  CivilServiceRankSchema,
  ObjectIdSchema,
  PostLevelSchema,
  describeLrmxChanges,
  formToLrmxPerson,
  LRMX_FORM_FIELD_NAMES,
  importIssueMessage,
  lrmxElementOfField,
  lrmxPersonToForm,
  type CadreInput,
  type CadreInputParsed,
  type CadreRecord,
  type ImportItem,
  type ImportProblem,
  type LrmxForm,
  type LrmxPerson,
  type ResumeEntry,
  type PersonnelScope,
} from '@cadre/shared-models';
import { dataCipher } from '../platform/data-cipher.js';
import type { UploadedFile } from '../platform/endpoint.js';
import { readLrmx } from '../lrmx/lrmx-codec.js';
import { readLrmxArchive } from '../lrmx/lrmx-archive.js';
import { CadreModel } from '../cadres/cadre.model.js';
import { cadreInScope } from '../cadres/cadre-scope.js';
import type { Actor } from '../platform/actor.js';
import { MAX_PHOTO_BYTES } from '../cadres/cadre.routes.js';
import {
  assertUnitWritable,
  checkCadreConsistency,
  findIdNumberOwners,
  loadCadreUnit,
  type StoredCadre,
} from '../cadres/cadre-writer.js';
import type { ImportPayload, ImportPreview } from './import-batches.js';
import { formRecordOf } from './lrmx-forms.js';

/**
 * The upload's name and, for people not yet on record, what the form does not carry. Matched
 * people keep their own unit, post level, rank, category and appointment type.
 */
export const LrmxImportQuerySchema = z
  .object({
    fileName: z.string().trim().max(200).default('').describe('the uploaded file’s name, shown in the report'),
    unitId: ObjectIdSchema.optional().describe('unit of new people; must be within the caller’s scope'),
    postLevel: PostLevelSchema.optional().describe('职务层次 of new people'),
    rank: CivilServiceRankSchema.optional().describe('职级 of new people'),
    category: CadreCategorySchema.optional().describe('干部类别 of new people'),
    appointmentType: AppointmentTypeSchema.optional().describe('任用方式 of new people'),
  })
  .strict()
  .describe('new people also get 任现职时间 from the open entry of their 简历, else 参加工作时间');
export type LrmxImportQuery = z.infer<typeof LrmxImportQuerySchema>;

const NEW_PERSON_OPTIONS = [
  ['unitId', '单位'],
  ['postLevel', '职务层次'],
  ['rank', '职级'],
  ['category', '干部类别'],
  ['appointmentType', '任用方式'],
] as const;

/** The fields of a record the form does not carry (unit, rank, tags…): an update keeps them. */
const PLATFORM_FIELDS = (Object.keys(CadreInputSchema.shape) as Array<keyof CadreInput>).filter(
  (key) => !(LRMX_FORM_FIELD_NAMES as readonly string[]).includes(key),
) as Array<keyof CadreRecord & keyof CadreInput>;

type FileCheck = {
  file: string;
  name: string;
  problems: ImportProblem[];
  form: (LrmxForm & { ok: true }) | null;
  idNumber: string | null;
};

/**
 * Reads one `.lrmx` or a zip of them and says, per file, what applying would do: update the
 * cadre holding the same ID number (with the changed fields), leave them unchanged, or create a
 * new record. A file that cannot be read or mapped, lacks an ID number, repeats another file's,
 * or matches a cadre outside the caller's scope is an error of that file. Writes nothing.
 */
export async function previewLrmx(actor: Actor, scope: PersonnelScope, upload: UploadedFile, query: LrmxImportQuery): Promise<ImportPreview> {
  const target = query.unitId ? await loadCadreUnit(query.unitId, 'query.unitId') : null;
  if (target) await assertUnitWritable(actor, scope, target, 'import.preview', 'query.unitId');

  const files =
    upload.kind === 'zip'
      ? readLrmxArchive(upload.bytes)
      : [{ fileName: query.fileName || '任免审批表.lrmx', person: readLrmx(upload.bytes) }];
  const checks = files.map((file) => ('error' in file ? unreadable(file.fileName, file.error) : checkForm(file.fileName, file.person)));
  flagRepeatedIdNumbers(checks);

  const owners = await findIdNumberOwners(checks.flatMap((check) => (check.idNumber ? [hashOf(check.idNumber)] : [])));
  const items: ImportItem[] = [];
  const payloads: ImportPayload[] = [];
  for (const check of checks) {
    const owner = check.idNumber ? owners.get(hashOf(check.idNumber)) : undefined;
    const doc = owner ? await CadreModel.findById(owner.id).lean<StoredCadre>() : null;
    let item: Omit<ImportItem, 'row' | 'file' | 'name'> = { action: 'error', cadreId: null, changes: [] };
    if (check.problems.length === 0 && check.form) {
      if (doc && !cadreInScope(scope, doc)) {
        problem(check, 'ShenFenZheng', '该身份证号已登记在您数据范围以外的干部名下，不能由您导入；如需调整请联系组织部门');
      } else {
        const outcome = doc ? await planUpdate(check, check.form, doc) : planCreate(check, check.form, query);
        if (outcome && check.problems.length === 0) {
          item = outcome.item;
          if (outcome.payload) payloads.push(outcome.payload);
        }
      }
    }
    items.push({ row: null, file: check.file, name: check.name, ...item });
  }
  const problems = checks.flatMap((check) => check.problems);
  return { items, problems, payloads: problems.length === 0 ? payloads : [] };
}

function hashOf(idNumber: string): string {
  return dataCipher().blindIndex(idNumber);
}

function problem(check: FileCheck, column: string | null, message: string): void {
  check.problems.push({ row: null, file: check.file, column, message, ...(check.name === '' ? {} : { name: check.name }) });
}

function unreadable(file: string, message: string): FileCheck {
  return { file, name: '', problems: [{ row: null, file, column: null, message }], form: null, idNumber: null };
}

function checkForm(file: string, person: LrmxPerson): FileCheck {
  const result = lrmxPersonToForm(person);
  const check: FileCheck = { file, name: person.name, problems: [], form: null, idNumber: null };
  if (!result.ok) {
    for (const found of result.problems) problem(check, found.field, found.message);
    return check;
  }
  if (result.fields.idNumber === null) {
    problem(check, 'ShenFenZheng', '任免审批表中没有身份证号，无法与已有干部匹配，也不能新建档案');
    return check;
  }
  if (result.photoBase64 !== null && Buffer.byteLength(result.photoBase64, 'base64') > MAX_PHOTO_BYTES) {
    problem(check, 'ZhaoPian', `照片超过 ${MAX_PHOTO_BYTES / 1024 / 1024} MB，请压缩后重新导出`);
    return check;
  }
  return { ...check, form: result, idNumber: result.fields.idNumber };
}

/** The same person twice in one upload: both files are wrong, since either could be the intended one. */
function flagRepeatedIdNumbers(checks: FileCheck[]): void {
  for (const check of checks) {
    if (check.idNumber === null) continue;
    const others = checks.filter((other) => other !== check && other.idNumber === check.idNumber).map((other) => `“${other.file}”`);
    if (others.length > 0) problem(check, 'ShenFenZheng', `与${others.join('、')}的身份证号相同，同一人只能导入一份任免审批表`);
  }
}

type Outcome = { item: Omit<ImportItem, 'row' | 'file' | 'name'>; payload: ImportPayload | null } | null;

function parseInput(check: FileCheck, draft: Record<string, unknown>): CadreInputParsed | null {
  const parsed = CadreInputSchema.safeParse(draft, { error: importIssueMessage });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = issue.path.map(String).join('.');
      problem(check, lrmxElementOfField(path), issue.message);
    }
    return null;
  }
  for (const error of checkCadreConsistency(parsed.data, '')) problem(check, lrmxElementOfField(error.path), error.message);
  return check.problems.length === 0 ? parsed.data : null;
}

/** The form's fields over the matched record's own; the changes are listed as the form prints them. */
async function planUpdate(check: FileCheck, form: LrmxForm, doc: StoredCadre): Promise<Outcome> {
  const { record, form: current } = await formRecordOf(doc);
  const own = Object.fromEntries(PLATFORM_FIELDS.map((key) => [key, record[key]]));
  const input = parseInput(check, { ...own, ...form.fields });
  if (input === null) return null;
  const changes = describeLrmxChanges(
    formToLrmxPerson(current),
    formToLrmxPerson({ ...form.fields, ...form.texts, photoBase64: form.photoBase64 }),
  );
  if (changes.length === 0) return { item: { action: 'unchanged', cadreId: record.id, changes: [] }, payload: null };
  const newPhoto = form.photoBase64 !== null && form.photoBase64 !== current.photoBase64;
  return {
    item: { action: 'update', cadreId: record.id, changes },
    payload: {
      action: 'update',
      row: null,
      file: check.file,
      input,
      texts: form.texts,
      photo: newPhoto ? Buffer.from(form.photoBase64!, 'base64') : null,
      cadreId: record.id,
      expectedVersion: doc.__v,
    },
  };
}

/** A new record: the form's fields plus the options chosen for new people. */
function planCreate(check: FileCheck, form: LrmxForm, query: LrmxImportQuery): Outcome {
  const missing = NEW_PERSON_OPTIONS.filter(([key]) => query[key] === undefined).map(([, label]) => label);
  if (missing.length > 0) {
    problem(check, null, `系统中没有此人，新增档案需要在导入选项中选择：${missing.join('、')}`);
    return null;
  }
  const input = parseInput(check, {
    ...form.fields,
    unitId: query.unitId,
    postLevel: query.postLevel,
    rank: query.rank,
    category: query.category,
    appointmentType: query.appointmentType,
    postStartMonth: currentPostStart(form.fields.positions) ?? form.fields.workStartMonth,
  });
  if (input === null) return null;
  return {
    item: { action: 'create', cadreId: null, changes: [] },
    payload: {
      action: 'create',
      row: null,
      file: check.file,
      input,
      texts: form.texts,
      photo: form.photoBase64 === null ? null : Buffer.from(form.photoBase64, 'base64'),
      cadreId: null,
      expectedVersion: null,
    },
  };
}

/** The start of the entry still open in 简历 (the current post), if there is one. */
function currentPostStart(positions: readonly ResumeEntry[]): string | null {
  return positions.findLast((entry) => entry.end === null)?.start ?? null;
}
