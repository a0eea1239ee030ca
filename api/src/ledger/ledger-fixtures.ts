import { aCadre, aUnit } from '../test/factories.js';

/** Test data for the ledger specs (a factory, as in test/factories.ts). */

/** A birth month that makes the cadre exactly `age` today, whatever the date the specs run on. */
export function bornAged(age: number, on = new Date()): string {
  return `${on.getUTCFullYear() - age}-${String(on.getUTCMonth() + 1).padStart(2, '0')}`;
}

/** A start month recent enough never to earn 任现职满五年. */
function recentStart(on = new Date()): string {
  return `${on.getUTCFullYear() - 1}-01`;
}

type Unit = Awaited<ReturnType<typeof aUnit>>;

/**
 * A cadre whose tags come only from the given facts: no history, commendations or assessments
 * unless given, so a spec can say exactly which tags the ledger derives.
 */
export function aPerson(unit: Unit, name: string, facts: Record<string, unknown> = {}) {
  return aCadre(unit, {
    name,
    ethnicity: '汉族',
    partyJoinMonth: '2005-07',
    otherParty: null,
    postStartMonth: recentStart(),
    appointmentType: '委任',
    positions: [],
    commendations: [],
    annualAssessments: [],
    manualTags: [],
    ...facts,
  });
}

/**
 * A street with a sub-unit and a department under a root, and six cadres spread over them. In
 * pinyin order the names run 阿依古丽, 陈刚, 李娜, 王芳, 张伟, 赵敏.
 */
export async function aSmallDistrict() {
  const root = await aUnit({ name: '江北区委', type: 'party_committee' });
  const street = await aUnit({ name: '观音桥街道', type: 'street', parent: root });
  const centre = await aUnit({ name: '观音桥社区服务中心', type: 'public_institution', parent: street });
  const bureau = await aUnit({ name: '区城市管理局', type: 'department', parent: root });
  const people = {
    zhangWei: await aPerson(street, '张伟', {
      sex: '男', birthMonth: bornAged(30), education: '研究生', degree: '硕士', category: '综合管理类',
      postLevel: '乡科级副职', rank: '四级主任科员', post: '党政办公室主任', manualTags: ['信访'],
    }),
    liNa: await aPerson(centre, '李娜', {
      sex: '女', birthMonth: bornAged(42), education: '大学本科', degree: '学士', category: '专业技术类',
      postLevel: '非领导职务', rank: '一级科员', post: '网格员',
    }),
    wangFang: await aPerson(bureau, '王芳', {
      sex: '女', birthMonth: bornAged(52), education: '大学专科', degree: '无', category: '行政执法类',
      postLevel: '乡科级正职', rank: '一级主任科员', post: '执法大队队长',
    }),
    chenGang: await aPerson(bureau, '陈刚', {
      sex: '男', birthMonth: bornAged(38), education: '大学本科', degree: '学士', category: '综合管理类',
      postLevel: '非领导职务', rank: '二级科员', post: '科员',
    }),
    zhaoMin: await aPerson(street, '赵敏', {
      sex: '女', birthMonth: bornAged(57), education: '研究生', degree: '硕士', category: '综合管理类',
      postLevel: '县处级副职', rank: '三级调研员', post: '街道党工委书记',
    }),
    ayiGuli: await aPerson(centre, '阿依古丽', {
      sex: '女', birthMonth: bornAged(29), ethnicity: '维吾尔族', education: '大学本科', degree: '学士',
      category: '综合管理类', postLevel: '非领导职务', rank: '二级科员', post: '社区服务中心主任',
    }),
  };
  return { root, street, centre, bureau, people };
}
