import { Types } from 'mongoose';
import { CadreInputSchema, type CadreInput, type CorrectableField } from '@cadre/shared-models';
import { aCadreInput } from '../test/factories.js';
import { prepareCadreFields, toCadreRecord, type CadreUnit, type StoredCadre } from '../cadres/cadre-writer.js';
import { describeCorrectableField } from './correction-values.js';

const UNIT: CadreUnit = { _id: new Types.ObjectId(), name: '甲街道', type: 'street', ancestorIds: [] };

function aRecord(overrides: Partial<CadreInput> = {}, texts: { resumeText?: string } = {}) {
  const fields = prepareCadreFields(CadreInputSchema.parse(aCadreInput(UNIT, { name: '张三', ...overrides })), UNIT, texts);
  return toCadreRecord({ ...fields, _id: new Types.ObjectId(), __v: 0 } as unknown as StoredCadre, UNIT.name);
}

describe('describeCorrectableField: the current value a correction request keeps', () => {
  const cases: Array<[CorrectableField, Partial<CadreInput>, string]> = [
    ['name', {}, '张三'],
    ['ethnicity', {}, '汉族'],
    ['nativePlace', {}, '重庆江北'],
    ['birthPlace', { birthPlace: '' }, '（未填写）'],
    ['health', { health: '一般' }, '一般'],
    ['professionalTitle', {}, '（未填写）'],
    ['expertise', { expertise: '城市基层治理' }, '城市基层治理'],
    ['birthMonth', {}, '1980.05'],
    ['workStartMonth', {}, '2002.07'],
    ['partyJoinMonth', {}, '中共党员 2003.07'],
    ['partyJoinMonth', { partyJoinMonth: null }, '群众'],
    ['partyJoinMonth', { otherParty: '民盟', partyJoinMonth: '2001-06' }, '民盟 2001.06'],
    ['partyJoinMonth', { otherParty: '无党派人士', partyJoinMonth: null }, '无党派人士'],
    ['fullTimeEducation', {}, '大学本科 学士 西南大学汉语言文学专业 西南大学'],
    [
      'fullTimeEducation',
      { fullTimeEducation: { education: '大学专科', degree: '无', educationSchool: '重庆电大', degreeSchool: '' } },
      '大学专科 重庆电大',
    ],
    [
      'inServiceEducation',
      { inServiceEducation: { education: '研究生', degree: '硕士', educationSchool: '重庆大学', degreeSchool: '重庆大学' } },
      '研究生 硕士 重庆大学',
    ],
    ['inServiceEducation', {}, '（未填写）'],
    ['positions', {}, `1998.09--2002.07  西南大学汉语言文学专业学习\n2002.07--${' '.repeat(9)}重庆市江北区某街道办事处科员`],
    ['positions', { positions: [] }, '（未填写）'],
    ['commendations', {}, '2019.12 嘉奖'],
    ['commendations', { commendations: [] }, '无'],
    ['annualAssessments', {}, '2022年度称职；2023年度优秀'],
    ['family', {}, '妻子 李某 1982.03 中共党员 重庆市某中学教师'],
    ['family', { family: [] }, '（未填写）'],
    ['other', {}, ''],
  ];
  for (const [field, overrides, expected] of cases) {
    it(`${field}${Object.keys(overrides).length ? ` (${JSON.stringify(overrides)})` : ''} → ${JSON.stringify(expected)}`, () => {
      expect(describeCorrectableField(aRecord(overrides), field)).toBe(expected);
    });
  }

  it('shows an imported 简历 as the form prints it', () => {
    expect(describeCorrectableField(aRecord({}, { resumeText: '1998.09-2002.07 西南大学学习' }), 'positions')).toBe('1998.09-2002.07 西南大学学习');
  });
});
