import { LrmxPersonSchema, type LrmxPerson } from './lrmx-person.js';
import { validateLrmxPerson, type LrmxFieldProblem } from './lrmx-validation.js';

const today = new Date('2026-05-20T12:00:00Z');

function aPerson(overrides: Partial<LrmxPerson> = {}): LrmxPerson {
  return LrmxPersonSchema.parse({
    name: '张三',
    sex: '男',
    birthMonth: '198005',
    partyJoin: '200106',
    workStartMonth: '200207',
    idNumber: '500105198005120012',
    family: [
      { title: '妻子', name: '李四', birthMonth: '198201', politicalStatus: '中共党员', workUnitAndPost: '某某局科员' },
    ],
    ...overrides,
  });
}

describe('validateLrmxPerson', () => {
  it('finds nothing wrong with a complete form', () => expect(validateLrmxPerson(aPerson(), today)).toEqual([]));

  it('finds nothing wrong with optional dates and the ID number left empty', () => {
    const person = aPerson({ partyJoin: '', workStartMonth: '', idNumber: '', ageReferenceDate: '', fillDate: '' });
    expect(validateLrmxPerson(person, today)).toEqual([]);
  });

  const cases: Array<[title: string, overrides: Partial<LrmxPerson>, problems: LrmxFieldProblem[]]> = [
    ['requires 姓名', { name: '' }, [{ field: 'XingMing', message: '姓名不能为空' }]],
    ['requires 性别 of 男 or 女', { sex: '1' }, [{ field: 'XingBie', message: '性别应为“男”或“女”' }]],
    ['requires 性别', { sex: '' }, [{ field: 'XingBie', message: '性别应为“男”或“女”' }]],
    ['requires 出生年月', { birthMonth: '' }, [{ field: 'ChuShengNianYue', message: '出生年月不能为空' }]],
    [
      'requires 出生年月 to parse',
      { birthMonth: '1980年5月' },
      [{ field: 'ChuShengNianYue', message: '出生年月“1980年5月”无法识别，应为 yyyyMM' }],
    ],
    [
      'requires 参加工作时间, 计算年龄时间 and 填表时间 to parse when present',
      { workStartMonth: '2002', ageReferenceDate: '20260231', fillDate: '2026.13' },
      [
        { field: 'CanJiaGongZuoShiJian', message: '参加工作时间“2002”无法识别，应为 yyyyMM' },
        { field: 'JiSuanNianLingShiJian', message: '计算年龄时间“20260231”无法识别，应为 yyyyMM' },
        { field: 'TianBiaoShiJian', message: '填表时间“2026.13”无法识别，应为 yyyyMM' },
      ],
    ],
    ['accepts a party name in 入党时间', { partyJoin: '200106；民盟' }, []],
    [
      'requires the date in 入党时间 to parse',
      { partyJoin: '200113' },
      [{ field: 'RuDangShiJian', message: '入党时间“200113”无法识别，应为 yyyyMM、党派名称或两者（如 200106；民盟）' }],
    ],
    [
      'checks 到龄年月 when a newer file carries it',
      { extras: [{ name: 'DaoLingNianYue', value: '2040' }, { name: 'Other', value: '2040' }] },
      [{ field: 'DaoLingNianYue', message: '到龄年月“2040”无法识别，应为 yyyyMM' }],
    ],
    ['reports a wrong ID check digit', { idNumber: '500105198005120013' }, [{ field: 'ShenFenZheng', message: '身份证号校验码错误，应为 2' }]],
    ['reports a short ID number', { idNumber: '50010519800512' }, [{ field: 'ShenFenZheng', message: '身份证号应为 18 位，实为 14 位' }]],
    ['accepts a JPEG photo', { photoBase64: '/9j/4AAQSkZJRg==' }, []],
    ['refuses a PNG photo', { photoBase64: 'iVBORw0KGgo=' }, [{ field: 'ZhaoPian', message: '照片应为 base64 编码的 JPEG 图片' }]],
    ['refuses a photo that is not base64', { photoBase64: '/9j/<script>' }, [{ field: 'ZhaoPian', message: '照片应为 base64 编码的 JPEG 图片' }]],
    [
      'requires 称谓 and 姓名 on a family row with any value',
      { family: LrmxPersonSchema.shape.family.parse([{ politicalStatus: '群众' }]) },
      [
        { field: 'JiaTingChengYuan[0].ChengWei', message: '家庭成员第 1 行缺少称谓' },
        { field: 'JiaTingChengYuan[0].XingMing', message: '家庭成员第 1 行缺少姓名' },
      ],
    ],
    ['ignores a family row with no value', { family: LrmxPersonSchema.shape.family.parse([{}]) }, []],
    [
      'requires a family member’s 出生日期 to parse, numbering rows from 1',
      {
        family: LrmxPersonSchema.shape.family.parse([
          { title: '父亲', name: '张一' },
          { title: '母亲', name: '王二', birthMonth: '五十年代' },
        ]),
      },
      [{ field: 'JiaTingChengYuan[1].ChuShengRiQi', message: '家庭成员第 2 行出生日期“五十年代”无法识别，应为 yyyyMM' }],
    ],
  ];
  for (const [title, overrides, problems] of cases) {
    it(title, () => expect(validateLrmxPerson(aPerson(overrides), today)).toEqual(problems));
  }
});
