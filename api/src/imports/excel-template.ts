import ExcelJS from 'exceljs';
import {
  APPOINTMENT_TYPES,
  CADRE_CATEGORIES,
  CIVIL_SERVICE_RANKS,
  DEGREES,
  EDUCATION_LEVELS,
  EXCEL_TEMPLATE_COLUMNS,
  HEALTH_STATES,
  MAX_IMPORT_ROWS,
  OTHER_PARTIES,
  POST_LEVELS,
  SEXES,
} from '@cadre/shared-models';

export type ExcelTemplateField = (typeof EXCEL_TEMPLATE_COLUMNS)[number][1];
/** One data row of the template: the text of each cell, by the field its column fills. */
export type ExcelTemplateRow = Partial<Record<ExcelTemplateField, string>>;

export const EXCEL_DATA_SHEET = '干部信息';
export const EXCEL_UNITS_SHEET = '单位编码';
/** A row whose 姓名 starts with this is an example and is never imported. */
export const SAMPLE_MARK = '示例';
/** The notes row is recognised by its 姓名 cell, which holds the 姓名 column's note. */
export const NAME_NOTE = EXCEL_TEMPLATE_COLUMNS[0][2];

const HEADER_ROW = 1;
const NOTES_ROW = 2;
const FIRST_DATA_ROW = 3;

const LISTS: Partial<Record<ExcelTemplateField, readonly string[]>> = {
  sex: SEXES,
  otherParty: OTHER_PARTIES,
  health: HEALTH_STATES,
  'fullTimeEducation.education': EDUCATION_LEVELS,
  'fullTimeEducation.degree': DEGREES,
  'inServiceEducation.education': EDUCATION_LEVELS,
  'inServiceEducation.degree': DEGREES,
  postLevel: POST_LEVELS,
  rank: CIVIL_SERVICE_RANKS,
  category: CADRE_CATEGORIES,
  appointmentType: APPOINTMENT_TYPES,
};

const WIDTHS: Partial<Record<ExcelTemplateField, number>> = {
  idNumber: 22,
  'fullTimeEducation.educationSchool': 28,
  'inServiceEducation.educationSchool': 28,
  post: 30,
  postLevel: 14,
  rank: 14,
  resume: 60,
};

function sampleRow(unitCode: string): ExcelTemplateRow {
  return {
    name: `${SAMPLE_MARK} 张三`,
    sex: '男',
    birthMonth: '1980.05',
    ethnicity: '汉族',
    nativePlace: '重庆江北',
    birthPlace: '重庆江北',
    idNumber: '500105198005120012',
    partyJoinMonth: '2003.07',
    workStartMonth: '2002.07',
    health: '健康',
    'fullTimeEducation.education': '大学本科',
    'fullTimeEducation.degree': '学士',
    'fullTimeEducation.educationSchool': '西南大学汉语言文学专业',
    unitCode,
    post: '某某街道党工委副书记',
    postLevel: '乡科级副职',
    rank: '一级主任科员',
    postStartMonth: '2021.09',
    category: '综合管理类',
    appointmentType: '委任',
    resume: '1998.09--2002.07  西南大学汉语言文学专业学习\n2002.07--2021.09  某某街道办事处科员\n2021.09--         某某街道党工委副书记',
  };
}

/**
 * The import template: the header row (EXCEL_TEMPLATE_COLUMNS), a notes row, an example row
 * marked 示例, then `rows`; drop-down lists on the enumerated columns and the unit codes; every
 * column formatted as text so Excel keeps ID numbers and months as typed. A second sheet lists
 * the units the caller may place cadres in.
 */
export async function buildExcelTemplate(
  units: ReadonlyArray<{ code: string; name: string }>,
  rows: readonly ExcelTemplateRow[] = [],
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '干部能力现代化平台';
  const sheet = workbook.addWorksheet(EXCEL_DATA_SHEET, { views: [{ state: 'frozen', ySplit: NOTES_ROW }] });
  sheet.columns = EXCEL_TEMPLATE_COLUMNS.map(([header, field]) => ({
    header,
    key: field,
    width: WIDTHS[field] ?? Math.max(10, header.length * 2 + 2),
    style: { numFmt: '@', alignment: { vertical: 'top', wrapText: field === 'resume' } },
  }));

  const header = sheet.getRow(HEADER_ROW);
  header.font = { bold: true };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDCE6F1' } };

  const notes = sheet.getRow(NOTES_ROW);
  EXCEL_TEMPLATE_COLUMNS.forEach(([, , note], index) => {
    notes.getCell(index + 1).value = note;
  });
  notes.font = { italic: true, color: { argb: 'FF808080' } };
  notes.alignment = { vertical: 'top', wrapText: true };

  const sample = sheet.addRow(toCells(sampleRow(units[0]?.code ?? 'JB-S01')));
  sample.font = { italic: true, color: { argb: 'FF808080' } };
  for (const row of rows) sheet.addRow(toCells(row));

  const lastRow = FIRST_DATA_ROW + Math.max(MAX_IMPORT_ROWS, rows.length);
  const validations = (sheet as unknown as { dataValidations: { add(address: string, rule: object): void } }).dataValidations;
  EXCEL_TEMPLATE_COLUMNS.forEach(([headerText, field], index) => {
    const column = sheet.getColumn(index + 1).letter;
    const range = `${column}${FIRST_DATA_ROW}:${column}${lastRow}`;
    const list = LISTS[field];
    if (list) validations.add(range, listRule(headerText, [`"${list.join(',')}"`]));
    else if (field === 'unitCode' && units.length > 0) {
      validations.add(range, listRule(headerText, [`'${EXCEL_UNITS_SHEET}'!$A$2:$A$${units.length + 1}`]));
    }
  });

  const unitSheet = workbook.addWorksheet(EXCEL_UNITS_SHEET);
  unitSheet.columns = [
    { header: '单位编码', key: 'code', width: 16, style: { numFmt: '@' } },
    { header: '单位名称', key: 'name', width: 40 },
  ];
  unitSheet.getRow(1).font = { bold: true };
  for (const unit of units) unitSheet.addRow({ code: unit.code, name: unit.name });

  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function toCells(row: ExcelTemplateRow): Record<string, string> {
  return Object.fromEntries(Object.entries(row).filter(([, value]) => value !== undefined && value !== ''));
}

function listRule(header: string, formulae: string[]) {
  return {
    type: 'list',
    allowBlank: true,
    formulae,
    showErrorMessage: true,
    errorStyle: 'stop',
    errorTitle: header,
    error: `请从下拉列表中选择${header}`,
  };
}
