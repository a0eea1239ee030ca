import * as z from 'zod';
import { ObjectIdSchema } from '../units/unit.js';
import { AgeBandSchema } from '../stats/cadre-distribution.js';
import {
  AppointmentTypeSchema,
  CadreCategorySchema,
  CivilServiceRankSchema,
  DegreeSchema,
  EducationLevelSchema,
  PostLevelSchema,
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
export const LedgerColumnSchema = z.enum(LEDGER_COLUMN_KEYS);
export const LEDGER_COLUMN_LABELS = Object.fromEntries(LEDGER_COLUMNS) as Record<LedgerColumn, string>;

/** What a new user sees before choosing columns. */
export const DEFAULT_LEDGER_COLUMNS: LedgerColumn[] = [
  'name', 'sex', 'age', 'education', 'unitName', 'post', 'postLevel', 'rank', 'category', 'tags',
];

/** Columns the ledger sorts by on the server (each backed by an index in the cadres collection). */
export const LEDGER_SORT_KEYS = [
  'name', 'birthMonth', 'age', 'workStartMonth', 'postStartMonth', 'education', 'postLevel', 'rank', 'unitName',
] as const;
export const LedgerSortSchema = z.enum(LEDGER_SORT_KEYS);

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
const list = <T extends z.ZodType>(item: T) =>
  z.preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(item).max(50));

/** The filters of the ledger; every one narrows within the caller's data scope. */
export const LedgerFilterSchema = z.object({
  unitId: ObjectIdSchema.optional().describe('the unit and everything below it'),
  ageBand: list(AgeBandSchema),
  sex: list(SexSchema),
  education: list(EducationLevelSchema),
  category: list(CadreCategorySchema),
  postLevel: list(PostLevelSchema),
  rank: list(CivilServiceRankSchema),
  tag: list(z.string().trim().min(1).max(12)).describe('any of these tags'),
  q: z.string().trim().max(30).optional().describe('text in the name or the post'),
});
export type LedgerFilter = z.infer<typeof LedgerFilterSchema>;

export const LedgerQuerySchema = LedgerFilterSchema.extend({
  sort: LedgerSortSchema.default('name'),
  direction: z.enum(['asc', 'desc']).default('asc'),
  page: z.coerce.number().int().min(0).max(100_000).default(0),
  size: z.coerce.number().int().min(1).max(200).default(20),
}).strict();
export type LedgerQuery = z.infer<typeof LedgerQuerySchema>;

export const LedgerPageSchema = z.object({
  items: z.array(LedgerRowSchema),
  total: z.number().int().nonnegative().describe('rows matching the filter'),
  asOf: z.string().describe('ISO date ages and tags are computed at'),
});
export type LedgerPage = z.infer<typeof LedgerPageSchema>;

/** The largest export in one file; a larger view is narrowed first. */
export const MAX_LEDGER_EXPORT_ROWS = 50_000;

export const LedgerExportQuerySchema = LedgerFilterSchema.extend({
  sort: LedgerSortSchema.default('name'),
  direction: z.enum(['asc', 'desc']).default('asc'),
  columns: list(LedgerColumnSchema).describe('in order; empty: the default columns'),
}).strict();
export type LedgerExportQuery = z.infer<typeof LedgerExportQuerySchema>;

/** A saved view: its filters, sort and columns, private to the user who saved it. */
export const LedgerViewInputSchema = z.object({
  name: z.string().trim().min(1, '视图名称不能为空').max(30, '视图名称不超过 30 个字'),
  filter: LedgerFilterSchema,
  sort: LedgerSortSchema,
  direction: z.enum(['asc', 'desc']),
  columns: z.array(LedgerColumnSchema).min(1, '至少选择一列').max(LEDGER_COLUMNS.length),
});
export type LedgerViewInput = z.input<typeof LedgerViewInputSchema>;
export const LedgerViewSchema = LedgerViewInputSchema.extend({ id: ObjectIdSchema, createdAt: z.string() });
export type LedgerView = z.infer<typeof LedgerViewSchema>;
