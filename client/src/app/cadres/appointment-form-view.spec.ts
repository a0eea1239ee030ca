import { AppointmentFormFieldsSchema } from '@cadre/shared-models';
import { MIN_FAMILY_ROWS, buildAppointmentForm, formDateText } from './appointment-form-view';
import { aCadreRecord } from './cadre-record.fixture';
import { partyText } from './record-format';

const TODAY = new Date('2026-06-15T00:00:00Z');

function formFields(fields: Record<string, string>) {
  return AppointmentFormFieldsSchema.parse(fields);
}

describe('buildAppointmentForm', () => {
  // docs/lrmx.md: age = reference date (计算年龄时间, else 填表时间, else today) minus birth month,
  // minus one when the birth month is not yet reached.
  const BIRTH_CELLS: readonly [string, Record<string, string>, string][] = [
    ['at 计算年龄时间, birth month passed', { ageReferenceDate: '20250501' }, '1986.04（39岁）'],
    ['at 计算年龄时间, birth month not reached', { ageReferenceDate: '20250301' }, '1986.04（38岁）'],
    ['at 计算年龄时间 in the birth month', { ageReferenceDate: '202504' }, '1986.04（39岁）'],
    ['at 填表时间 when no reference date', { fillDate: '202401' }, '1986.04（37岁）'],
    ['today when neither is given', {}, '1986.04（40岁）'],
  ];
  for (const [name, fields, expected] of BIRTH_CELLS) {
    it(`prints the birth cell with the age ${name}`, () => {
      const form = buildAppointmentForm(aCadreRecord({ appointmentForm: formFields(fields) }), TODAY);

      expect(form.birth).toBe(expected);
    });
  }

  it('counts family ages at the same date and pads the table with blank rows', () => {
    const form = buildAppointmentForm(aCadreRecord({ appointmentForm: formFields({ ageReferenceDate: '20250301' }) }), TODAY);

    expect(form.family.slice(0, 2).map((row) => [row.title, row.name, row.age])).toEqual([
      ['丈夫', '刘洋', '40'],
      ['女儿', '刘欣然', '10'],
    ]);
    expect(form.family.length).toBe(MIN_FAMILY_ROWS);
    expect(form.family[2]).toEqual({ title: '', name: '', age: '', politicalStatus: '', workUnitAndPost: '' });
  });

  it('leaves the age blank for a relative without a birth month', () => {
    const record = aCadreRecord();
    const form = buildAppointmentForm({ ...record, family: [{ ...record.family[0]!, birthMonth: null }] }, TODAY);

    expect(form.family[0]!.age).toBe('');
  });

  it('prints the kept 简历 text verbatim, period and text in their columns', () => {
    const form = buildAppointmentForm(
      aCadreRecord({ resumeText: '2005.09--2009.07  西南大学学习\n2021.03--         观音桥街道办事处副主任\n（其间：无）' }),
      TODAY,
    );

    expect(form.resume).toEqual([
      { period: '2005.09--2009.07', text: '西南大学学习' },
      { period: '2021.03--', text: '观音桥街道办事处副主任' },
      { period: '', text: '（其间：无）' },
    ]);
  });

  // A kept 简历 comes from an imported file: a long run of spaces before text holding U+2028 made
  // the line pattern split the spaces every possible way (seconds at 2,000 characters).
  it('prints a 10,000-character adversarial 简历 line within 500 ms', () => {
    const line = `2001.01--${' '.repeat(5_000)}${'a'.repeat(5_000)}\u2028b`;
    const started = performance.now();
    const form = buildAppointmentForm(aCadreRecord({ resumeText: line }), TODAY);

    expect(performance.now() - started).toBeLessThan(500);
    expect(form.resume).toEqual([{ period: '2001.01--', text: `${'a'.repeat(5_000)}\u2028b` }]);
  });

  it('formats the entries when the record keeps no text of its own', () => {
    const form = buildAppointmentForm(aCadreRecord(), TODAY);

    expect(form.resume[1]).toEqual({ period: '2009.07--2015.02', text: '石柱县南宾镇党政办科员（其间：2011.03--2012.03  挂职石柱县龙沙镇龙沙村第一书记）' });
    expect(form.commendations).toBe('2019.12 被评为江北区优秀共产党员\n诫勉谈话');
    expect(form.annualAssessments).toBe('2023年度称职；2024年度优秀');
  });

  it('prints the last three years of 年度考核结果, as the official form does, oldest first', () => {
    const annualAssessments = [2019, 2020, 2021, 2022, 2023].map((year) => ({ year, grade: year === 2022 ? '优秀' : '称职' }) as const);
    const form = buildAppointmentForm(
      aCadreRecord({ annualAssessments, annualAssessmentsText: '2019年度称职；2020年度称职；2021年度称职；2022年度优秀；2023年度称职' }),
      TODAY,
    );

    expect(form.annualAssessments).toBe('2021年度称职；2022年度优秀；2023年度称职');
  });

  it('prints an imported 年度考核 text with no readable years as it came', () => {
    const form = buildAppointmentForm(aCadreRecord({ annualAssessments: [], annualAssessmentsText: '近三年考核均为称职' }), TODAY);

    expect(form.annualAssessments).toBe('近三年考核均为称职');
  });

  it('prints both education rows with their schools', () => {
    const form = buildAppointmentForm(aCadreRecord(), TODAY);

    expect(form.fullTime).toEqual({ education: '大学本科 学士', school: '西南大学经济管理学院' });
    expect(form.inService).toEqual({ education: '研究生 硕士', school: '重庆大学公共管理学院' });
  });
});

describe('partyText', () => {
  const CASES: readonly [string | null, string | null, string][] = [
    ['2008-06', null, '2008.06'],
    ['2001-06', '民盟', '2001.06；民盟'],
    [null, '民盟', '民盟'],
    [null, '无党派人士', '无党派人士'],
    [null, null, ''],
  ];
  for (const [partyJoinMonth, otherParty, expected] of CASES) {
    it(`prints ${JSON.stringify(expected)} for ${partyJoinMonth} / ${otherParty}`, () => {
      expect(partyText({ partyJoinMonth, otherParty: otherParty as never })).toBe(expected);
    });
  }
});

describe('formDateText', () => {
  const CASES: readonly [string, string][] = [
    ['20240315', '2024.03.15'],
    ['202403', '2024.03'],
    ['', ''],
    ['2024年3月', '2024年3月'],
  ];
  for (const [written, expected] of CASES) {
    it(`prints ${JSON.stringify(written)} as ${JSON.stringify(expected)}`, () => {
      expect(formDateText(written)).toBe(expected);
    });
  }
});
