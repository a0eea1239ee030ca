import { AppointmentFormFieldsSchema, CadreRecordSchema, type CadreRecord } from '@cadre/shared-models';

export const RECORD_ID = '65c000000000000000000042';
export const UNIT_ID = '65d000000000000000000003';

/** A full record as GET /api/cadres/:id returns it (fictional person); specs override what they test. */
export function aCadreRecord(overrides: Partial<CadreRecord> = {}): CadreRecord {
  return CadreRecordSchema.parse({
    id: RECORD_ID,
    version: 4,
    name: '陈静',
    sex: '女',
    birthMonth: '1986-04',
    ethnicity: '土家族',
    nativePlace: '重庆石柱',
    birthPlace: '重庆石柱',
    partyJoinMonth: '2008-06',
    otherParty: null,
    workStartMonth: '2009-07',
    health: '健康',
    professionalTitle: '经济师',
    expertise: '基层治理',
    fullTimeEducation: { education: '大学本科', degree: '学士', educationSchool: '西南大学经济管理学院', degreeSchool: '西南大学经济管理学院' },
    inServiceEducation: { education: '研究生', degree: '硕士', educationSchool: '重庆大学公共管理学院', degreeSchool: '重庆大学公共管理学院' },
    unitId: UNIT_ID,
    unitName: '观音桥街道',
    post: '观音桥街道办事处副主任',
    postLevel: '乡科级副职',
    rank: '一级主任科员',
    postStartMonth: '2021-03',
    category: '综合管理类',
    appointmentType: '委任',
    positions: [
      { start: '2005-09', end: '2009-07', text: '西南大学经济管理学院经济学专业学习' },
      {
        start: '2009-07',
        end: '2015-02',
        text: '石柱县南宾镇党政办科员',
        subEntries: [{ start: '2011-03', end: '2012-03', text: '挂职石柱县龙沙镇龙沙村第一书记' }],
      },
      { start: '2015-02', end: '2021-03', text: '江北区发展改革委科员、副科长' },
      { start: '2021-03', end: null, text: '观音桥街道办事处副主任' },
    ],
    commendations: [
      { kind: 'commendation', month: '2019-12', text: '被评为江北区优秀共产党员' },
      { kind: 'sanction', month: null, text: '诫勉谈话' },
    ],
    annualAssessments: [
      { year: 2023, grade: '称职' },
      { year: 2024, grade: '优秀' },
    ],
    family: [
      { title: '丈夫', name: '刘洋', birthMonth: '1984-10', politicalStatus: '中共党员', workUnitAndPost: '江北区教委科员', extras: [] },
      { title: '女儿', name: '刘欣然', birthMonth: '2014-05', politicalStatus: '群众', workUnitAndPost: '观音桥小学学生', extras: [] },
    ],
    manualTags: ['乡村振兴'],
    appointmentForm: AppointmentFormFieldsSchema.parse({ ageReferenceDate: '20250301', submittingUnit: '中共江北区委组织部', filledBy: '王敏' }),
    education: '研究生',
    degree: '硕士',
    school: '重庆大学公共管理学院',
    idNumberMasked: '500240********2026',
    hasPhoto: false,
    resumeText: '',
    commendationsText: '',
    annualAssessmentsText: '',
    derivedTags: [
      { tag: '少数民族干部', evidence: '民族：土家族' },
      { tag: '基层经历', evidence: '2009.07—2015.02 石柱县南宾镇党政办科员' },
    ],
    updatedAt: '2025-03-02T08:00:00.000Z',
    ...overrides,
  });
}
