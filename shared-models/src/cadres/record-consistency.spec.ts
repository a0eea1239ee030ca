import { computeIdNumberCheckDigit } from '../id-number/id-number.js';
import { CadreInputSchema, type CadreInput } from './cadre-record.js';
import { checkRecordConsistency, currentChinaMonth } from './record-consistency.js';

// 15 June 2026, mid-morning in 北京.
const NOW = new Date('2026-06-15T02:00:00Z');

/** A valid 18-digit number born on `yyyymmdd`, odd (男) or even (女) in the 17th digit. */
function idNumber(yyyymmdd: string, sex: '男' | '女' = '男'): string {
  const first17 = `500105${yyyymmdd}01${sex === '男' ? '1' : '2'}`;
  return first17 + computeIdNumberCheckDigit(first17);
}

const base: CadreInput = {
  name: '张三',
  sex: '男',
  birthMonth: '1980-05',
  ethnicity: '汉族',
  partyJoinMonth: '2003-06',
  workStartMonth: '2002-07',
  fullTimeEducation: { education: '大学本科', degree: '学士' },
  inServiceEducation: { education: null, degree: null },
  unitId: '0123456789abcdef01234567',
  post: '区财政局综合科科长',
  postLevel: '乡科级正职',
  rank: '二级主任科员',
  postStartMonth: '2022-01',
  category: '综合管理类',
  appointmentType: '委任',
};

function problemsOf(patch: Partial<CadreInput>, storedIdNumber: string | null = null) {
  return checkRecordConsistency(CadreInputSchema.parse({ ...base, ...patch }), { now: NOW, storedIdNumber });
}

