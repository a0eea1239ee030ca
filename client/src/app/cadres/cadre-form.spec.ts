import { FormControl } from '@angular/forms';
import { CadreInputSchema } from '@cadre/shared-models';
import { aCadreRecord } from './cadre-record.fixture';
import { buildCadreForm, familyGroup, monthValidator, toCadreInput } from './cadre-form';

describe('monthValidator', () => {
  const CASES: readonly [string, boolean, string | null][] = [
    ['1986.04', true, null],
    ['1986-04', true, null],
    ['198604', true, null],
    ['1986.4', true, null],
    ['', false, null],
    ['', true, '请填写年月，如 1986.04'],
    ['1986.13', true, '“1986.13”不是有效的年月，应如 1986.04'],
    ['八六年', false, '“八六年”不是有效的年月，应如 1986.04'],
    ['1850.01', true, '“1850.01”不是有效的年月，应如 1986.04'],
  ];
  for (const [value, required, message] of CASES) {
    it(`${message ? 'refuses' : 'accepts'} ${JSON.stringify(value)}${required ? ' (required)' : ''}`, () => {
      const errors = monthValidator(required)(new FormControl(value));

      expect(errors).toEqual(message ? { schema: message } : null);
    });
  }
});

describe('toCadreInput', () => {
  it('gives back what the record holds when nothing was touched, and passes the shared schema', () => {
    const record = aCadreRecord();
    const input = toCadreInput(buildCadreForm(record), record);

    expect(CadreInputSchema.safeParse(input).error?.issues).toBeUndefined();
    expect(input).toEqual(
      jasmine.objectContaining({
        birthMonth: '1986-04',
        partyJoinMonth: '2008-06',
        positions: record.positions,
        commendations: record.commendations,
        annualAssessments: record.annualAssessments,
        idNumber: null,
      }),
    );
  });

  it('sends the entries the 简历 text parses to once it was edited', () => {
    const record = aCadreRecord();
    const form = buildCadreForm(record);
    form.controls.resume.setValue('2005.09--2009.07  西南大学学习\n2009.07--  南宾镇科员');

    expect(toCadreInput(form, record).positions).toEqual([
      { start: '2005-09', end: '2009-07', text: '西南大学学习' },
      { start: '2009-07', end: null, text: '南宾镇科员' },
    ]);
  });

  it('turns typed months into yyyy-MM and an empty one into null', () => {
    const record = aCadreRecord();
    const form = buildCadreForm(record);
    form.controls.birthMonth.setValue('198605');
    form.controls.partyJoinMonth.setValue('');

    expect(toCadreInput(form, record)).toEqual(jasmine.objectContaining({ birthMonth: '1986-05', partyJoinMonth: null }));
  });

  it('keeps what an imported file held beyond the shown fields', () => {
    const record = aCadreRecord();
    const imported = {
      ...record,
      family: [{ ...record.family[0]!, extras: [{ name: 'BeiZhu', value: '备注' }], asWritten: { ChuShengRiQi: '19841003' } }],
      appointmentForm: { ...record.appointmentForm, version: '3.2.1.16', extras: [{ name: 'DaoLingNianYue', value: '204604' }], asWritten: { XingBie: '女' } },
    };
    const input = toCadreInput(buildCadreForm(imported), imported);

    expect(input.family![0]).toEqual(jasmine.objectContaining({ extras: [{ name: 'BeiZhu', value: '备注' }], asWritten: { ChuShengRiQi: '19841003' } }));
    expect(input.appointmentForm).toEqual(
      jasmine.objectContaining({ version: '3.2.1.16', extras: [{ name: 'DaoLingNianYue', value: '204604' }], asWritten: { XingBie: '女' } }),
    );
  });

  it('sends a typed ID number, and null for an empty box (the stored one stays)', () => {
    const record = aCadreRecord();
    const form = buildCadreForm(record);
    expect(toCadreInput(form, record).idNumber).toBeNull();

    form.controls.idNumber.setValue('11010519491231002x');
    expect(toCadreInput(form, record).idNumber).toBe('11010519491231002x');
  });

  it('checks a family row with the shared rules', () => {
    const row = familyGroup(null);

    expect(row.controls.title.errors).toEqual({ schema: '称谓不能为空' });
    expect(row.controls.name.errors).toEqual({ schema: '姓名不能为空' });
    expect(row.controls.birthMonth.errors).toBeNull();
  });
});
