import { CadreInputSchema, ManualTagSchema, type CadreInput } from './cadre-record.js';

// The smallest input the schema takes: everything else has a default.
const minimal: CadreInput = {
  name: '张三',
  sex: '男',
  birthMonth: '1980-03',
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

function parse(patch: Partial<Record<keyof CadreInput, unknown>>) {
  return CadreInputSchema.safeParse({ ...minimal, ...patch });
}

/** The messages of a failed parse, keyed by the dotted path they belong to. */
function messagesOf(patch: Partial<Record<keyof CadreInput, unknown>>): Record<string, string[]> {
  const result = parse(patch);
  if (result.success) return {};
  const messages: Record<string, string[]> = {};
  for (const issue of result.error.issues) (messages[issue.path.join('.')] ??= []).push(issue.message);
  return messages;
}

describe('CadreInputSchema', () => {
  it('fills the defaults of a minimal input', () => {
    const parsed = CadreInputSchema.parse(minimal);
    expect(parsed).toEqual(
      jasmine.objectContaining({
        nativePlace: '',
        birthPlace: '',
        otherParty: null,
        health: '健康',
        professionalTitle: '',
        expertise: '',
        idNumber: null,
        positions: [],
        commendations: [],
        annualAssessments: [],
        family: [],
        manualTags: [],
      }),
    );
    expect(parsed.fullTimeEducation).toEqual({ education: '大学本科', degree: '学士', educationSchool: '', degreeSchool: '' });
    expect(parsed.appointmentForm).toEqual(jasmine.objectContaining({ submittingUnit: '', version: '', extras: [] }));
  });

  const names: Array<[typed: string, stored: string]> = [
    ['张 三', '张三'],
    ['张\u3000三', '张三'],
    [' 欧阳 明月 ', '欧阳明月'],
  ];
  for (const [typed, stored] of names) {
    it(`stores the name ${JSON.stringify(typed)} as ${stored}`, () => {
      expect(CadreInputSchema.parse({ ...minimal, name: typed }).name).toBe(stored);
    });
  }

  it('refuses a one-character name, counted after the spaces are removed', () => {
    expect(messagesOf({ name: '张 ' })).toEqual({ name: ['姓名至少 2 个字'] });
  });

  const idNumbers: Array<[typed: string | null | undefined, stored: string | null]> = [
    ['11010519491231002x', '11010519491231002X'],
    ['11010519491231002X', '11010519491231002X'],
    [' 110101 19900307 4514 ', '110101199003074514'],
    ['', null],
    ['   ', null],
    [null, null],
    [undefined, null],
  ];
  for (const [typed, stored] of idNumbers) {
    it(`stores the ID number ${JSON.stringify(typed)} as ${stored}`, () => {
      expect(CadreInputSchema.parse({ ...minimal, idNumber: typed }).idNumber).toBe(stored);
    });
  }

  const badIdNumbers: Array<[typed: string, message: string]> = [
    ['110105194912310021', '身份证号校验码错误，应为 X'],
    ['11010519491231002', '身份证号应为 18 位，实为 17 位'],
    ['11010519491331002X', '身份证号中的出生日期 19491331 无效'],
  ];
  for (const [typed, message] of badIdNumbers) {
    it(`refuses the ID number ${typed}: ${message}`, () => expect(messagesOf({ idNumber: typed })).toEqual({ idNumber: [message] }));
  }

  const badMonths: Array<[field: keyof CadreInput, value: string]> = [
    ['birthMonth', '1980-13'],
    ['birthMonth', '1980.03'],
    ['workStartMonth', '198003'],
    ['postStartMonth', '2022-1'],
    ['partyJoinMonth', '1899-12'],
  ];
  for (const [field, value] of badMonths) {
    it(`refuses ${field} ${value} with the month format`, () => {
      expect(messagesOf({ [field]: value })).toEqual({ [field]: ['应为 yyyy-MM 格式的年月'] });
    });
  }

  it('names the row and field of a bad month deep inside the record', () => {
    const messages = messagesOf({
      positions: [{ start: '2002-07', end: '2022-1', text: '区财政局综合科科员' }],
      family: [{ title: '妻子', name: '李芳', birthMonth: '1982-00' }],
    });
    expect(messages).toEqual({ 'positions.0.end': ['应为 yyyy-MM 格式的年月'], 'family.0.birthMonth': ['应为 yyyy-MM 格式的年月'] });
  });

  it('keeps manual tags, trimmed', () => {
    expect(CadreInputSchema.parse({ ...minimal, manualTags: [' 后备干部 ', '选调生'] }).manualTags).toEqual(['后备干部', '选调生']);
  });

  it('refuses a bad manual tag, naming which one', () => {
    expect(messagesOf({ manualTags: ['后备干部', '后备 干部'] })).toEqual({ 'manualTags.1': ['标签为 1–12 个汉字、字母或数字'] });
  });
});

describe('ManualTagSchema', () => {
  const valid = ['后备干部', '选调生', 'A类人才', '援藏（2019）', '博士服务团-2024', '一二三四五六七八九十一二', '少数·民族'];
  for (const tag of valid) {
    it(`accepts ${tag}`, () => expect(ManualTagSchema.safeParse(tag).success).toBeTrue());
  }
  const invalid = ['', '   ', '后备 干部', '一二三四五六七八九十一二三', '<b>x</b>', '后备干部；选调生', 'a_b'];
  for (const tag of invalid) {
    it(`refuses ${JSON.stringify(tag)} with the tag rule`, () => {
      const result = ManualTagSchema.safeParse(tag);
      expect(result.success).toBeFalse();
      expect(result.error?.issues.map((issue) => issue.message)).toEqual(['标签为 1–12 个汉字、字母或数字']);
    });
  }
});
