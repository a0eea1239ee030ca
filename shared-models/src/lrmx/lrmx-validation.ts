import { validateIdNumber } from '../id-number/id-number.js';
import { parsePartyField, parseYearMonth } from './lrmx-dates.js';
import type { LrmxPerson } from './lrmx-person.js';

/** What is wrong with one element of a form, named as in the file (`JiaTingChengYuan[0].ChengWei`). */
export interface LrmxFieldProblem {
  field: string;
  message: string;
}

// 到龄年月 is not one of the modelled elements yet, but newer files carry it and it is a date.
const DATED_EXTRAS: Readonly<Record<string, string>> = { DaoLingNianYue: '到龄年月' };

/**
 * The problems that would make importing this form wrong rather than merely incomplete. `today`
 * bounds the birth date read from the ID number.
 */
export function validateLrmxPerson(person: LrmxPerson, today: Date = new Date()): LrmxFieldProblem[] {
  const problems: LrmxFieldProblem[] = [];
  const report = (field: string, message: string) => problems.push({ field, message });

  if (person.name === '') report('XingMing', '姓名不能为空');
  if (person.sex !== '男' && person.sex !== '女') report('XingBie', '性别应为“男”或“女”');
  if (person.birthMonth === '') report('ChuShengNianYue', '出生年月不能为空');

  const dates: Array<[field: string, label: string, value: string]> = [
    ['ChuShengNianYue', '出生年月', person.birthMonth],
    ['CanJiaGongZuoShiJian', '参加工作时间', person.workStartMonth],
    ['JiSuanNianLingShiJian', '计算年龄时间', person.ageReferenceDate],
    ['TianBiaoShiJian', '填表时间', person.fillDate],
    ...person.extras
      .filter((extra) => DATED_EXTRAS[extra.name] !== undefined)
      .map((extra): [string, string, string] => [extra.name, DATED_EXTRAS[extra.name]!, extra.value]),
  ];
  for (const [field, label, value] of dates) {
    if (value !== '' && parseYearMonth(value) === null) report(field, `${label}“${value}”无法识别，应为 yyyyMM`);
  }

  if (person.partyJoin !== '' && parsePartyField(person.partyJoin) === null) {
    report(
      'RuDangShiJian',
      `入党时间“${person.partyJoin}”无法识别，应为 yyyyMM、党派名称或两者（如 200106；民盟）`,
    );
  }

  if (person.idNumber !== '') {
    const id = validateIdNumber(person.idNumber, today);
    if (!id.ok) report('ShenFenZheng', id.reason);
  }

  if (person.photoBase64 !== '' && !isJpegBase64(person.photoBase64)) {
    report('ZhaoPian', '照片应为 base64 编码的 JPEG 图片');
  }

  person.family.forEach((member, index) => {
    const row = `家庭成员第 ${index + 1} 行`;
    const field = (element: string) => `JiaTingChengYuan[${index}].${element}`;
    const values = [member.title, member.name, member.birthMonth, member.politicalStatus, member.workUnitAndPost];
    if (values.every((value) => value === '')) return;
    if (member.title === '') report(field('ChengWei'), `${row}缺少称谓`);
    if (member.name === '') report(field('XingMing'), `${row}缺少姓名`);
    if (member.birthMonth !== '' && parseYearMonth(member.birthMonth) === null) {
      report(field('ChuShengRiQi'), `${row}出生日期“${member.birthMonth}”无法识别，应为 yyyyMM`);
    }
  });

  return problems;
}

// A JPEG starts with FF D8 FF, which base64 spells "/9j/"; the type is checked by content, not trust.
function isJpegBase64(value: string): boolean {
  return value.length % 4 === 0 && /^[A-Za-z0-9+/]+={0,2}$/.test(value) && value.startsWith('/9j/');
}
