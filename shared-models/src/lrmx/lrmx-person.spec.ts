import { LRMX_ELEMENTS, LrmxPersonSchema, type LrmxExtraElement } from './lrmx-person.js';

describe('LrmxPersonSchema', () => {
  it('fills every missing value with an empty string and the lists with empty arrays', () => {
    const person = LrmxPersonSchema.parse({});
    for (const [, field] of LRMX_ELEMENTS) {
      expect(person[field]).withContext(field).toEqual(field === 'family' ? [] : '');
    }
    expect(person.extras).toEqual([]);
  });

  const normalized: Array<[field: 'name' | 'idNumber' | 'photoBase64' | 'resume' | 'birthMonth', input: string, output: string]> = [
    ['name', ' 张\u3000 三 ', '张三'],
    ['idNumber', ' 11010519491231002x ', '11010519491231002X'],
    ['photoBase64', 'data:image/jpeg;base64,/9j/\n4AAQ\r\n', '/9j/4AAQ'],
    ['resume', '\r\n2005.09--2009.07  学习\r\n2009.07--  工作\r', '2005.09--2009.07  学习\n2009.07--  工作'],
    ['birthMonth', '  199001\n', '199001'],
  ];
  for (const [field, input, output] of normalized) {
    it(`normalizes ${field} ${JSON.stringify(input)} to ${JSON.stringify(output)}`, () => {
      expect(LrmxPersonSchema.parse({ [field]: input })[field]).toBe(output);
    });
  }

  it('keeps the spaces inside a family member’s name, which the form only pads for the cadre', () => {
    const person = LrmxPersonSchema.parse({ family: [{ title: '妻子', name: 'Anna Li' }] });
    expect(person.family[0]?.name).toBe('Anna Li');
    expect(person.family[0]?.extras).toEqual([]);
  });

  const badExtras: Array<[title: string, extra: object]> = [
    ['an element name with a namespace prefix', { name: 'xsi:nil', value: '' }],
    ['an element name starting with a digit', { name: '1Bad', value: '' }],
    ['the name of a modelled element', { name: 'XingMing', value: '张三' }],
    ['a position after an element the form does not have', { name: 'DaoLingNianYue', value: '', after: 'Nope' }],
  ];
  for (const [title, extra] of badExtras) {
    it(`refuses an extra element with ${title}`, () => {
      expect(LrmxPersonSchema.safeParse({ extras: [extra] }).success).toBeFalse();
    });
  }

  it('accepts an extra element placed first, after a known element, or with no position', () => {
    const extras: LrmxExtraElement[] = [
      { name: 'Before', value: '', after: null },
      { name: 'DaoLingNianYue', value: '204005', after: 'CanJiaGongZuoShiJian' },
      { name: '备注', value: '无' },
    ];
    expect(LrmxPersonSchema.parse({ extras }).extras).toEqual(extras);
  });
});
