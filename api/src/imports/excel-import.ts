import ExcelJS from 'exceljs';
import type { Types } from 'mongoose';
import {
  CadreInputSchema,
  EXCEL_TEMPLATE_COLUMNS,
  MAX_IMPORT_BYTES,
  MAX_IMPORT_ROWS,
  importIssueMessage,
  normalizeIdNumber,
  parseDegree,
  parseEducationLevel,
  parseOtherParty,
  parseResume,
  parseYearMonth,
  type CadreInputParsed,
  type ImportItem,
  type ImportProblem,
  type PersonnelScope,
} from '@cadre/shared-models';
import { AppError } from '../platform/errors.js';
import { dataCipher } from '../platform/data-cipher.js';
import { sniffFileType } from '../platform/file-types.js';
import { LrmxError } from '../lrmx/lrmx-error.js';
import { formatSize, listZipEntries, type ZipEntry, type ZipLimits } from '../lrmx/zip-entries.js';
import { checkCadreConsistency, findIdNumberOwners, type CadreFormTexts } from '../cadres/cadre-writer.js';
import { unitInScope } from '../cadres/cadre-scope.js';
import { UnitModel } from '../units/unit.model.js';
import { readCell, type CellKind, type CellReading } from './excel-cells.js';
import { EXCEL_DATA_SHEET, NAME_NOTE, SAMPLE_MARK, type ExcelTemplateField } from './excel-template.js';
import type { ImportPayload, ImportPreview } from './import-batches.js';

const MEGABYTE = 1024 * 1024;

/**
 * What a workbook may unpack to, checked from the sizes its zip directory declares before any part
 * is unpacked or parsed. The Excel parser needs some 20 times a part's size in memory and a second
 * per megabyte on this machine: a full template of 5,000 rows with long 简历 is a 5 MB sheet and
 * 9 MB of shared strings, while an 8 MB upload declaring 100 MB of sheet XML took 1.7 GB and 23 s.
 */
const XLSX_LIMITS: ZipLimits = {
  maxArchiveBytes: MAX_IMPORT_BYTES,
  maxEntries: 200,
  maxEntryBytes: 16 * MEGABYTE,
  maxTotalBytes: 32 * MEGABYTE,
};

/** Caps per kind of part: sheets and shared strings carry the rows; everything else is small. */
const XLSX_PART_LIMITS: ReadonlyArray<{ pattern: RegExp; label: string; maxBytes: number }> = [
  { pattern: /^xl\/worksheets\/[^/]+\.xml$/, label: '工作表', maxBytes: 12 * MEGABYTE },
  { pattern: /^xl\/sharedStrings\.xml$/, label: '共享字符串表', maxBytes: 16 * MEGABYTE },
];
const OTHER_PART_LIMIT = { label: '文件部件', maxBytes: 4 * MEGABYTE };

function assertPartSizes(entries: readonly ZipEntry[]): void {
  for (const entry of entries) {
    const { label, maxBytes } = XLSX_PART_LIMITS.find(({ pattern }) => pattern.test(entry.name)) ?? OTHER_PART_LIMIT;
    if (entry.size > maxBytes) {
      throw new AppError(
        413,
        'import_too_large',
        `Excel 文件过大：${label} ${entry.name} 解压后为 ${formatSize(entry.size)}，超过 ${formatSize(maxBytes)} 上限；请删除多余的行、列和格式，或拆分为多个文件`,
      );
    }
  }
}

/**
 * An Excel workbook is a zip holding `xl/workbook.xml`; anything else (a renamed .xls, a zip of
 * forms, a PDF) is refused by its bytes. A workbook declaring more than the limits unpack to is
 * refused as too large.
 */
export function sniffXlsx(bytes: Buffer): 'xlsx' | null {
  if (sniffFileType(bytes) !== 'zip') return null;
  const entries = listWorkbookEntries(bytes, () => null);
  return entries?.some((entry) => entry.name === 'xl/workbook.xml') ? 'xlsx' : null;
}

function listWorkbookEntries(bytes: Buffer, onBroken: (error: LrmxError) => null): ZipEntry[] | null {
  try {
    const entries = listZipEntries(bytes, XLSX_LIMITS);
    assertPartSizes(entries);
    return entries;
  } catch (error) {
    if (!(error instanceof LrmxError)) throw error;
    if (error.status === 413) throw new AppError(413, 'import_too_large', `Excel 文件过大：${error.message}`);
    return onBroken(error);
  }
}

type UnitRef = { _id: Types.ObjectId; code: string; name: string; ancestorIds: Types.ObjectId[] };