describe('checkRecordConsistency', () => {
  const cases: Array<[string, Partial<CadreInput>, string[]]> = [
    ['a consistent record', {}, []],
    // ID number against 出生年月
    ['an ID number of the same month', { idNumber: idNumber('19800512') }, []],
    ['an ID number a year off', { idNumber: idNumber('19810512') }, ['idNumber']],
    ['an ID number a month off', { idNumber: idNumber('19800612') }, ['idNumber']],
    ['the leap day 19960229 in February', { birthMonth: '1996-02', workStartMonth: '2018-07', partyJoinMonth: null, idNumber: idNumber('19960229') }, []],
    ['the leap day 19960229 against March', { birthMonth: '1996-03', workStartMonth: '2018-07', partyJoinMonth: null, idNumber: idNumber('19960229') }, ['idNumber']],
    ['the last day of a month', { idNumber: idNumber('19800531') }, []],
    ['the first day of the next month', { idNumber: idNumber('19800601') }, ['idNumber']],
    ['31 December against January of the next year', { birthMonth: '1981-01', idNumber: idNumber('19801231') }, ['idNumber']],
    ['1 January in its own month', { birthMonth: '1981-01', idNumber: idNumber('19810101') }, []],
    ['a woman’s number for a man', { idNumber: idNumber('19800512', '女') }, ['idNumber']],
    ['wrong month and wrong sex', { idNumber: idNumber('19800712', '女') }, ['idNumber', 'idNumber']],
    ['no ID number', { idNumber: null }, []],
    // dates in the future
    ['任现职时间 2030.01', { postStartMonth: '2030-01' }, ['postStartMonth']],
    ['任现职时间 next month', { postStartMonth: '2026-07' }, ['postStartMonth']],
    ['任现职时间 this month', { postStartMonth: '2026-06' }, []],
    ['出生年月 in the future', { birthMonth: '2027-01', workStartMonth: '2027-02', postStartMonth: '2027-03', partyJoinMonth: null }, ['birthMonth', 'workStartMonth', 'postStartMonth']],
    ['入党时间 in the future', { partyJoinMonth: '2026-09' }, ['partyJoinMonth']],
    ['a 简历 entry starting in the future', { positions: [{ start: '2026-08', end: null, text: '科长' }] }, ['positions.0.start']],
    ['a 简历 entry ending in the future', { positions: [{ start: '2020-01', end: '2027-01', text: '科长' }] }, ['positions.0.end']],
    ['an open 简历 entry', { positions: [{ start: '2020-01', end: null, text: '科长' }] }, []],
    [
      'a study period under way with its expected end',
      { positions: [{ start: '2020-01', end: null, text: '科长', subEntries: [{ start: '2024-09', end: '2027-07', text: '在职研究生学习' }] }] },
      [],
    ],
    [
      'a study period starting in the future',
      { positions: [{ start: '2020-01', end: null, text: '科长', subEntries: [{ start: '2026-09', end: '2029-07', text: '在职研究生学习' }] }] },
      ['positions.0.subEntries.0.start'],
    ],
    ['奖惩 next month', { commendations: [{ kind: 'commendation', month: '2026-07', text: '嘉奖' }] }, ['commendations.0.month']],
    ['年度考核 of this year', { annualAssessments: [{ year: 2026, grade: '称职' }] }, []],
    ['年度考核 of next year', { annualAssessments: [{ year: 2027, grade: '称职' }] }, ['annualAssessments.0.year']],
    ['a family member born next year', { family: [{ title: '女儿', name: '张小', birthMonth: '2027-01', politicalStatus: '', workUnitAndPost: '' }] }, ['family.0.birthMonth']],
    ['填表时间 in the future', { appointmentForm: { fillDate: '20260701' } }, ['appointmentForm.fillDate']],
    ['计算年龄时间 in the future (a proposal may look ahead)', { appointmentForm: { ageReferenceDate: '20280101' } }, []],
    // order of dates and parties
    ['work before birth', { workStartMonth: '1980-04' }, ['workStartMonth']],
    ['post before work', { postStartMonth: '2002-06' }, ['postStartMonth']],
    ['无党派人士 with a join month', { otherParty: '无党派人士' }, ['partyJoinMonth']],
  ];
  for (const [what, patch, paths] of cases) {
    it(`${what}: ${paths.length === 0 ? 'no problems' : paths.join(', ')}`, () => {
      const problems = problemsOf(patch);
      expect(problems.map((p) => p.path)).toEqual(paths);
      for (const problem of problems) expect(problem.message).toMatch(/[\u4e00-\u9fff]/);
    });
  }

  it('names both months when the typed ID number disagrees', () => {
    const [problem] = problemsOf({ idNumber: idNumber('19810512') });
    expect(problem?.message).toBe('身份证号中的出生年月为 1981.05，与所填出生年月 1980.05 不一致');
  });

  it('checks the stored number when none is typed, and puts the problem on the typed field', () => {
    expect(problemsOf({ birthMonth: '1980-06' }, idNumber('19800512')).map((p) => p.path)).toEqual(['birthMonth']);
    expect(problemsOf({ sex: '女' }, idNumber('19800512')).map((p) => p.path)).toEqual(['sex']);
    expect(problemsOf({}, idNumber('19800512'))).toEqual([]);
  });

  it('checks a typed number rather than the stored one', () => {
    expect(problemsOf({ idNumber: idNumber('19800512') }, idNumber('19700101'))).toEqual([]);
  });

  it('leaves a masked or malformed number to the field’s own check', () => {
    const input = { ...CadreInputSchema.parse(base), idNumber: '500105********1234' };
    expect(checkRecordConsistency(input, { now: NOW })).toEqual([]);
    const short = { ...CadreInputSchema.parse(base), idNumber: '500105800512011' };
    expect(checkRecordConsistency(short, { now: NOW })).toEqual([]);
  });

  it('takes this month in China Standard Time', () => {
    // 07:00 on 1 July in 北京 is still 30 June in UTC.
    const earlyFirst = new Date('2026-06-30T23:00:00Z');
    expect(currentChinaMonth(earlyFirst)).toBe('2026-07');
    const input = CadreInputSchema.parse({ ...base, postStartMonth: '2026-07' });
    expect(checkRecordConsistency(input, { now: earlyFirst })).toEqual([]);
  });
});
