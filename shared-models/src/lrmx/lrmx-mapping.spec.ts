import { LrmxPersonSchema, type LrmxExtraElement, type LrmxPerson } from './lrmx-person.js';
import {
  describeLrmxChanges,
  formToLrmxPerson,
  lrmxElementOfField,
  lrmxPersonToForm,
  parseDegree,
  parseEducationLevel,
  parseOtherParty,
  type LrmxForm,
  type LrmxFormRecord,
} from './lrmx-mapping.js';
import type { LrmxFieldProblem } from './lrmx-validation.js';

const today = new Date('2026-05-20T12:00:00Z');
const PHOTO = '/9j/4AAQSkZJRgABAQ==';

/** A form as the official editor writes it, every element filled. */
function aPerson(overrides: Record<string, unknown> = {}): LrmxPerson {
  return LrmxPersonSchema.parse({
    name: '张三',
    sex: '男',
    birthMonth: '198005',
    ethnicity: '汉族',
    nativePlace: '四川成都',
    birthPlace: '重庆渝中',
    partyJoin: '200106',
    workStartMonth: '200207',
    health: '健康',
    professionalTitle: '高级经济师',
    expertise: '经济管理',
    fullTimeEducation: '大学本科',
    fullTimeDegree: '学士',
    fullTimeEducationSchool: '某某大学经济学院经济学专业',
    fullTimeDegreeSchool: '某某大学经济学院',
    inServiceEducation: '研究生',
    inServiceDegree: '硕士',
    inServiceEducationSchool: '省委党校经济管理专业',
    inServiceDegreeSchool: '某某大学管理学院',
    currentPost: '某某区发展和改革委员会主任',
    proposedPost: '某某区人民政府副区长',
    postToRemove: '某某区发展和改革委员会主任职务',
    resume: '2002.07--2005.03  某某区某某局科员\n2005.03--         某某区发展和改革委员会主任（其间：2010.09--2012.07 省委党校在职研究生学习）',
    rewardsAndSanctions: '2019.12 被评为优秀公务员',
    annualAssessments: '2023年度称职；2024年度优秀',
    appointmentReason: '工作需要',
    family: [{ title: '妻子', name: '李四', birthMonth: '198201', politicalStatus: '中共党员', workUnitAndPost: '某某局科员' }],
    submittingUnit: '中共某某区委组织部',
    ageReferenceDate: '20260501',
    fillDate: '202605',
    filledBy: '王五',
    idNumber: '500105198005120012',
    photoBase64: PHOTO,
    version: '3.2.1.16',
    ...overrides,
  });
}

function imported(person: LrmxPerson): LrmxForm {
  const result = lrmxPersonToForm(person, today);
  if (!result.ok) throw new Error(`unexpected problems: ${JSON.stringify(result.problems)}`);
  return result;
}

function asRecord(form: LrmxForm): LrmxFormRecord {
  return { ...form.fields, ...form.texts, photoBase64: form.photoBase64 };
}

function problemsOf(person: LrmxPerson): LrmxFieldProblem[] {
  const result = lrmxPersonToForm(person, today);
  return result.ok ? [] : result.problems;
}