/** How each template column's text becomes part of the record input. */
interface ColumnRule {
  kind: CellKind;
  /** Puts the value into the draft, or says what is wrong with the text. */
  apply(text: string, draft: Draft, context: RowContext): string | null;
}

type Draft = Record<string, unknown> & { fullTimeEducation: Record<string, unknown>; inServiceEducation: Record<string, unknown> };

interface RowContext {
  unitsByCode: ReadonlyMap<string, UnitRef>;
  inScope: (unit: UnitRef) => boolean;
  texts: CadreFormTexts;
}

const MONTH_FORMS = '1985.03、198503、1985-03 或日期';

function setText(path: string): ColumnRule {
  const [head, leaf] = path.split('.') as [string, string | undefined];
  return {
    kind: 'text',
    apply: (text, draft) => {
      if (text === '') return null;
      if (leaf === undefined) draft[head] = text;
      else (draft[head] as Record<string, unknown>)[leaf] = text;
      return null;
    },
  };
}

function setMonth(field: string, required: boolean): ColumnRule {
  return {
    kind: 'month',
    apply: (text, draft) => {
      if (text === '') {
        if (!required) draft[field] = null;
        return null;
      }
      const month = parseYearMonth(text);
      if (month === null) return `“${text}”无法识别，应为 ${MONTH_FORMS}`;
      draft[field] = month;
      return null;
    },
  };
}

function setParsed(row: 'fullTimeEducation' | 'inServiceEducation', leaf: 'education' | 'degree'): ColumnRule {
  const parse = leaf === 'education' ? parseEducationLevel : parseDegree;
  return {
    kind: 'text',
    apply: (text, draft) => {
      if (text === '') return null;
      const value = parse(text);
      if (value === undefined) return `“${text}”无法识别，请从下拉列表中选择`;
      draft[row][leaf] = value;
      return null;
    },
  };
}

const COLUMN_RULES: Record<ExcelTemplateField, ColumnRule> = {
  name: setText('name'),
  sex: setText('sex'),
  birthMonth: setMonth('birthMonth', true),
  ethnicity: setText('ethnicity'),
  nativePlace: setText('nativePlace'),
  birthPlace: setText('birthPlace'),
  idNumber: {
    kind: 'idNumber',
    apply: (text, draft) => {
      draft['idNumber'] = text === '' ? null : text;
      return null;
    },
  },
  partyJoinMonth: setMonth('partyJoinMonth', false),
  otherParty: {
    kind: 'text',
    apply: (text, draft) => {
      const party = parseOtherParty(text);
      if (party === undefined) return `“${text}”不是民主党派名称或 无党派人士，请从下拉列表中选择`;
      draft['otherParty'] = party;
      return null;
    },
  },
  workStartMonth: setMonth('workStartMonth', true),
  health: setText('health'),
  professionalTitle: setText('professionalTitle'),
  expertise: setText('expertise'),
  'fullTimeEducation.education': setParsed('fullTimeEducation', 'education'),
  'fullTimeEducation.degree': setParsed('fullTimeEducation', 'degree'),
  'fullTimeEducation.educationSchool': setText('fullTimeEducation.educationSchool'),
  'inServiceEducation.education': setParsed('inServiceEducation', 'education'),
  'inServiceEducation.degree': setParsed('inServiceEducation', 'degree'),
  'inServiceEducation.educationSchool': setText('inServiceEducation.educationSchool'),
  unitCode: {
    kind: 'text',
    apply: (text, draft, context) => {
      if (text === '') return '单位编码不能为空，请从“单位编码”工作表中选择';
      const unit = context.unitsByCode.get(text.toUpperCase());
      if (!unit) return `单位编码“${text}”不存在，请从“单位编码”工作表中选择`;
      if (!context.inScope(unit)) return `单位“${unit.name}”（${unit.code}）不在您管理的范围内，只能导入本单位及下级单位的干部`;
      draft['unitId'] = String(unit._id);
      return null;
    },
  },
  post: setText('post'),
  postLevel: setText('postLevel'),
  rank: setText('rank'),
  postStartMonth: setMonth('postStartMonth', true),
  category: setText('category'),
  appointmentType: setText('appointmentType'),
  resume: {
    kind: 'text',
    // The cell's text is the form's 简历, kept verbatim beside the entries parsed from it.
    apply: (text, draft, context) => {
      draft['positions'] = parseResume(text);
      context.texts.resumeText = text;
      return null;
    },
  },
};

const HEADER_OF = new Map<string, string>(EXCEL_TEMPLATE_COLUMNS.map(([header, field]) => [field, header]));

