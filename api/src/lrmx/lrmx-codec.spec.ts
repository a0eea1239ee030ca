import { LRMX_ELEMENTS, LrmxPersonSchema, lrmxPersonToForm, parseResume, type LrmxPerson } from '@cadre/shared-models';
import { LRMX_TARGET_VERSION, MAX_LRMX_BYTES, readLrmx, writeLrmx } from './lrmx-codec.js';
import { LrmxError } from './lrmx-error.js';

function aPerson(overrides: Partial<LrmxPerson> = {}): LrmxPerson {
  return LrmxPersonSchema.parse({
    name: '张三',
    sex: '男',
    birthMonth: '198005',
    ethnicity: '汉族',
    nativePlace: '四川成都',
    birthPlace: '重庆渝中',
    partyJoin: '200106；民盟',
    workStartMonth: '200207',
    health: '健康',
    professionalTitle: '高级经济师',
    expertise: '经济管理',
    fullTimeEducation: '大学本科',
    fullTimeDegree: '经济学学士',
    fullTimeEducationSchool: '某某大学经济学院经济学专业',
    fullTimeDegreeSchool: '某某大学经济学院',
    inServiceEducation: '研究生',
    inServiceDegree: '管理学硕士',
    inServiceEducationSchool: '省委党校经济管理专业',
    inServiceDegreeSchool: '某某大学管理学院',
    currentPost: '某某区发展和改革委员会主任',
    proposedPost: '某某区人民政府副区长',
    postToRemove: '某某区发展和改革委员会主任职务',
    resume: '2002.07--2005.03  某某区某某局科员\n2005.03--           某某区发展和改革委员会主任',
    rewardsAndSanctions: '2019年被评为优秀公务员',
    annualAssessments: '2022、2023、2024年度考核均为称职',
    appointmentReason: '工作需要',
    family: [
      { title: '妻子', name: '李四', birthMonth: '198201', politicalStatus: '中共党员', workUnitAndPost: '某某局科员' },
      { title: '儿子', name: '张小三', birthMonth: '201003', politicalStatus: '群众', workUnitAndPost: '某某小学学生' },
    ],
    submittingUnit: '中共某某区委组织部',
    ageReferenceDate: '20260501',
    fillDate: '202605',
    filledBy: '王五',
    idNumber: '500105198005120012',
    photoBase64: '/9j/4AAQSkZJRgABAQ==',
    version: '3.2.1.6',
    extras: [{ name: 'DaoLingNianYue', value: '204005', after: 'CanJiaGongZuoShiJian' }],
    ...overrides,
  });
}

function aFile(elements: string[], lineEnding = '\n'): Buffer {
  return Buffer.from(['<?xml version="1.0" encoding="utf-8"?>', '<Person>', ...elements, '</Person>'].join(lineEnding));
}

function openingTags(file: Buffer): string[] {
  return [...file.toString('utf8').matchAll(/<([A-Za-z_][\w.]*)[\s/>]/g)].map((match) => match[1]!);
}

function expectLrmxError(read: () => unknown, message: RegExp, element?: string): void {
  let caught: unknown;
  try {
    read();
  } catch (err) {
    caught = err;
  }
  expect(caught).toBeInstanceOf(LrmxError);
  expect((caught as LrmxError).message).toMatch(message);
  if (element !== undefined) expect((caught as LrmxError).element).toBe(element);
}

describe('writeLrmx then readLrmx', () => {
  it('reproduces every field of a complete form, unknown elements included', () => {
    const person = aPerson();
    for (const [element, field] of LRMX_ELEMENTS) expect(person[field]).withContext(element).not.toEqual('');
    expect(readLrmx(writeLrmx(person))).toEqual(person);
  });

  it('reproduces an empty family list as an empty array', () => {
    expect(readLrmx(writeLrmx(aPerson({ family: [] }))).family).toEqual([]);
  });

  it('reproduces a single family row as an array of one', () => {
    const family = aPerson().family.slice(0, 1);
    expect(readLrmx(writeLrmx(aPerson({ family }))).family).toEqual(family);
  });

  it('escapes &, < and > in Chinese text and reads them back', () => {
    const person = aPerson({ currentPost: '某某区“科技&创新”办公室 <副主任>', submittingUnit: 'A&B<C>]]>' });
    const file = writeLrmx(person);
    expect(file.toString('utf8')).toContain('<XianRenZhiWu>某某区“科技&amp;创新”办公室 &lt;副主任&gt;</XianRenZhiWu>');
    expect(readLrmx(file)).toEqual(person);
  });

  it('keeps an unknown element inside a family row', () => {
    const extras = [{ name: 'BeiZhu', value: '已故', after: 'XingMing' }];
    const family = LrmxPersonSchema.shape.family.parse([{ title: '父亲', name: '张一', extras }]);
    const file = writeLrmx(aPerson({ family }));
    expect(openingTags(file)).toContain('BeiZhu');
    expect(readLrmx(file).family).toEqual(family);
  });
});