describe('lrmxPersonToForm', () => {
  it('reads every element of a complete form into the record’s fields', () => {
    const form = imported(aPerson());
    expect(form.fields).toEqual(
      jasmine.objectContaining({
        name: '张三',
        sex: '男',
        birthMonth: '1980-05',
        ethnicity: '汉族',
        nativePlace: '四川成都',
        birthPlace: '重庆渝中',
        partyJoinMonth: '2001-06',
        otherParty: null,
        workStartMonth: '2002-07',
        health: '健康',
        professionalTitle: '高级经济师',
        expertise: '经济管理',
        fullTimeEducation: { education: '大学本科', degree: '学士', educationSchool: '某某大学经济学院经济学专业', degreeSchool: '某某大学经济学院' },
        inServiceEducation: { education: '研究生', degree: '硕士', educationSchool: '省委党校经济管理专业', degreeSchool: '某某大学管理学院' },
        post: '某某区发展和改革委员会主任',
        idNumber: '500105198005120012',
        positions: [
          { start: '2002-07', end: '2005-03', text: '某某区某某局科员' },
          {
            start: '2005-03',
            end: null,
            text: '某某区发展和改革委员会主任',
            subEntries: [{ start: '2010-09', end: '2012-07', text: '省委党校在职研究生学习' }],
          },
        ],
        commendations: [{ kind: 'commendation', month: '2019-12', text: '被评为优秀公务员' }],
        annualAssessments: [
          { year: 2023, grade: '称职' },
          { year: 2024, grade: '优秀' },
        ],
        family: [{ title: '妻子', name: '李四', birthMonth: '1982-01', politicalStatus: '中共党员', workUnitAndPost: '某某局科员', extras: [] }],
      }),
    );
    expect(form.fields.appointmentForm).toEqual({
      proposedPost: '某某区人民政府副区长',
      postToRemove: '某某区发展和改革委员会主任职务',
      appointmentReason: '工作需要',
      submittingUnit: '中共某某区委组织部',
      ageReferenceDate: '20260501',
      fillDate: '202605',
      filledBy: '王五',
      version: '3.2.1.16',
      extras: [],
    });
    expect(form.texts).toEqual({
      resumeText: aPerson().resume,
      commendationsText: '2019.12 被评为优秀公务员',
      annualAssessmentsText: '2023年度称职；2024年度优秀',
    });
    expect(form.photoBase64).toBe(PHOTO);
  });

  const readings: Array<[title: string, overrides: Record<string, unknown>, expected: Record<string, unknown>]> = [
    ['a non-CPC party with its join month', { partyJoin: '200106；民盟' }, { partyJoinMonth: '2001-06', otherParty: '民盟' }],
    ['a party written out in full, month second', { partyJoin: '中国民主同盟；200106' }, { partyJoinMonth: '2001-06', otherParty: '民盟' }],
    ['无党派人士 without a month', { partyJoin: '无党派人士' }, { partyJoinMonth: null, otherParty: '无党派人士' }],
    ['an empty 入党时间 as 群众', { partyJoin: '' }, { partyJoinMonth: null, otherParty: null }],
    ['a birth date written as yyyyMMdd', { birthMonth: '19800512' }, { birthMonth: '1980-05' }],
    ['a work start written 2002.7', { workStartMonth: '2002.7' }, { workStartMonth: '2002-07' }],
    ['an empty 健康状况 as 健康', { health: '' }, { health: '健康' }],
    ['a lower-case x in the ID number', { idNumber: '11010519491231002x' }, { idNumber: '11010519491231002X' }],
    ['an empty ID number as none', { idNumber: '' }, { idNumber: null }],
    [
      '学历 and 学位 as the official editor words them',
      { fullTimeEducation: '大学', fullTimeDegree: '经济学学士', inServiceEducation: '', inServiceDegree: '' },
      {
        fullTimeEducation: jasmine.objectContaining({ education: '大学本科', degree: '学士' }),
        inServiceEducation: jasmine.objectContaining({ education: null, degree: null }),
      },
    ],
    ['<br> in 简历 as line breaks', { resume: '2002.07--2005.03  科员<br>2005.03--2009.01  副主任' }, {
      positions: [
        { start: '2002-07', end: '2005-03', text: '科员' },
        { start: '2005-03', end: '2009-01', text: '副主任' },
      ],
    }],
    ['no family', { family: [] }, { family: [] }],
    [
      'a family birth date written yyyyMMdd, an empty one as none',
      {
        family: [
          { title: '父亲', name: '张一', birthMonth: '19500115' },
          { title: '母亲', name: '王二', birthMonth: '' },
        ],
      },
      {
        family: [
          jasmine.objectContaining({ birthMonth: '1950-01', asWritten: { ChuShengRiQi: '19500115' } }),
          jasmine.objectContaining({ birthMonth: null }),
        ],
      },
    ],
    ['a blank family row as no row', { family: [{ title: '', name: '' }, { title: '妻子', name: '李四' }] }, {
      family: [jasmine.objectContaining({ title: '妻子', name: '李四' })],
    }],
  ];
  for (const [title, overrides, expected] of readings) {
    it(`reads ${title}`, () => expect(imported(aPerson(overrides)).fields).toEqual(jasmine.objectContaining(expected)));
  }

  it('keeps the texts it normalised as written, and only those', () => {
    const form = imported(aPerson({ birthMonth: '19800512', partyJoin: '民盟；200106', health: '', fullTimeEducation: '大学', fullTimeDegree: '经济学学士' }));
    expect(form.fields.appointmentForm.asWritten).toEqual({
      ChuShengNianYue: '19800512',
      RuDangShiJian: '民盟；200106',
      JianKangZhuangKuang: '',
      QuanRiZhiJiaoYu_XueLi: '大学',
      QuanRiZhiJiaoYu_XueWei: '经济学学士',
    });
    expect(imported(aPerson()).fields.appointmentForm.asWritten).toBeUndefined();
  });

  it('keeps unknown elements, with their places, in the record', () => {
    const extras: LrmxExtraElement[] = [
      { name: 'ZiDingYiKaiTou', value: '1', after: null },
      { name: 'DaoLingNianYue', value: '204005', after: 'CanJiaGongZuoShiJian' },
      { name: 'GaiGeQianRenZhiNianLingJieXian', value: '60', after: 'Version' },
    ];
    expect(imported(aPerson({ extras })).fields.appointmentForm.extras).toEqual(extras);
  });

  it('keeps the texts of 简历, 奖惩 and 考核 verbatim, lines the parsers cannot read included', () => {
    const resume = '2002.07--2005.03  科员\n（说明：此段经组织审核）\n2005.03--  副主任';
    const rewards = '2019.12 嘉奖\n2020年某月 记三等功';
    const assessments = '2022、2023、2024年度考核均为称职';
    const form = imported(aPerson({ resume, rewardsAndSanctions: rewards, annualAssessments: assessments }));
    expect(form.texts).toEqual({ resumeText: resume, commendationsText: rewards, annualAssessmentsText: assessments });
    expect(form.fields.positions.length).toBe(2);
  });

  const problems: Array<[title: string, overrides: Record<string, unknown>, expected: LrmxFieldProblem[]]> = [
    ['an unknown 学历', { fullTimeEducation: '大学肄业' }, [
      { field: 'QuanRiZhiJiaoYu_XueLi', message: '全日制教育学历“大学肄业”无法识别，应为 研究生、大学本科、大学专科、中专、高中及以下 之一' },
    ]],
    ['an unknown 学位', { inServiceDegree: 'MBA' }, [
      { field: 'ZaiZhiJiaoYu_XueWei', message: '在职教育学位“MBA”无法识别，应为 …博士、…硕士、…学士 或 无' },
    ]],
    ['an unknown party', { partyJoin: '200106；某某党' }, [
      { field: 'RuDangShiJian', message: '入党时间中的党派“某某党”无法识别，应为 民革、民盟、民建、民进、农工党、致公党、九三学社、台盟、无党派人士 之一' },
    ]],
    ['an unknown 健康状况', { health: '良好' }, [{ field: 'JianKangZhuangKuang', message: '健康状况“良好”应为 健康、一般、较差 之一' }]],
    ['an empty 参加工作时间', { workStartMonth: '' }, [{ field: 'CanJiaGongZuoShiJian', message: '参加工作时间不能为空' }]],
    ['an unreadable 出生年月, once', { birthMonth: '1980年5月' }, [
      { field: 'ChuShengNianYue', message: '出生年月“1980年5月”无法识别，应为 yyyyMM' },
    ]],
    ['an empty 现任职务', { currentPost: '' }, [{ field: 'XianRenZhiWu', message: '现任职务不能为空' }]],
    ['a 籍贯 too long', { nativePlace: '籍'.repeat(31) }, [{ field: 'JiGuan', message: '籍贯不超过 30 个字' }]],
    ['a one-character 民族', { ethnicity: '汉' }, [{ field: 'MinZu', message: '民族应为名称，如 汉族' }]],
    ['a one-character 姓名', { name: '张' }, [{ field: 'XingMing', message: '姓名至少 2 个字' }]],
    ['a wrong ID check digit', { idNumber: '500105198005120013' }, [{ field: 'ShenFenZheng', message: '身份证号校验码错误，应为 2' }]],
    ['a family row without 称谓', { family: [{ title: '', name: '李四' }] }, [
      { field: 'JiaTingChengYuan[0].ChengWei', message: '家庭成员第 1 行缺少称谓' },
    ]],
    ['a family 工作单位 too long after a blank row, at its place in the file', {
      family: [{ title: '' }, { title: '妻子', name: '李四', workUnitAndPost: '单'.repeat(101) }],
    }, [{ field: 'JiaTingChengYuan[1].GongZuoDanWeiJiZhiWu', message: '家庭成员第 2 行工作单位及职务不超过 100 个字' }]],
    ['a 奖惩 entry too long', { rewardsAndSanctions: `2019.12 ${'奖'.repeat(201)}` }, [
      { field: 'JiangChengQingKuang', message: '奖惩情况第 1 条内容不超过 200 个字' },
    ]],
    ['a 拟任职务 too long', { proposedPost: '职'.repeat(201) }, [{ field: 'NiRenZhiWu', message: '拟任职务不超过 200 个字' }]],
    ['several problems, one per element', { sex: '1', workStartMonth: '2002', nativePlace: '籍'.repeat(31) }, [
      { field: 'XingBie', message: '性别应为“男”或“女”' },
      { field: 'CanJiaGongZuoShiJian', message: '参加工作时间“2002”无法识别，应为 yyyyMM' },
      { field: 'JiGuan', message: '籍贯不超过 30 个字' },
    ]],
  ];
  for (const [title, overrides, expected] of problems) {
    it(`reports ${title}`, () => expect(problemsOf(aPerson(overrides))).toEqual(expected));
  }
});

