import * as z from 'zod';
import { ObjectIdSchema } from '../units/unit.js';

/** The largest upload the import endpoints accept; larger gets 413. */
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;
/** Rows of one Excel import; split larger files. */
export const MAX_IMPORT_ROWS = 5_000;

/**
 * The Excel template's columns, in order: header text, the CadreInput field it fills, and the
 * note shown in the template's second row. Dates are 1990.01 or 199001 as people type them.
 */
export const EXCEL_TEMPLATE_COLUMNS = [
  ['姓名', 'name', '必填'],
  ['性别', 'sex', '男 / 女'],
  ['出生年月', 'birthMonth', '如 1985.03'],
  ['民族', 'ethnicity', '如 汉族'],
  ['籍贯', 'nativePlace', '如 重庆江北'],
  ['出生地', 'birthPlace', ''],
  ['身份证号', 'idNumber', '18 位，末位可为 X'],
  ['入党时间', 'partyJoinMonth', '中共党员填年月，如 2008.06'],
  ['民主党派', 'otherParty', '非中共党员填党派名称或 无党派人士'],
  ['参加工作时间', 'workStartMonth', '如 2008.07'],
  ['健康状况', 'health', '健康 / 一般 / 较差'],
  ['专业技术职务', 'professionalTitle', ''],
  ['熟悉专业有何专长', 'expertise', ''],
  ['全日制学历', 'fullTimeEducation.education', '研究生 / 大学本科 / 大学专科 / 中专 / 高中及以下'],
  ['全日制学位', 'fullTimeEducation.degree', '博士 / 硕士 / 学士 / 无'],
  ['全日制毕业院校系', 'fullTimeEducation.educationSchool', ''],
  ['在职学历', 'inServiceEducation.education', ''],
  ['在职学位', 'inServiceEducation.degree', ''],
  ['在职毕业院校系', 'inServiceEducation.educationSchool', ''],
  ['单位编码', 'unitCode', '组织树中的单位编码，如 JB-S01'],
  ['现任职务', 'post', '必填'],
  ['职务层次', 'postLevel', '县处级正职 / 县处级副职 / 乡科级正职 / 乡科级副职 / 非领导职务'],
  ['职级', 'rank', '如 一级主任科员'],
  ['任现职时间', 'postStartMonth', '如 2021.09'],
  ['干部类别', 'category', '综合管理类 / 专业技术类 / 行政执法类'],
  ['任用方式', 'appointmentType', '委任 / 聘任制 / 挂职'],
  ['简历', 'resume', '每段一行：2005.09--2009.07  某某大学学习'],
] as const;

export const IMPORT_KINDS = ['excel', 'lrmx'] as const;
export const IMPORT_STATUSES = ['validated', 'applied', 'discarded'] as const;

/** One problem in an uploaded file, located as precisely as the file allows. */
export const ImportProblemSchema = z.object({
  row: z.number().int().nullable().describe('Excel row number as the spreadsheet shows it'),
  file: z.string().nullable().describe('file name within a zip, for .lrmx'),
  column: z.string().nullable().describe('column header or lrmx element'),
  message: z.string(),
  name: z
    .string()
    .optional()
    .describe('the person the row or file names, so the importer finds them by name as well as by row; never the ID number'),
});
export type ImportProblem = z.infer<typeof ImportProblemSchema>;

export const FieldChangeSchema = z.object({
  field: z.string().describe('label of the field as the form names it'),
  before: z.string(),
  after: z.string(),
});

/** What applying one row or file would do. */
export const ImportItemSchema = z.object({
  row: z.number().int().nullable(),
  file: z.string().nullable(),
  name: z.string(),
  action: z.enum(['create', 'update', 'unchanged', 'error']),
  cadreId: ObjectIdSchema.nullable().describe('the matched cadre, for update and unchanged'),
  changes: z.array(FieldChangeSchema).describe('for update: each field that would change'),
});
export type ImportItem = z.infer<typeof ImportItemSchema>;

/** The report of an upload: nothing is written until it is applied, and only if it has no problems. */
export const ImportReportSchema = z.object({
  id: ObjectIdSchema.describe('the batch to apply'),
  kind: z.enum(IMPORT_KINDS),
  fileName: z.string(),
  status: z.enum(IMPORT_STATUSES),
  items: z.array(ImportItemSchema),
  problems: z.array(ImportProblemSchema),
  counts: z.object({
    total: z.number().int(),
    create: z.number().int(),
    update: z.number().int(),
    unchanged: z.number().int(),
    error: z.number().int(),
  }),
  canApply: z.boolean().describe('true when there are no problems and something to apply'),
  expiresAt: z.string().describe('an unapplied batch is discarded after this'),
});
export type ImportReport = z.infer<typeof ImportReportSchema>;

export const ImportApplyResultSchema = z.object({
  id: ObjectIdSchema,
  created: z.number().int(),
  updated: z.number().int(),
});

export const LrmxExportRequestSchema = z.object({
  cadreIds: z.array(ObjectIdSchema).min(1, '至少选择一名干部').max(500, '一次最多导出 500 人'),
});
