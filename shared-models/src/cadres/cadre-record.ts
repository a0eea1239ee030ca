import * as z from 'zod';
import { ObjectIdSchema } from '../units/unit.js';
import { personText } from '../people/person-text.js';
import { normalizeIdNumber, validateIdNumber } from '../id-number/id-number.js';
import { ResumeEntrySchema } from '../lrmx/lrmx-resume.js';
import { LrmxExtraElementSchema, LrmxFamilyMemberSchema } from '../lrmx/lrmx-person.js';
import {
  AppointmentTypeSchema,
  CadreCategorySchema,
  CivilServiceRankSchema,
  DegreeSchema,
  EducationLevelSchema,
  PostLevelSchema,
  SexSchema,
  YearMonthSchema,
} from './cadre.js';

export const HEALTH_STATES = ['健康', '一般', '较差'] as const;
export const HealthStateSchema = z.enum(HEALTH_STATES);

/** The party a member belongs to when it is not the CPC; '' (none) means CPC member or 群众. */
export const OTHER_PARTIES = ['民革', '民盟', '民建', '民进', '农工党', '致公党', '九三学社', '台盟', '无党派人士'] as const;

/** 政治面貌 as the ledger shows it, derived from party fields. */
export const POLITICAL_STATUSES = ['中共党员', '民主党派', '无党派人士', '群众'] as const;
export type PoliticalStatus = (typeof POLITICAL_STATUSES)[number];

const text = (max: number) => z.string().trim().max(max, `不超过 ${max} 个字`).check(personText);

/** One education row of the form (全日制 or 在职): 学历 and 学位, each with its school. */
export const EducationRowSchema = z.object({
  education: EducationLevelSchema.nullable().describe('学历; null when the row is empty'),
  degree: DegreeSchema.nullable().describe('学位; null when none'),
  educationSchool: text(60).default('').describe('学历 毕业院校系'),
  degreeSchool: text(60).default('').describe('学位 毕业院校系'),
});
export type EducationRow = z.infer<typeof EducationRowSchema>;

export const COMMENDATION_KINDS = ['commendation', 'sanction'] as const;

/** One line of 奖惩情况. */
export const CommendationEntrySchema = z.object({
  kind: z.enum(COMMENDATION_KINDS),
  month: YearMonthSchema.nullable().describe('when it was given, if the text names a month'),
  text: text(200).min(1, '不能为空'),
});
export type CommendationEntry = z.infer<typeof CommendationEntrySchema>;

/** 年度考核 grades of civil servants (公务员法 Art. 38) plus 不定等次 for a first, partial year. */
export const ANNUAL_GRADES = ['优秀', '称职', '基本称职', '不称职', '不定等次'] as const;
export const AnnualGradeSchema = z.enum(ANNUAL_GRADES);

export const AnnualAssessmentEntrySchema = z.object({
  year: z.number().int().min(1950).max(2100),
  grade: AnnualGradeSchema,
});
export type AnnualAssessmentEntry = z.infer<typeof AnnualAssessmentEntrySchema>;

/** A family member or important social relation, as on page 2 of the form. */
export const FamilyMemberSchema = z.object({
  title: text(10).min(1, '称谓不能为空'),
  name: text(20).min(1, '姓名不能为空'),
  birthMonth: YearMonthSchema.nullable(),
  politicalStatus: text(20).default(''),
  workUnitAndPost: text(100).default(''),
  extras: LrmxFamilyMemberSchema.shape.extras,
  asWritten: z
    .record(z.string().regex(/^[A-Za-z_]+$/), z.string().max(100))
    .optional()
    .describe('ChuShengRiQi as an imported file wrote it (e.g. 19820115), exported while it still names birthMonth'),
});
export type FamilyMember = z.infer<typeof FamilyMemberSchema>;

/**
 * The fields that exist only on the appointment form (a proposal in flight, who filled it),
 * kept so that a record imported from `.lrmx` exports unchanged, unknown elements included.
 */
export const AppointmentFormFieldsSchema = z.object({
  proposedPost: text(200).default(''),
  postToRemove: text(200).default(''),
  appointmentReason: text(2000).default(''),
  submittingUnit: text(100).default(''),
  ageReferenceDate: z.string().trim().max(10).default('').describe('计算年龄时间 as written (yyyyMMdd or yyyyMM)'),
  fillDate: z.string().trim().max(10).default('').describe('填表时间 as written'),
  filledBy: text(20).default(''),
  version: z.string().trim().max(20).default('').describe('the editor version of the imported file'),
  extras: z.array(LrmxExtraElementSchema).default([]),
  asWritten: z
    .record(z.string().regex(/^[A-Za-z_]+$/), z.string().max(100))
    .optional()
    .describe(
      'element → text as an imported file wrote it where the record normalises it (19800512, 大学, 经济学学士, 民盟；200106); '
        + 'exported instead of the standard form while it still reads as the record’s value',
    ),
});
export type AppointmentFormFields = z.infer<typeof AppointmentFormFieldsSchema>;