describe('a form imported and exported again', () => {
  const variants: Array<[title: string, overrides: Record<string, unknown>]> = [
    ['a complete form', {}],
    ['an empty family list', { family: [] }],
    ['one family row with an unknown element', {
      family: [{ title: '父亲', name: '张一', birthMonth: '195001', extras: [{ name: 'BeiZhu', value: '已故', after: 'XingMing' }] }],
    }],
    ['several family rows, a birth date written yyyyMMdd', {
      family: [
        { title: '父亲', name: '张一', birthMonth: '19500115', politicalStatus: '群众', workUnitAndPost: '已退休' },
        { title: '母亲', name: '王二', birthMonth: '', politicalStatus: '', workUnitAndPost: '' },
      ],
    }],
    ['CRLF line breaks in 简历 and 奖惩', { resume: '2002.07--2005.03  科员\r\n2005.03--2009.01  副主任', rewardsAndSanctions: '2019.12 嘉奖\r\n2020.12 记三等功' }],
    ['whitespace-only elements', { proposedPost: '  \n ', postToRemove: '\t', appointmentReason: ' ', fillDate: '  ' }],
    ['unknown elements first, in the middle, after the last and without a place', {
      extras: [
        { name: 'ZiDingYiKaiTou', value: '1', after: null },
        { name: 'DaoLingNianYue', value: '204005', after: 'CanJiaGongZuoShiJian' },
        { name: 'GaiGeQianRenZhiNianLingJieXian', value: '60', after: 'Version' },
        { name: 'MoWei', value: '尾' },
      ],
    }],
    ['a lower-case x in the ID number', { idNumber: '11010519491231002x', birthMonth: '194912' }],
    ['<br> in 简历', { resume: '2002.07--2005.03  科员<br>2005.03--2009.01  副主任' }],
    ['a non-CPC party with its join month', { partyJoin: '200106；民盟' }],
    ['the party first, in full', { partyJoin: '中国民主同盟；200106' }],
    ['dates written yyyyMMdd and with dots', { birthMonth: '19800512', workStartMonth: '2002.07', ageReferenceDate: '202605', fillDate: '20260520' }],
    ['学历 and 学位 as other writers word them', { fullTimeEducation: '大学', fullTimeDegree: '经济学学士', inServiceEducation: '研究生毕业', inServiceDegree: '管理学硕士学位' }],
    ['empty health, education rows and ID number', { health: '', inServiceEducation: '', inServiceDegree: '', inServiceEducationSchool: '', inServiceDegreeSchool: '', idNumber: '' }],
    ['texts the parsers read only in part', {
      resume: '2002.07--2005.03  科员\n（说明：此段经组织审核）',
      rewardsAndSanctions: '无',
      annualAssessments: '2022、2023、2024年度考核均为称职',
    }],
    ['no photo and no version', { photoBase64: '', version: '' }],
  ];
  for (const [title, overrides] of variants) {
    it(`reproduces ${title}`, () => {
      const person = aPerson(overrides);
      expect(formToLrmxPerson(asRecord(imported(person)))).toEqual({
        ...person,
        family: person.family.filter((member) => member.title !== '' || member.name !== ''),
      });
    });
  }
});

