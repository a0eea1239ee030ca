import * as z from 'zod';
import { ObjectIdSchema } from '../units/unit.js';
import { AGE_BANDS } from '../stats/cadre-distribution.js';
import {
  AppointmentTypeSchema,
  CADRE_CATEGORIES,
  CadreCategorySchema,
  CIVIL_SERVICE_RANKS,
  CivilServiceRankSchema,
  DegreeSchema,
  EDUCATION_LEVELS,
  EducationLevelSchema,
  POST_LEVELS,
  PostLevelSchema,
  SEXES,
  SexSchema,
  YearMonthSchema,
} from '../cadres/cadre.js';
import { POLITICAL_STATUSES } from '../cadres/cadre-record.js';

/** The columns of the ledger, in their default order, with the header the table and Excel show. */
export const LEDGER_COLUMNS = [
  ['name', '姓名'],
  ['sex', '性别'],
  ['birthMonth', '出生年月'],
  ['age', '年龄'],
  ['ethnicity', '民族'],
  ['nativePlace', '籍贯'],
  ['politicalStatus', '政治面貌'],
  ['partyJoinMonth', '入党时间'],
  ['workStartMonth', '参加工作时间'],
  ['education', '最高学历'],
  ['degree', '学位'],
  ['school', '毕业院校系'],
  ['unitName', '单位'],
  ['post', '现任职务'],
  ['postLevel', '职务层次'],
  ['rank', '职级'],
  ['postStartMonth', '任现职时间'],
  ['category', '干部类别'],
  ['appointmentType', '任用方式'],
  ['professionalTitle', '专业技术职务'],
  ['tags', '标签'],
  ['idNumberMasked', '身份证号'],
] as const;
export type LedgerColumn = (typeof LEDGER_COLUMNS)[number][0];
export const LEDGER_COLUMN_KEYS = LEDGER_COLUMNS.map(([key]) => key) as [LedgerColumn, ...LedgerColumn[]];

/** One of fixed values, refused with a message that names the field and what it takes. */
const choice = <const T extends readonly [string, ...string[]]>(values: T, what: string) =>
  z.enum(values, { error: `${what}应为以下之一：${values.join('、')}` });

export const LedgerColumnSchema = choice(LEDGER_COLUMN_KEYS, '列');
const distinct = (values: readonly string[]) => new Set(values).size === values.length;
export const LEDGER_COLUMN_LABELS = Object.fromEntries(LEDGER_COLUMNS) as Record<LedgerColumn, string>;

/** What a new user sees before choosing columns. */
export const DEFAULT_LEDGER_COLUMNS: LedgerColumn[] = [
  'name', 'sex', 'age', 'education', 'unitName', 'post', 'postLevel', 'rank', 'category', 'tags',
];

/**
 * Columns the ledger sorts by on the server, each backed by a pre-sorted order of the read model
 * (docs/decisions/0009): names in pinyin order; 学历, 职务层次 and 职级 highest first; units in
 * the order of the unit tree; age youngest first. Ties go by name, then by record, so paging is stable.
 */
export const LEDGER_SORT_KEYS = [
  'name', 'birthMonth', 'age', 'workStartMonth', 'postStartMonth', 'education', 'postLevel', 'rank', 'unitName',
] as const;
export const LedgerSortSchema = choice(LEDGER_SORT_KEYS, '排序列');
export const LedgerDirectionSchema = choice(['asc', 'desc'], '排序方向');

/** One row of the ledger. */
export const LedgerRowSchema = z.object({
  id: ObjectIdSchema,
  name: z.string(),
  sex: SexSchema,
  birthMonth: YearMonthSchema,
  age: z.number().int(),
  ethnicity: z.string(),
  nativePlace: z.string(),
  politicalStatus: z.enum(POLITICAL_STATUSES),
  partyJoinMonth: YearMonthSchema.nullable(),
  workStartMonth: YearMonthSchema,
  education: EducationLevelSchema,
  degree: DegreeSchema,
  school: z.string(),
  unitId: ObjectIdSchema,
  unitName: z.string(),
  post: z.string(),
  postLevel: PostLevelSchema,
  rank: CivilServiceRankSchema,
  postStartMonth: YearMonthSchema,
  category: CadreCategorySchema,
  appointmentType: AppointmentTypeSchema,
  professionalTitle: z.string(),
  tags: z.array(z.string()).describe('derived and manual tags'),
  idNumberMasked: z.string().nullable(),
});
export type LedgerRow = z.infer<typeof LedgerRowSchema>;

