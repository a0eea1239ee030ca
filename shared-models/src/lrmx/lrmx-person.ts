import * as z from 'zod';
import { normalizeIdNumber } from '../id-number/id-number.js';

/**
 * The appointment form's elements in the order the official editor writes them, each with the
 * field of LrmxPerson that holds it (docs/lrmx.md). JiaTingChengYuan is the only nested one.
 */
export const LRMX_ELEMENTS = [
  ['XingMing', 'name'],
  ['XingBie', 'sex'],
  ['ChuShengNianYue', 'birthMonth'],
  ['MinZu', 'ethnicity'],
  ['JiGuan', 'nativePlace'],
  ['ChuShengDi', 'birthPlace'],
  ['RuDangShiJian', 'partyJoin'],
  ['CanJiaGongZuoShiJian', 'workStartMonth'],
  ['JianKangZhuangKuang', 'health'],
  ['ZhuanYeJiShuZhiWu', 'professionalTitle'],
  ['ShuXiZhuanYeYouHeZhuanChang', 'expertise'],
  ['QuanRiZhiJiaoYu_XueLi', 'fullTimeEducation'],
  ['QuanRiZhiJiaoYu_XueWei', 'fullTimeDegree'],
  ['QuanRiZhiJiaoYu_XueLi_BiYeYuanXiaoXi', 'fullTimeEducationSchool'],
  ['QuanRiZhiJiaoYu_XueWei_BiYeYuanXiaoXi', 'fullTimeDegreeSchool'],
  ['ZaiZhiJiaoYu_XueLi', 'inServiceEducation'],
  ['ZaiZhiJiaoYu_XueWei', 'inServiceDegree'],
  ['ZaiZhiJiaoYu_XueLi_BiYeYuanXiaoXi', 'inServiceEducationSchool'],
  ['ZaiZhiJiaoYu_XueWei_BiYeYuanXiaoXi', 'inServiceDegreeSchool'],
  ['XianRenZhiWu', 'currentPost'],
  ['NiRenZhiWu', 'proposedPost'],
  ['NiMianZhiWu', 'postToRemove'],
  ['JianLi', 'resume'],
  ['JiangChengQingKuang', 'rewardsAndSanctions'],
  ['NianDuKaoHeJieGuo', 'annualAssessments'],
  ['RenMianLiYou', 'appointmentReason'],
  ['JiaTingChengYuan', 'family'],
  ['ChengBaoDanWei', 'submittingUnit'],
  ['JiSuanNianLingShiJian', 'ageReferenceDate'],
  ['TianBiaoShiJian', 'fillDate'],
  ['TianBiaoRen', 'filledBy'],
  ['ShenFenZheng', 'idNumber'],
  ['ZhaoPian', 'photoBase64'],
  ['Version', 'version'],
] as const;

/** The elements of one family `<Item>`, in order, with the LrmxFamilyMember field of each. */
export const LRMX_FAMILY_ELEMENTS = [
  ['ChengWei', 'title'],
  ['XingMing', 'name'],
  ['ChuShengRiQi', 'birthMonth'],
  ['ZhengZhiMianMao', 'politicalStatus'],
  ['GongZuoDanWeiJiZhiWu', 'workUnitAndPost'],
] as const;

const LRMX_ELEMENT_NAMES = LRMX_ELEMENTS.map(([element]) => element);
const LRMX_FAMILY_ELEMENT_NAMES = LRMX_FAMILY_ELEMENTS.map(([element]) => element);

/** The longest text an element may hold; 简历, 奖惩情况 and the photo may hold more (LRMX_LONG_TEXT_LENGTHS). */
export const LRMX_TEXT_MAX_LENGTH = 2_000;

/** Far above any real form (a long 简历 is some 3,000 characters; a 2 MB photo is 2.8 million in base64). */
export const LRMX_LONG_TEXT_LENGTHS = { resume: 20_000, rewardsAndSanctions: 10_000, photoBase64: 4_000_000 } as const;

// The length is checked first and stops the checks after it, so no pattern ever runs over an
// oversized value. XML parsers hand back CRLF, CR or LF depending on the writer; values carry LF only.
const lrmxText = (max: number = LRMX_TEXT_MAX_LENGTH) =>
  z
    .string()
    .max(max, { abort: true, error: `内容超过 ${max} 个字的上限` })
    .overwrite((value) => value.replace(/\r\n?/g, '\n'))
    .trim()
    .default('');
const LrmxTextSchema = lrmxText();

// Only plain element names: no namespace prefix, since the writer declares no namespaces.
const XML_NAME = /^[A-Za-z_\u00C0-\uFFFF][\w.\u00B7\u00C0-\uFFFF-]*$/u;

function makeExtraElementSchema<const Known extends string>(known: readonly Known[]) {
  return z.object({
    name: z
      .string()
      .regex(XML_NAME, '不是可写入的元素名')
      .refine((name) => !(known as readonly string[]).includes(name), '与已知元素同名'),
    value: LrmxTextSchema,
    after: z
      .enum(known)
      .nullable()
      .optional()
      .describe('the known element it followed in the file, null when it came first; absent: written last'),
  });
}

/** An element the platform does not model, kept so that an imported file exports unchanged. */
export const LrmxExtraElementSchema = makeExtraElementSchema(LRMX_ELEMENT_NAMES);
export type LrmxExtraElement = z.infer<typeof LrmxExtraElementSchema>;