describe('a record exported and imported again', () => {
  const platformRecord = (): LrmxFormRecord => ({
    name: '李华',
    sex: '女',
    birthMonth: '1988-11',
    ethnicity: '土家族',
    nativePlace: '重庆石柱',
    birthPlace: '重庆石柱',
    partyJoinMonth: '2010-06',
    otherParty: null,
    workStartMonth: '2011-07',
    health: '一般',
    professionalTitle: '',
    expertise: '',
    fullTimeEducation: { education: '研究生', degree: '硕士', educationSchool: '西南大学', degreeSchool: '西南大学' },
    inServiceEducation: { education: null, degree: null, educationSchool: '', degreeSchool: '' },
    post: '某某街道党工委副书记',
    idNumber: '11010519491231002X',
    positions: [
      { start: '2011-07', end: '2016-03', text: '某某街道科员' },
      { start: '2016-03', end: null, text: '某某街道党工委副书记', subEntries: [] },
    ],
    commendations: [
      { kind: 'commendation', month: '2018-12', text: '嘉奖' },
      { kind: 'sanction', month: null, text: '诫勉谈话' },
    ],
    annualAssessments: [
      { year: 2024, grade: '优秀' },
      { year: 2023, grade: '称职' },
    ],
    family: [
      { title: '丈夫', name: '赵六', birthMonth: '1987-03', politicalStatus: '群众', workUnitAndPost: '某某公司职员', extras: [] },
      { title: '女儿', name: '赵小六', birthMonth: null, politicalStatus: '', workUnitAndPost: '', extras: [] },
    ],
    appointmentForm: {
      proposedPost: '',
      postToRemove: '',
      appointmentReason: '',
      submittingUnit: '',
      ageReferenceDate: '',
      fillDate: '',
      filledBy: '',
      version: '',
      extras: [],
    },
    resumeText: '2011.07--2016.03  某某街道科员\n2016.03--         某某街道党工委副书记',
    commendationsText: '2018.12 嘉奖\n诫勉谈话',
    annualAssessmentsText: '2023年度称职；2024年度优秀',
    photoBase64: null,
  });

  const variants: Array<[title: string, change: (record: LrmxFormRecord) => LrmxFormRecord]> = [
    ['a record made on the platform', (r) => r],
    ['a member of another party', (r) => ({ ...r, otherParty: '九三学社' })],
    ['无党派人士 without a month', (r) => ({ ...r, partyJoinMonth: null, otherParty: '无党派人士' })],
    ['群众', (r) => ({ ...r, partyJoinMonth: null })],
    ['degree 无 and no ID number', (r) => ({ ...r, fullTimeEducation: { ...r.fullTimeEducation, degree: '无' }, idNumber: null })],
    ['a photo and the form-only fields', (r) => ({
      ...r,
      photoBase64: PHOTO,
      appointmentForm: {
        proposedPost: '某某街道党工委书记',
        postToRemove: '某某街道党工委副书记',
        appointmentReason: '工作需要',
        submittingUnit: '中共某某区委组织部',
        ageReferenceDate: '20260501',
        fillDate: '202605',
        filledBy: '王五',
        version: '3.2.1.16',
        extras: [{ name: 'DaoLingNianYue', value: '204811', after: 'CanJiaGongZuoShiJian' }],
      },
    })],
    ['no family and no entries', (r) => ({
      ...r,
      family: [],
      positions: [],
      commendations: [],
      annualAssessments: [],
      resumeText: '',
      commendationsText: '',
      annualAssessmentsText: '',
    })],
  ];
  for (const [title, change] of variants) {
    it(`reproduces ${title}`, () => {
      const record = change(platformRecord());
      const back = asRecord(imported(formToLrmxPerson(record)));
      expect(back).toEqual({
        ...record,
        positions: record.positions.map(({ subEntries, ...entry }) => (subEntries?.length ? { ...entry, subEntries } : entry)),
        annualAssessments: [...record.annualAssessments].sort((a, b) => a.year - b.year),
      });
    });
  }
});

