import { Types } from 'mongoose';
import type { UnitType } from '@cadre/shared-models';
import { UnitModel } from '../units/unit.model.js';
import { CadreModel } from '../cadres/cadre.model.js';

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

export async function aCadre(unit: UnitLike, overrides: Record<string, unknown> = {}) {
  sequence += 1;
  return CadreModel.create({
    name: `测试干部${sequence}`,
    sex: '男',
    birthMonth: '1980-05',
    ethnicity: '汉族',
    nativePlace: '重庆江北',
    partyJoinMonth: '2003-07',
    workStartMonth: '2002-07',
    education: '大学本科',
    degree: '学士',
    school: '西南大学汉语言文学专业',
    unitId: unit._id,
    unitPath: [...unit.ancestorIds, unit._id],
    unitType: unit.type,
    post: '科员',
    postLevel: '非领导职务',
    rank: '一级科员',
    postStartMonth: '2015-03',
    category: '综合管理类',
    appointmentType: '委任',
    ...overrides,
  });
}