export const LrmxFamilyMemberSchema = z.object({
  title: LrmxTextSchema.describe('ChengWei 称谓'),
  name: LrmxTextSchema.describe('XingMing 姓名'),
  birthMonth: LrmxTextSchema.describe('ChuShengRiQi 出生日期, yyyyMM as written'),
  politicalStatus: LrmxTextSchema.describe('ZhengZhiMianMao 政治面貌'),
  workUnitAndPost: LrmxTextSchema.describe('GongZuoDanWeiJiZhiWu 工作单位及职务'),
  extras: z
    .array(makeExtraElementSchema(LRMX_FAMILY_ELEMENT_NAMES))
    .default([]),
});
export type LrmxFamilyMember = z.infer<typeof LrmxFamilyMemberSchema>;

/**
 * One appointment form as the file holds it: every value the text written in the file (dates
 * stay `199001`, never numbers), trimmed. Interpreting the values is for the functions beside it.
 */
export const LrmxPersonSchema = z.object({
  name: LrmxTextSchema.overwrite((value) => value.replace(/[ \u3000]/g, '')).describe('XingMing 姓名, spaces removed'),
  sex: LrmxTextSchema.describe('XingBie 性别'),
  birthMonth: LrmxTextSchema.describe('ChuShengNianYue 出生年月, yyyyMM as written'),
  ethnicity: LrmxTextSchema.describe('MinZu 民族'),
  nativePlace: LrmxTextSchema.describe('JiGuan 籍贯'),
  birthPlace: LrmxTextSchema.describe('ChuShengDi 出生地'),
  partyJoin: LrmxTextSchema.describe('RuDangShiJian 入党时间: yyyyMM, a party name, or both'),
  workStartMonth: LrmxTextSchema.describe('CanJiaGongZuoShiJian 参加工作时间'),
  health: LrmxTextSchema.describe('JianKangZhuangKuang 健康状况'),
  professionalTitle: LrmxTextSchema.describe('ZhuanYeJiShuZhiWu 专业技术职务'),
  expertise: LrmxTextSchema.describe('ShuXiZhuanYeYouHeZhuanChang 熟悉专业有何专长'),
  fullTimeEducation: LrmxTextSchema.describe('QuanRiZhiJiaoYu_XueLi'),
  fullTimeDegree: LrmxTextSchema.describe('QuanRiZhiJiaoYu_XueWei'),
  fullTimeEducationSchool: LrmxTextSchema.describe('QuanRiZhiJiaoYu_XueLi_BiYeYuanXiaoXi'),
  fullTimeDegreeSchool: LrmxTextSchema.describe('QuanRiZhiJiaoYu_XueWei_BiYeYuanXiaoXi'),
  inServiceEducation: LrmxTextSchema.describe('ZaiZhiJiaoYu_XueLi'),
  inServiceDegree: LrmxTextSchema.describe('ZaiZhiJiaoYu_XueWei'),
  inServiceEducationSchool: LrmxTextSchema.describe('ZaiZhiJiaoYu_XueLi_BiYeYuanXiaoXi'),
  inServiceDegreeSchool: LrmxTextSchema.describe('ZaiZhiJiaoYu_XueWei_BiYeYuanXiaoXi'),
  currentPost: LrmxTextSchema.describe('XianRenZhiWu 现任职务'),
  proposedPost: LrmxTextSchema.describe('NiRenZhiWu 拟任职务'),
  postToRemove: LrmxTextSchema.describe('NiMianZhiWu 拟免职务'),
  resume: lrmxText(LRMX_LONG_TEXT_LENGTHS.resume).describe('JianLi 简历, one entry a line'),
  rewardsAndSanctions: lrmxText(LRMX_LONG_TEXT_LENGTHS.rewardsAndSanctions).describe('JiangChengQingKuang 奖惩情况'),
  annualAssessments: LrmxTextSchema.describe('NianDuKaoHeJieGuo 年度考核结果'),
  appointmentReason: LrmxTextSchema.describe('RenMianLiYou 任免理由'),
  family: z.array(LrmxFamilyMemberSchema).default([]).describe('JiaTingChengYuan 家庭主要成员及重要社会关系'),
  submittingUnit: LrmxTextSchema.describe('ChengBaoDanWei 呈报单位'),
  ageReferenceDate: LrmxTextSchema.describe('JiSuanNianLingShiJian 计算年龄时间'),
  fillDate: LrmxTextSchema.describe('TianBiaoShiJian 填表时间'),
  filledBy: LrmxTextSchema.describe('TianBiaoRen 填表人'),
  idNumber: LrmxTextSchema.overwrite(normalizeIdNumber).describe('ShenFenZheng 身份证号, x upper-cased'),
  photoBase64: lrmxText(LRMX_LONG_TEXT_LENGTHS.photoBase64).overwrite((value) => value.replace(/^data:[^,]*,/, '').replace(/\s+/g, '')).describe(
    'ZhaoPian 照片: base64 JPEG without a data: prefix',
  ),
  version: LrmxTextSchema.describe('Version: the editor version the file was written by'),
  extras: z.array(LrmxExtraElementSchema).default([]),
});
export type LrmxPerson = z.infer<typeof LrmxPersonSchema>;