describe('writeLrmx', () => {
  it('writes the declaration, a <Person> root and the elements in table order', () => {
    const file = writeLrmx(aPerson({ family: [], extras: [] }));
    expect(file.toString('utf8')).toMatch(/^<\?xml version="1\.0" encoding="utf-8"\?>\r\n<Person>\r\n/);
    expect(openingTags(file)).toEqual(['Person', ...LRMX_ELEMENTS.map(([element]) => element)]);
  });

  it('keeps the version read and writes the target version when there is none', () => {
    expect(readLrmx(writeLrmx(aPerson({ version: '3.2.1.6' }))).version).toBe('3.2.1.6');
    expect(readLrmx(writeLrmx(aPerson({ version: '' }))).version).toBe(LRMX_TARGET_VERSION);
  });

  it('writes an extra element without a position after all known elements', () => {
    const file = writeLrmx(aPerson({ extras: [{ name: 'ZiDingYi', value: '1' }] }));
    expect(openingTags(file).slice(-2)).toEqual(['Version', 'ZiDingYi']);
  });

  it('refuses an extra element whose name cannot be written as XML', () => {
    const person = { ...aPerson(), extras: [{ name: 'a><script', value: '' }] };
    expectLrmxError(() => writeLrmx(person), /无法导出/);
  });
});