export const MANUAL_TAG_PATTERN = /^[\p{Script=Han}A-Za-z0-9·（）()-]{1,12}$/u;
export const ManualTagSchema = z
  .string()
  .trim()
  .regex(MANUAL_TAG_PATTERN, '标签为 1–12 个汉字、字母或数字');

/** A tag the platform derives from the record, with the fact that earned it. */
export const DerivedTagSchema = z.object({
  tag: z.string(),
  evidence: z.string().describe('the fact behind it, e.g. the post that earned 基层经历'),
});
export type DerivedTag = z.infer<typeof DerivedTagSchema>;

/**
 * Everything a user can write into a cadre record (create and update take this shape). The ID
 * number comes in clear only here; it is validated, sealed and never returned.
 */
export const CadreInputSchema = z.object({
  name: z
    .string()
    .transform((v) => v.replace(/[ \u3000]/g, ''))
    .pipe(z.string().min(2, '姓名至少 2 个字').max(20, '姓名不超过 20 个字').check(personText)),
  sex: SexSchema,
  birthMonth: YearMonthSchema,
  ethnicity: text(12).min(2, '民族应为名称，如 汉族'),
  nativePlace: text(30).default(''),
  birthPlace: text(30).default(''),
  partyJoinMonth: YearMonthSchema.nullable().describe('入党时间 (CPC) or the join month of the other party'),
  otherParty: z.enum(OTHER_PARTIES).nullable().default(null).describe('民主党派 or 无党派人士; null for CPC members and 群众'),
  workStartMonth: YearMonthSchema,
  health: HealthStateSchema.default('健康'),
  professionalTitle: text(40).default(''),
  expertise: text(100).default(''),
  fullTimeEducation: EducationRowSchema,
  inServiceEducation: EducationRowSchema,
  unitId: ObjectIdSchema,
  post: text(60).min(1, '现任职务不能为空'),
  postLevel: PostLevelSchema,
  rank: CivilServiceRankSchema,
  postStartMonth: YearMonthSchema,
  category: CadreCategorySchema,
  appointmentType: AppointmentTypeSchema,
  idNumber: z
    .string()
    .nullable()
    .default(null)
    .transform((value) => (value === null || value.trim() === '' ? null : normalizeIdNumber(value)))
    .superRefine((value, ctx) => {
      if (value === null) return;
      const result = validateIdNumber(value);
      if (!result.ok) ctx.addIssue({ code: 'custom', message: result.reason });
    })
    .describe('18-character resident ID; write-only'),
  positions: z.array(ResumeEntrySchema).max(80).default([]).describe('position history (简历), editable'),
  commendations: z.array(CommendationEntrySchema).max(100).default([]),
  annualAssessments: z.array(AnnualAssessmentEntrySchema).max(60).default([]),
  family: z.array(FamilyMemberSchema).max(30).default([]),
  manualTags: z.array(ManualTagSchema).max(10).default([]),
  appointmentForm: AppointmentFormFieldsSchema.default(AppointmentFormFieldsSchema.parse({})),
});
export type CadreInput = z.input<typeof CadreInputSchema>;
export type CadreInputParsed = z.output<typeof CadreInputSchema>;

/** A full cadre record as the API returns it: the input without the ID number, plus what the server derives. */
export const CadreRecordSchema = CadreInputSchema.omit({ idNumber: true }).extend({
  id: ObjectIdSchema,
  version: z.number().int().nonnegative().describe('send back on update; a stale one gets 409'),
  unitName: z.string(),
  /** 最高学历, derived from the two education rows. */
  education: EducationLevelSchema,
  degree: DegreeSchema,
  school: z.string(),
  idNumberMasked: z.string().nullable().describe('前6后4'),
  hasPhoto: z.boolean(),
  /** The 简历, 奖惩 and 考核 texts as the form prints them (kept verbatim from an import). */
  resumeText: z.string(),
  commendationsText: z.string(),
  annualAssessmentsText: z.string(),
  derivedTags: z.array(DerivedTagSchema),
  updatedAt: z.string().describe('ISO timestamp'),
});
export type CadreRecord = z.infer<typeof CadreRecordSchema>;

/** An update carries the version it was based on. */
export const CadreUpdateSchema = CadreInputSchema.extend({ version: z.number().int().nonnegative() });
export type CadreUpdate = z.input<typeof CadreUpdateSchema>;
