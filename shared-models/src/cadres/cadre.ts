import * as z from 'zod';
import { ObjectIdSchema } from '../units/unit.js';

export const SEXES = ['男', '女'] as const;
export const SexSchema = z.enum(SEXES);

/** 学历, highest first. */
export const EDUCATION_LEVELS = ['研究生', '大学本科', '大学专科', '中专', '高中及以下'] as const;
export const EducationLevelSchema = z.enum(EDUCATION_LEVELS);

export const DEGREES = ['博士', '硕士', '学士', '无'] as const;
export const DegreeSchema = z.enum(DEGREES);

/** 职务层次 (leadership post level) of a district's cadres. */
export const POST_LEVELS = ['县处级正职', '县处级副职', '乡科级正职', '乡科级副职', '非领导职务'] as const;
export const PostLevelSchema = z.enum(POST_LEVELS);

/** 职级 (civil-service rank) below the district leadership. */
export const CIVIL_SERVICE_RANKS = [
  '一级调研员',
  '二级调研员',
  '三级调研员',
  '四级调研员',
  '一级主任科员',
  '二级主任科员',
  '三级主任科员',
  '四级主任科员',
  '一级科员',
  '二级科员',
] as const;
export const CivilServiceRankSchema = z.enum(CIVIL_SERVICE_RANKS);

export const CADRE_CATEGORIES = ['综合管理类', '专业技术类', '行政执法类'] as const;
export const CadreCategorySchema = z.enum(CADRE_CATEGORIES);

export const APPOINTMENT_TYPES = ['委任', '聘任制', '挂职'] as const;
export const AppointmentTypeSchema = z.enum(APPOINTMENT_TYPES);

/** A month as `yyyy-MM`, the precision of dates on the appointment form. */
export const YearMonthSchema = z
  .string()
  .regex(/^(19|20)\d{2}-(0[1-9]|1[0-2])$/, '应为 yyyy-MM 格式的年月');

export const CadreSchema = z.object({
  id: ObjectIdSchema,
  name: z.string().min(2).max(20),
  sex: SexSchema,
  birthMonth: YearMonthSchema,
  ethnicity: z.string().min(2).max(12),
  nativePlace: z.string().max(30),
  partyJoinMonth: YearMonthSchema.nullable(),
  workStartMonth: YearMonthSchema,
  education: EducationLevelSchema,
  degree: DegreeSchema,
  school: z.string().max(60),
  unitId: ObjectIdSchema,
  post: z.string().min(1).max(60),
  postLevel: PostLevelSchema,
  rank: CivilServiceRankSchema,
  postStartMonth: YearMonthSchema,
  category: CadreCategorySchema,
  appointmentType: AppointmentTypeSchema,
  /** 前6后4; the full number is stored encrypted and revealed only to those allowed, audited. */
  idNumberMasked: z.string().nullable(),
});
export type Cadre = z.infer<typeof CadreSchema>;

export const RevealedIdNumberSchema = z.object({ idNumber: z.string() });