describe('formToLrmxPerson', () => {
  const base = () => asRecord(imported(aPerson({ birthMonth: '19800512', fullTimeEducation: '大学' })));

  it('writes a kept text while it still reads as the record’s value', () => {
    expect(formToLrmxPerson(base())).toEqual(jasmine.objectContaining({ birthMonth: '19800512', fullTimeEducation: '大学' }));
  });

  it('writes the standard form once the value was edited', () => {
    const record = base();
    const edited = { ...record, birthMonth: '1981-01', fullTimeEducation: { ...record.fullTimeEducation, education: '研究生' as const } };
    expect(formToLrmxPerson(edited)).toEqual(jasmine.objectContaining({ birthMonth: '198101', fullTimeEducation: '研究生' }));
  });

  it('writes the entries once they no longer match the kept text', () => {
    const record = { ...base(), commendations: [{ kind: 'commendation' as const, month: '2021-06', text: '记三等功' }] };
    expect(formToLrmxPerson(record).rewardsAndSanctions).toBe('2021.06 记三等功');
  });

  it('writes 无 for a record without rewards or sanctions and no kept text', () => {
    expect(formToLrmxPerson({ ...base(), commendations: [], commendationsText: '2019.12 嘉奖' }).rewardsAndSanctions).toBe('无');
  });
});