/** The column a problem of the record input belongs to (`positions.2.end` is in 简历, `unitId` in 单位编码). */
function columnOfPath(path: readonly PropertyKey[]): string | null {
  const dotted = path.map(String).join('.');
  if (dotted.startsWith('positions')) return HEADER_OF.get('resume')!;
  if (dotted === 'unitId') return HEADER_OF.get('unitCode')!;
  const field = [...HEADER_OF.keys()].find((key) => dotted === key || dotted.startsWith(`${key}.`));
  return field === undefined ? null : HEADER_OF.get(field)!;
}

interface SheetRow {
  row: number;
  cells: Map<ExcelTemplateField, CellReading>;
}

/**
 * Checks every row of an uploaded workbook: the cells, the record schema, the ID checksum, the
 * unit code (known, and within the caller's scope), and ID numbers repeated within the file or
 * already registered (Excel import only creates records). Writes nothing.
 */
export async function previewExcel(scope: PersonnelScope, bytes: Buffer): Promise<ImportPreview> {
  const sheet = await openDataSheet(bytes);
  const columns = readHeader(sheet);
  if ('problems' in columns) return { items: [], problems: columns.problems, payloads: [] };
  const rows = readRows(sheet, columns.byField);
  if (rows.length === 0) {
    return { items: [], problems: [{ row: null, file: null, column: null, message: '文件中没有数据行（说明行和“示例”行不导入）' }], payloads: [] };
  }

  const units = await UnitModel.find().select('code name ancestorIds').lean<UnitRef[]>();
  const unitsByCode = new Map(units.map((unit) => [unit.code.toUpperCase(), unit]));
  const checked = rows.map((row) => checkRow(row, { unitsByCode, inScope: (unit) => unitInScope(scope, unit) }));

  await flagDuplicateIdNumbers(checked);
  const problems = checked.flatMap((row) => row.problems);
  const items: ImportItem[] = checked.map((row) => ({
    row: row.row,
    file: null,
    name: row.name,
    action: row.problems.length > 0 ? 'error' : 'create',
    cadreId: null,
    changes: [],
  }));
  const payloads = checked.flatMap((row): ImportPayload[] =>
    row.input === null
      ? []
      : [{ action: 'create', row: row.row, file: null, input: row.input, texts: row.texts, photo: null, cadreId: null, expectedVersion: null }],
  );
  return { items, problems, payloads: problems.length === 0 ? payloads : [] };
}

async function openDataSheet(bytes: Buffer): Promise<ExcelJS.Worksheet> {
  const broken = () => new AppError(400, 'invalid_workbook', '文件已损坏，不是可以读取的 Excel 工作簿（.xlsx）');
  const entries = listWorkbookEntries(bytes, () => null);
  if (!entries) throw broken();
  // Unpack each part under its declared size and checksum before the workbook parser sees it.
  for (const entry of entries) {
    try {
      entry.read();
    } catch (error) {
      if (error instanceof LrmxError) throw broken();
      throw error;
    }
  }
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch {
    throw broken();
  }
  const sheet = workbook.getWorksheet(EXCEL_DATA_SHEET) ?? workbook.worksheets[0];
  if (!sheet) throw new AppError(400, 'invalid_workbook', '工作簿中没有工作表');
  return sheet;
}

function textOf(cell: ExcelJS.Cell): string {
  const reading = readCell(cell.value, cell.numFmt, 'text');
  return 'text' in reading ? reading.text : '';
}

function readHeader(sheet: ExcelJS.Worksheet): { byField: Map<ExcelTemplateField, number> } | { problems: ImportProblem[] } {
  const fieldOf = new Map<string, ExcelTemplateField>(EXCEL_TEMPLATE_COLUMNS.map(([header, field]) => [header, field]));
  const byField = new Map<ExcelTemplateField, number>();
  const problems: ImportProblem[] = [];
  const problem = (column: string, message: string) => problems.push({ row: 1, file: null, column, message });
  sheet.getRow(1).eachCell((cell, columnNumber) => {
    const header = textOf(cell);
    if (header === '') return;
    const field = fieldOf.get(header);
    if (field === undefined) problem(header, `模板中没有“${header}”列，请删除该列或使用导入模板`);
    else if (byField.has(field)) problem(header, `“${header}”列出现了不止一次`);
    else byField.set(field, columnNumber);
  });
  for (const [header, field] of EXCEL_TEMPLATE_COLUMNS) {
    if (!byField.has(field)) problem(header, `缺少“${header}”列，请使用导入模板`);
  }
  return problems.length > 0 ? { problems } : { byField };
}

