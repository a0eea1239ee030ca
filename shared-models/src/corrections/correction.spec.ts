import { CadreInputSchema } from '../cadres/cadre-record.js';
import {
  CORRECTABLE_FIELDS,
  CORRECTABLE_FIELD_KEYS,
  CorrectionDecisionSchema,
  changeKeysOutside,
  type CorrectableField,
} from './correction.js';

const EDUCATION = { education: '大学本科', degree: '学士', educationSchool: '重庆大学', degreeSchool: '重庆大学' };

describe('CORRECTABLE_FIELD_KEYS', () => {
  const cases: Array<[CorrectableField, object, string[]]> = [
    ['nativePlace', { nativePlace: '重庆渝北' }, []],
    ['nativePlace', { nativePlace: '重庆渝北', birthPlace: '重庆渝北' }, ['birthPlace']],
    ['partyJoinMonth', { partyJoinMonth: '2004-06', otherParty: '民盟' }, []],
    ['birthMonth', { birthMonth: '1980-06', otherParty: null }, ['otherParty']],
    ['positions', { positions: [] }, []],
    ['family', { family: [], commendations: [] }, ['commendations']],
    ['fullTimeEducation', { inServiceEducation: EDUCATION }, ['inServiceEducation']],
    ['other', { health: '一般', expertise: '财务管理', family: [] }, []],
    ['other', { unitId: 'x', postLevel: 'x', rank: 'x', category: 'x', idNumber: 'x' }, ['unitId', 'postLevel', 'rank', 'category', 'idNumber']],
  ];
  for (const [field, change, outside] of cases) {
    it(`${field} with ${Object.keys(change).join('+')}: outside ${outside.join('+') || 'none'}`, () => {
      expect(changeKeysOutside(field, change)).toEqual(outside);
    });
  }

  it('covers every correctable field, with keys the record input has, and never the organization’s own decisions', () => {
    expect(Object.keys(CORRECTABLE_FIELD_KEYS).sort()).toEqual(CORRECTABLE_FIELDS.map(([key]) => key).sort());
    const inputKeys = Object.keys(CadreInputSchema.shape);
    for (const keys of Object.values(CORRECTABLE_FIELD_KEYS)) {
      for (const key of keys) expect(inputKeys).toContain(key);
      for (const forbidden of ['unitId', 'postLevel', 'rank', 'category', 'idNumber', 'post']) expect(keys as readonly string[]).not.toContain(forbidden);
    }
    const others = new Set(Object.entries(CORRECTABLE_FIELD_KEYS).filter(([field]) => field !== 'other').flatMap(([, keys]) => keys));
    expect([...CORRECTABLE_FIELD_KEYS.other].sort()).toEqual([...others].sort());
  });
});

describe('CorrectionDecisionSchema', () => {
  const approval = (change: object) => ({ decision: 'approved', reason: '已核实', version: 3, change });
  const pathsOf = (body: object) => {
    const result = CorrectionDecisionSchema.safeParse(body);
    return result.success ? [] : result.error.issues.map((issue) => [issue.path.join('.'), issue.message]);
  };

  const cases: Array<[string, object, Array<[string, string]>]> = [
    ['a rejection with a reason', { decision: 'rejected', reason: '与档案一致' }, []],
    ['a rejection without a reason', { decision: 'rejected', reason: ' ' }, [['reason', '请填写审核意见']]],
    ['an approval of a place', approval({ nativePlace: '重庆渝北' }), []],
    ['an approval with an empty change (其他, the record stays)', approval({}), []],
    ['an approval without a version', { decision: 'approved', reason: '已核实', change: {} }, [['version', '缺少档案版本']]],
    ['a place too long', approval({ nativePlace: '重'.repeat(31) }), [['change.nativePlace', '不超过 30 个字']]],
    ['a month that is no month', approval({ birthMonth: '1980-13' }), [['change.birthMonth', '应为 yyyy-MM 格式的年月']]],
    ['the unit', approval({ unitId: '0123456789abcdef01234567' }), [['change.unitId', '不能通过更正申请修改此项']]],
    ['the ID number', approval({ idNumber: null }), [['change.idNumber', '不能通过更正申请修改此项']]],
    ['an unknown decision', { decision: 'maybe', reason: '已核实' }, [['decision', '请选择同意或驳回']]],
  ];
  for (const [name, body, expected] of cases) {
    it(name, () => expect(pathsOf(body)).toEqual(expected));
  }

  it('keeps only the keys sent: the record’s defaults are not filled into a change', () => {
    const parsed = CorrectionDecisionSchema.parse(approval({ nativePlace: '重庆渝北' }));
    expect(parsed).toEqual({ decision: 'approved', reason: '已核实', version: 3, change: { nativePlace: '重庆渝北' } });
  });
});