describe('the words for 学历, 学位 and party', () => {
  const levels: Array<[string, string | undefined]> = [
    ['研究生', '研究生'], ['硕士研究生', '研究生'], ['大学', '大学本科'], ['本科毕业', '大学本科'], ['大学本科学历', '大学本科'],
    ['大专', '大学专科'], ['中专', '中专'], ['高中', '高中及以下'], ['初中', '高中及以下'], ['大学肄业', undefined], ['博士', undefined],
  ];
  for (const [text, level] of levels) it(`reads 学历 ${text} as ${level}`, () => expect<string | undefined>(parseEducationLevel(text)).toBe(level));

  const degrees: Array<[string, string | undefined]> = [
    ['学士', '学士'], ['经济学学士', '学士'], ['工商管理硕士', '硕士'], ['法学博士学位', '博士'], ['无', '无'], ['MBA', undefined], ['双学位', undefined],
  ];
  for (const [text, degree] of degrees) it(`reads 学位 ${text} as ${degree}`, () => expect<string | undefined>(parseDegree(text)).toBe(degree));

  const parties: Array<[string, string | null | undefined]> = [
    ['民盟', '民盟'], ['中国民主同盟', '民盟'], ['农工', '农工党'], ['无党派', '无党派人士'], ['群众', null], ['中共党员', null], ['', null], ['某某党', undefined],
  ];
  for (const [text, party] of parties) it(`reads party ${JSON.stringify(text)} as ${party}`, () => expect<string | null | undefined>(parseOtherParty(text)).toBe(party));
});

