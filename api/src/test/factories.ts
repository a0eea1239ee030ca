import { pino } from 'pino';
import { Types } from 'mongoose';
import { CadreInputSchema, type CadreInput, type UnitType } from '@cadre/shared-models';
import { UnitModel } from '../units/unit.model.js';
import { CadreModel } from '../cadres/cadre.model.js';
import { prepareCadreFields } from '../cadres/cadre-writer.js';
import type { SessionActor } from '../platform/actor.js';

let sequence = 0;

export async function aUnit(overrides: { name?: string; type?: UnitType; parent?: { _id: Types.ObjectId; ancestorIds: Types.ObjectId[] } } = {}) {
  sequence += 1;
  const parent = overrides.parent;
  return UnitModel.create({
    name: overrides.name ?? `测试单位${sequence}`,
    code: `T-${sequence}`,
    type: overrides.type ?? 'department',
    parentId: parent?._id ?? null,
    ancestorIds: parent ? [...parent.ancestorIds, parent._id] : [],
    sortOrder: sequence,
  });
}

type UnitLike = Awaited<ReturnType<typeof aUnit>>;

/**
 * A complete, valid record as a client would send it to POST /api/cadres (no ID number unless
 * given: a valid one must agree with the sex, so specs choose it).
 */
export function aCadreInput(unit: { _id: Types.ObjectId }, overrides: Partial<CadreInput> = {}): CadreInput {
  sequence += 1;
  return {
    name: `测试干部${sequence}`,
    sex: '男',
    birthMonth: '1980-05',
    ethnicity: '汉族',
    nativePlace: '重庆江北',
    birthPlace: '重庆江北',
    partyJoinMonth: '2003-07',
    otherParty: null,
    workStartMonth: '2002-07',
    health: '健康',
    professionalTitle: '',
    expertise: '',
    fullTimeEducation: { education: '大学本科', degree: '学士', educationSchool: '西南大学汉语言文学专业', degreeSchool: '西南大学' },
    inServiceEducation: { education: null, degree: null, educationSchool: '', degreeSchool: '' },
    unitId: String(unit._id),
    post: '科员',
    postLevel: '非领导职务',
    rank: '一级科员',
    postStartMonth: '2015-03',
    category: '综合管理类',
    appointmentType: '委任',
    idNumber: null,
    positions: [
      { start: '1998-09', end: '2002-07', text: '西南大学汉语言文学专业学习' },
      { start: '2002-07', end: null, text: '重庆市江北区某街道办事处科员' },
    ],
    commendations: [{ kind: 'commendation', month: '2019-12', text: '嘉奖' }],
    annualAssessments: [
      { year: 2022, grade: '称职' },
      { year: 2023, grade: '优秀' },
    ],
    family: [{ title: '妻子', name: '李某', birthMonth: '1982-03', politicalStatus: '中共党员', workUnitAndPost: '重庆市某中学教师', extras: [] }],
    manualTags: [],
    ...overrides,
  };
}

/**
 * A full cadre record stored directly (no audit, no ledger note), derived fields computed as the
 * writer computes them. Overrides are stored fields and win over the derived ones.
 */
export async function aCadre(unit: UnitLike, overrides: Record<string, unknown> = {}) {
  const fields = prepareCadreFields(CadreInputSchema.parse(aCadreInput(unit)), unit);
  return CadreModel.create({ ...fields, ...overrides });
}

/** A signed-in caller for calling services directly, without a request. */
export function anActor(overrides: Partial<SessionActor> = {}): SessionActor {
  sequence += 1;
  return {
    id: new Types.ObjectId().toHexString(),
    username: `actor${sequence}`,
    displayName: `测试用户${sequence}`,
    roles: ['org_admin'],
    unitId: null,
    cadreId: null,
    ip: '127.0.0.1',
    requestId: null,
    log: pino({ level: 'silent' }),
    ...overrides,
  };
}