/** The data rows: not the header, not the notes row, not rows marked 示例, not empty rows. */
function readRows(sheet: ExcelJS.Worksheet, byField: ReadonlyMap<ExcelTemplateField, number>): SheetRow[] {
  const rows: SheetRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (rowNumber === 1) return;
    const cells = new Map<ExcelTemplateField, CellReading>();
    for (const [field, columnNumber] of byField) {
      const cell = row.getCell(columnNumber);
      cells.set(field, readCell(cell.value, cell.numFmt, COLUMN_RULES[field].kind));
    }
    const name = cells.get('name');
    const nameText = name && 'text' in name ? name.text : '';
    if (nameText === NAME_NOTE || nameText.startsWith(SAMPLE_MARK)) return;
    if ([...cells.values()].every((reading) => 'text' in reading && reading.text === '')) return;
    if (rows.length === MAX_IMPORT_ROWS) {
      throw new AppError(400, 'too_many_rows', `文件的数据行超过 ${MAX_IMPORT_ROWS} 行的上限，请拆分为多个文件分批导入`);
    }
    rows.push({ row: rowNumber, cells });
  });
  return rows;
}

/** The name a row gives, for its problems; a blank name is left out rather than shown empty. */
function personOf(name: string): Pick<ImportProblem, 'name'> {
  return name === '' ? {} : { name };
}

interface CheckedRow {
  row: number;
  name: string;
  input: CadreInputParsed | null;
  texts: CadreFormTexts;
  idNumber: string | null;
  problems: ImportProblem[];
}

function checkRow(sheetRow: SheetRow, context: Omit<RowContext, 'texts'>): CheckedRow {
  const { row, cells } = sheetRow;
  const problems: ImportProblem[] = [];
  const nameCell = cells.get('name');
  const name = nameCell && 'text' in nameCell ? nameCell.text : '';
  const report = (column: string | null, message: string) => {
    if (!problems.some((problem) => problem.column === column)) problems.push({ row, file: null, column, message, ...personOf(name) });
  };
  const draft: Draft = {
    fullTimeEducation: { education: null, degree: null },
    inServiceEducation: { education: null, degree: null },
  };
  const texts: CadreFormTexts = {};
  for (const [field, reading] of cells) {
    const header = HEADER_OF.get(field)!;
    if ('problem' in reading) {
      report(header, reading.problem);
      continue;
    }
    const message = COLUMN_RULES[field].apply(reading.text, draft, { ...context, texts });
    if (message !== null) report(header, message);
  }

  const parsed = CadreInputSchema.safeParse(draft, { error: importIssueMessage });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) report(columnOfPath(issue.path), issue.message);
    return { row, name, input: null, texts, idNumber: null, problems };
  }
  for (const error of checkCadreConsistency(parsed.data, '')) report(columnOfPath(error.path.split('.')), error.message);
  return { row, name, input: parsed.data, texts, idNumber: parsed.data.idNumber, problems };
}

/**
 * Same ID number on two rows: both rows are wrong, since either could be the intended one. An ID
 * number already registered: Excel import only creates records; changes go through the record
 * page or a .lrmx import. Who holds it is not said, as it may be outside the caller's scope.
 */
async function flagDuplicateIdNumbers(rows: CheckedRow[]): Promise<void> {
  const column = HEADER_OF.get('idNumber')!;
  const rowsById = new Map<string, CheckedRow[]>();
  for (const row of rows) {
    if (row.idNumber === null) continue;
    const id = normalizeIdNumber(row.idNumber);
    rowsById.set(id, [...(rowsById.get(id) ?? []), row]);
  }
  for (const same of rowsById.values()) {
    if (same.length < 2) continue;
    for (const row of same) {
      const others = same.filter((other) => other !== row).map((other) => other.row).join('、');
      row.problems.push({ row: row.row, file: null, column, message: `与第 ${others} 行的身份证号重复`, ...personOf(row.name) });
    }
  }
  const hashOf = new Map([...rowsById.keys()].map((id) => [id, dataCipher().blindIndex(id)]));
  const owners = await findIdNumberOwners([...hashOf.values()]);
  for (const [id, hash] of hashOf) {
    if (!owners.has(hash)) continue;
    for (const row of rowsById.get(id)!) {
      row.problems.push({
        row: row.row,
        file: null,
        column,
        ...personOf(row.name),
        message: '该身份证号已登记在册。Excel 导入只新建档案；修改已有档案请在档案页编辑，或导入其 .lrmx 任免审批表',
      });
    }
  }
}