describe('describeLrmxChanges', () => {
  it('finds nothing between a form and itself', () => expect(describeLrmxChanges(aPerson(), aPerson())).toEqual([]));

  const cases: Array<[title: string, overrides: Record<string, unknown>, expected: Array<{ field: string; before: string; after: string }>]> = [
    ['a changed post', { currentPost: '某某区财政局局长' }, [{ field: '现任职务', before: '某某区发展和改革委员会主任', after: '某某区财政局局长' }]],
    ['a new family row', { family: [...aPerson().family, { title: '儿子', name: '张小三', birthMonth: '201003' }] }, [
      { field: '家庭主要成员及重要社会关系', before: '妻子 李四 198201 中共党员 某某局科员', after: '妻子 李四 198201 中共党员 某某局科员\n儿子 张小三 201003' },
    ]],
    ['a new photo', { photoBase64: '/9j/AAAA' }, [{ field: '照片', before: '原照片', after: '新照片' }]],
    ['no photo in the file, which keeps the record’s', { photoBase64: '' }, []],
    ['only the editor version', { version: '3.2.1.6' }, []],
    ['an unknown element', { extras: [{ name: 'DaoLingNianYue', value: '204005' }] }, [{ field: '其他元素', before: '', after: 'DaoLingNianYue：204005' }]],
    ['an ID number, masked', { idNumber: '11010519491231002X' }, [{ field: '身份证号', before: '500105********0012', after: '110105********002X' }]],
  ];
  for (const [title, overrides, expected] of cases) {
    it(`lists ${title}`, () => expect(describeLrmxChanges(aPerson(), aPerson(overrides))).toEqual(expected));
  }

  it('lists a photo added to a record without one', () => {
    expect(describeLrmxChanges(aPerson({ photoBase64: '' }), aPerson())).toEqual([{ field: '照片', before: '无', after: '新照片' }]);
  });
});

describe('lrmxElementOfField', () => {
  const cases: Array<[string, string | null]> = [
    ['workStartMonth', 'CanJiaGongZuoShiJian'],
    ['partyJoinMonth', 'RuDangShiJian'],
    ['otherParty', 'RuDangShiJian'],
    ['fullTimeEducation.degree', 'QuanRiZhiJiaoYu_XueWei'],
    ['inServiceEducation.educationSchool', 'ZaiZhiJiaoYu_XueLi_BiYeYuanXiaoXi'],
    ['post', 'XianRenZhiWu'],
    ['positions.1.end', 'JianLi'],
    ['commendations.0.text', 'JiangChengQingKuang'],
    ['family.2.name', 'JiaTingChengYuan'],
    ['appointmentForm.fillDate', 'TianBiaoShiJian'],
    ['idNumber', 'ShenFenZheng'],
    ['postStartMonth', null],
    ['unitId', null],
  ];
  for (const [path, element] of cases) {
    it(`places ${path} in ${element}`, () => expect<string | null>(lrmxElementOfField(path)).toBe(element));
  }
});