describe('readLrmx', () => {
  it('reads CRLF line endings, and line breaks inside 简历 as LF', () => {
    const file = aFile(['<XingMing>张三</XingMing>', '<JianLi>2002.07--2005.03  科员', '2005.03--2009.01  副主任</JianLi>'], '\r\n');
    expect(readLrmx(file).resume).toBe('2002.07--2005.03  科员\n2005.03--2009.01  副主任');
  });

  it('reads a file that starts with a UTF-8 BOM', () => {
    const file = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), aFile(['<XingMing>张三</XingMing>'])]);
    expect(readLrmx(file).name).toBe('张三');
  });

  it('trims values and reads whitespace-only and self-closing elements as empty', () => {
    const person = readLrmx(
      aFile([
        '<XingMing> 张\u3000三 </XingMing>',
        '<MinZu>\r\n  汉族\t</MinZu>',
        '<NiMianZhiWu>  \n  </NiMianZhiWu>',
        '<NiRenZhiWu/>',
        '<JiaTingChengYuan />',
      ]),
    );
    expect(person).toEqual(
      jasmine.objectContaining({ name: '张三', ethnicity: '汉族', postToRemove: '', proposedPost: '', family: [] }),
    );
  });

  it('keeps every value a string: dates and an 18-digit ID are never numbers', () => {
    const person = readLrmx(
      aFile([
        '<ChuShengNianYue>199001</ChuShengNianYue>',
        '<ShenFenZheng>500105199001120012</ShenFenZheng>',
        '<JiaTingChengYuan><Item><ChengWei>父亲</ChengWei><XingMing>张一</XingMing><ChuShengRiQi>060102</ChuShengRiQi></Item></JiaTingChengYuan>',
        '<NianDuKaoHeJieGuo>1e5</NianDuKaoHeJieGuo>',
        '<Version>3.2.1.16</Version>',
      ]),
    );
    expect(person.birthMonth).toBe('199001');
    expect(person.idNumber).toBe('500105199001120012');
    expect(person.family[0]!.birthMonth).toBe('060102');
    expect(person.annualAssessments).toBe('1e5');
    expect(person.version).toBe('3.2.1.16');
  });

  it('reads one family <Item> as an array of one', () => {
    const item = '<Item><ChengWei>妻子</ChengWei><XingMing>李四</XingMing></Item>';
    const person = readLrmx(aFile(['<JiaTingChengYuan>', item, '</JiaTingChengYuan>']));
    expect(person.family).toEqual([
      { title: '妻子', name: '李四', birthMonth: '', politicalStatus: '', workUnitAndPost: '', extras: [] },
    ]);
  });

  it('upper-cases a lower-case x in the ID number', () => {
    expect(readLrmx(aFile(['<ShenFenZheng>11010519491231002x</ShenFenZheng>'])).idNumber).toBe('11010519491231002X');
  });

  it('keeps unknown elements with their positions and writes them back where they were', () => {
    const original = aFile([
      '<ZiDingYiZiDuan>自定义</ZiDingYiZiDuan>',
      '<XingMing>张三</XingMing>',
      '<CanJiaGongZuoShiJian>200207</CanJiaGongZuoShiJian>',
      '<DaoLingNianYue>204005</DaoLingNianYue>',
      '<GaiGeQianRenZhiNianLingJieXian>60周岁</GaiGeQianRenZhiNianLingJieXian>',
      '<Version>3.2.1.16</Version>',
      '<WeiLaiZiDuan/>',
    ]);
    const person = readLrmx(original);
    expect(person.extras).toEqual([
      { name: 'ZiDingYiZiDuan', value: '自定义', after: null },
      { name: 'DaoLingNianYue', value: '204005', after: 'CanJiaGongZuoShiJian' },
      { name: 'GaiGeQianRenZhiNianLingJieXian', value: '60周岁', after: 'CanJiaGongZuoShiJian' },
      { name: 'WeiLaiZiDuan', value: '', after: 'Version' },
    ]);
    const written = openingTags(writeLrmx(person));
    const known = new Set(openingTags(original));
    expect(written.filter((tag) => known.has(tag))).toEqual(openingTags(original));
  });

  it('keeps <br> in 简历 as written, for the resume parser to split', () => {
    const resume = '2005.09--2009.07  某某大学学习<br>2009.07--         某某局科员';
    const person = readLrmx(aFile([`<JianLi><![CDATA[${resume}]]></JianLi>`]));
    expect(person.resume).toBe(resume);
    expect(parseResume(person.resume)).toEqual([
      { start: '2005-09', end: '2009-07', text: '某某大学学习' },
      { start: '2009-07', end: null, text: '某某局科员' },
    ]);
  });

  it('resolves the predefined entities and character references', () => {
    const person = readLrmx(aFile(['<XianRenZhiWu>科技&amp;创新 &lt;副主任&gt; &#x4E2D;&#20849;</XianRenZhiWu>']));
    expect(person.currentPost).toBe('科技&创新 <副主任> 中共');
  });

  it('reads past comments and the namespace attributes .NET writers put on the root', () => {
    const file = Buffer.from(
      '<?xml version="1.0" encoding="utf-8"?>\n<!-- 任免审批表 -->\n' +
        '<Person xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema">' +
        '<XingMing><!-- 姓名 -->张三</XingMing></Person>\n',
    );
    expect(readLrmx(file).name).toBe('张三');
  });
});