// Query strings repeat a key for a list (?sex=男&sex=女); one value arrives as a string.
const list = <T extends z.ZodType>(item: T, what: string) =>
  z.preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(item).max(50, `${what}最多选 50 项`));

/** The filters of the ledger; every one narrows within the caller's data scope. */
export const LedgerFilterSchema = z.object({
  unitId: ObjectIdSchema.optional().describe('the unit and everything below it'),
  ageBand: list(choice(AGE_BANDS, '年龄段'), '年龄段'),
  sex: list(choice(SEXES, '性别'), '性别'),
  education: list(choice(EDUCATION_LEVELS, '学历'), '学历'),
  category: list(choice(CADRE_CATEGORIES, '干部类别'), '干部类别'),
  postLevel: list(choice(POST_LEVELS, '职务层次'), '职务层次'),
  rank: list(choice(CIVIL_SERVICE_RANKS, '职级'), '职级'),
  tag: list(z.string().trim().min(1, '标签不能为空').max(12, '标签不超过 12 个字'), '标签').describe('any of these tags'),
  q: z.string().trim().max(30, '搜索文字不超过 30 个字').optional().describe('text in the name or the post'),
});
export type LedgerFilter = z.infer<typeof LedgerFilterSchema>;

/** A query string with a parameter the endpoint does not know is refused, naming the parameter. */
const strictQuery = <S extends z.ZodRawShape>(shape: S) =>
  z.strictObject(shape, {
    error: (issue) => (issue.code === 'unrecognized_keys' ? `不支持的查询参数：${issue.keys.join('、')}` : undefined),
  });

export const LedgerQuerySchema = strictQuery({
  ...LedgerFilterSchema.shape,
  sort: LedgerSortSchema.default('name'),
  direction: LedgerDirectionSchema.default('asc'),
  page: z.coerce
    .number({ error: '页码应为数字' })
    .int('页码应为整数')
    .min(0, '页码不能小于 0')
    .max(100_000, '页码不能大于 100000')
    .default(0),
  size: z.coerce
    .number({ error: '每页条数应为数字' })
    .int('每页条数应为整数')
    .min(1, '每页至少 1 条')
    .max(200, '每页最多 200 条')
    .default(20),
});
export type LedgerQuery = z.infer<typeof LedgerQuerySchema>;

export const LedgerPageSchema = z.object({
  items: z.array(LedgerRowSchema),
  total: z.number().int().nonnegative().describe('rows matching the filter'),
  asOf: z.string().describe('ISO date ages and tags are computed at'),
});
export type LedgerPage = z.infer<typeof LedgerPageSchema>;

/** The largest export in one file; a larger view is narrowed first. */
export const MAX_LEDGER_EXPORT_ROWS = 50_000;

export const LedgerExportQuerySchema = strictQuery({
  ...LedgerFilterSchema.shape,
  sort: LedgerSortSchema.default('name'),
  direction: LedgerDirectionSchema.default('asc'),
  columns: list(LedgerColumnSchema, '列').refine(distinct, '列不能重复').describe('in order; empty: the default columns'),
});
export type LedgerExportQuery = z.infer<typeof LedgerExportQuerySchema>;

/** A saved view: its filters, sort and columns, private to the user who saved it. */
export const LedgerViewInputSchema = z.object({
  name: z.string().trim().min(1, '视图名称不能为空').max(30, '视图名称不超过 30 个字'),
  filter: LedgerFilterSchema,
  sort: LedgerSortSchema,
  direction: LedgerDirectionSchema,
  columns: z
    .array(LedgerColumnSchema)
    .min(1, '至少选择一列')
    .max(LEDGER_COLUMNS.length, `最多 ${LEDGER_COLUMNS.length} 列`)
    .refine(distinct, '列不能重复'),
});
export type LedgerViewInput = z.input<typeof LedgerViewInputSchema>;
export const LedgerViewSchema = LedgerViewInputSchema.extend({ id: ObjectIdSchema, createdAt: z.string() });
export type LedgerView = z.infer<typeof LedgerViewSchema>;