describe('readLrmx refuses', () => {
  const refusals: Array<[title: string, file: Buffer, message: RegExp, element?: string]> = [
    ['a DOCTYPE', Buffer.from('<?xml version="1.0"?><!DOCTYPE Person SYSTEM "file:///etc/passwd"><Person></Person>'), /DOCTYPE/],
    [
      'ENTITY declarations (entity expansion)',
      Buffer.from('<?xml version="1.0"?><!DOCTYPE Person [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]><Person><XingMing>&b;</XingMing></Person>'),
      /ENTITY/,
    ],
    ['a reference to an undeclared entity', aFile(['<XingMing>张&nbsp;三</XingMing>']), /&nbsp;/, 'XingMing'],
    ['an unescaped &', aFile(['<XingMing>A & B</XingMing>']), /未转义的 &/, 'XingMing'],
    ['a processing instruction', aFile(['<?php echo 1; ?>', '<XingMing>张三</XingMing>']), /处理指令/],
    ['a processing instruction before the root', Buffer.from('<?xml-stylesheet href="x.xsl"?><Person></Person>'), /处理指令/],
    ['a root other than <Person>', Buffer.from('<?xml version="1.0"?><Cadre><XingMing>张三</XingMing></Cadre>'), /根元素应为 Person，实为 Cadre/, 'Cadre'],
    ['plain text', Buffer.from('张三 男 198005'), /不是 XML/],
    ['a JPEG', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46]), /不是 UTF-8/],
    ['UTF-16', Buffer.from('\ufeff<Person></Person>', 'utf16le'), /UTF-16/],
    ['a declared encoding other than UTF-8', Buffer.from('<?xml version="1.0" encoding="GBK"?><Person></Person>'), /GBK/],
    ['an unclosed root', Buffer.from('<Person><XingMing>张三</XingMing>'), /Person 没有结束标签/, 'Person'],
    ['mismatched tags', aFile(['<XingMing>张三</XingBie>']), /XingMing 的结束标签不匹配/, 'XingMing'],
    ['content after the root', Buffer.from('<Person></Person><Person></Person>'), /根元素之后/],
    ['a repeated element', aFile(['<XingMing>张三</XingMing>', '<XingMing>李四</XingMing>']), /XingMing 出现了不止一次/, 'XingMing'],
    ['an unknown element with children', aFile(['<QiTa><A>1</A></QiTa>']), /QiTa 应只含文本/, 'QiTa'],
    ['a known element with children', aFile(['<XingMing><A>1</A></XingMing>']), /XingMing 应只含文本/, 'XingMing'],
    ['something other than <Item> in the family list', aFile(['<JiaTingChengYuan><Row/></JiaTingChengYuan>']), /只能有 Item/, 'Row'],
    ['text inside the family list', aFile(['<JiaTingChengYuan>妻子 李四</JiaTingChengYuan>']), /多余的文本/, 'JiaTingChengYuan'],
    ['an element with a namespace prefix', aFile(['<x:XingMing>张三</x:XingMing>']), /命名空间前缀/, 'x:XingMing'],
    ['deep nesting', aFile(['<A>'.repeat(20) + '</A>'.repeat(20)]), /嵌套过深/],
    ['a control character', aFile(['<XingMing>张\u0001三</XingMing>']), /控制字符/],
    ['a lone surrogate as a character reference', aFile(['<XianRenZhiWu>&#xD800;rt</XianRenZhiWu>']), /XianRenZhiWu 包含无效的字符编码.*&#xD800;/, 'XianRenZhiWu'],
    ['a surrogate pair as two character references', aFile(['<XingMing>&#55357;&#56832;</XingMing>']), /XingMing 包含无效的字符编码/, 'XingMing'],
  ];
  for (const [title, file, message, element] of refusals) {
    it(title, () => expectLrmxError(() => readLrmx(file), message, element));
  }

  it('an element over its length cap, naming it, before any pattern reads it', () => {
    const file = aFile([`<NianDuKaoHeJieGuo>2021年${' '.repeat(2_000)}</NianDuKaoHeJieGuo>`]);
    expectLrmxError(() => readLrmx(file), /^年度考核结果：内容超过 2000 个字的上限$/, 'NianDuKaoHeJieGuo');
  });

  it('a family value over its length cap, naming the row', () => {
    const file = aFile([`<JiaTingChengYuan><Item><XingMing>${'李'.repeat(2_001)}</XingMing></Item></JiaTingChengYuan>`]);
    expectLrmxError(() => readLrmx(file), /^家庭成员第 1 行：内容超过 2000 个字的上限$/, 'JiaTingChengYuan[0].XingMing');
  });

  it('a file over the size cap, with status 413, before parsing it', () => {
    const file = Buffer.alloc(MAX_LRMX_BYTES + 1, ' ');
    expectLrmxError(() => readLrmx(file), /超过 5 MB/);
    expect(() => readLrmx(file)).toThrow(jasmine.objectContaining({ status: 413 }));
  });
});

describe('reading then mapping a form with adversarial text', () => {
  // The 324-byte file of issue 9 froze the API for 5 s: 200 spaces in 年度考核结果 (400 took 121 s).
  const texts: Array<[element: string, text: string]> = [
    ['NianDuKaoHeJieGuo', `2021年${' '.repeat(1_990)}x`],
    ['JiangChengQingKuang', `2019.3${' '.repeat(5_000)}月${' '.repeat(4_990)}x`],
    ['JianLi', `2001.01--${' '.repeat(10_000)}a\u2028b`],
    ['QuanRiZhiJiaoYu_XueLi', `${'毕业'.repeat(990)}x`],
  ];
  for (const [element, text] of texts) {
    it(`reads and maps ${element} of ${text.length} characters within 500 ms`, () => {
      const started = performance.now();
      const person = readLrmx(aFile([`<${element}>${text}</${element}>`]));
      lrmxPersonToForm(person);
      expect(performance.now() - started).toBeLessThan(500);
    });
  }
});
