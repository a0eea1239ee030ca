import type { AnnualAssessmentEntry, CommendationEntry } from './cadre-record.js';
import { formatAnnualAssessments, formatCommendations, latestAssessments, parseAnnualAssessments, parseCommendations } from './form-texts.js';

describe('parseCommendations', () => {
  const cases: Array<[title: string, text: string, entries: CommendationEntry[]]> = [
    ['gives none for 无', '无', []],
    ['gives none for 无。 with spaces around it', ' 无。 ', []],
    ['gives none for empty text', '', []],
    ['reads a month and a commendation', '2019.03 嘉奖', [{ kind: 'commendation', month: '2019-03', text: '嘉奖' }]],
    ['reads a month without a leading zero', '2019.3 嘉奖', [{ kind: 'commendation', month: '2019-03', text: '嘉奖' }]],
    ['reads 2019年3月', '2019年3月被评为全区优秀公务员', [{ kind: 'commendation', month: '2019-03', text: '被评为全区优秀公务员' }]],
    ['reads 2019年03月 with a space after it', '2019年03月 记三等功', [{ kind: 'commendation', month: '2019-03', text: '记三等功' }]],
    ['reads 2019 年 3 月 with spaces inside', '2019 年 3 月 嘉奖', [{ kind: 'commendation', month: '2019-03', text: '嘉奖' }]],
    ['reads 2019-03', '2019-03 嘉奖', [{ kind: 'commendation', month: '2019-03', text: '嘉奖' }]],
    ['reads 2019-3', '2019-3 嘉奖', [{ kind: 'commendation', month: '2019-03', text: '嘉奖' }]],
    ['reads a full-width dot', '2019．03 嘉奖', [{ kind: 'commendation', month: '2019-03', text: '嘉奖' }]],
    ['keeps a line without a month whole', '被评为重庆市优秀公务员', [{ kind: 'commendation', month: null, text: '被评为重庆市优秀公务员' }]],
    ['keeps a month that does not exist in the text', '2019.13 嘉奖', [{ kind: 'commendation', month: null, text: '2019.13 嘉奖' }]],
    [
      'splits on line breaks, <br>, ； and ;',
      '2018.01 嘉奖；2020.02 记三等功\r\n2021.05 受到警告处分<br/>2022.01 通报表扬; 2023.02 诫勉',
      [
        { kind: 'commendation', month: '2018-01', text: '嘉奖' },
        { kind: 'commendation', month: '2020-02', text: '记三等功' },
        { kind: 'sanction', month: '2021-05', text: '受到警告处分' },
        { kind: 'commendation', month: '2022-01', text: '通报表扬' },
        { kind: 'sanction', month: '2023-02', text: '诫勉' },
      ],
    ],
  ];
  for (const [title, text, entries] of cases) {
    it(title, () => expect(parseCommendations(text)).toEqual(entries));
  }

  const kinds: Array<[text: string, kind: CommendationEntry['kind']]> = [
    ['受到党内警告处分', 'sanction'],
    ['受到政务记过处分', 'sanction'],
    ['记大过', 'sanction'],
    ['降级', 'sanction'],
    ['撤职', 'sanction'],
    ['开除党籍', 'sanction'],
    ['诫勉', 'sanction'],
    ['通报批评', 'sanction'],
    ['免职', 'sanction'],
    ['责令辞职', 'sanction'],
    ['降职', 'sanction'],
    ['嘉奖', 'commendation'],
    ['记三等功', 'commendation'],
    ['记二等功', 'commendation'],
    ['被评为全区优秀公务员', 'commendation'],
    ['通报表扬', 'commendation'],
    ['被评为全区疫情防控工作先进个人', 'commendation'],
  ];
  for (const [text, kind] of kinds) {
    it(`reads "${text}" as a ${kind}`, () => expect(parseCommendations(`2020.01 ${text}`)[0]!.kind).toBe(kind));
  }
});

describe('formatCommendations', () => {
  it('writes 无 for no entries', () => expect(formatCommendations([])).toBe('无'));

  const entries: CommendationEntry[] = [
    { kind: 'commendation', month: '2018-01', text: '2017年度考核为优秀等次，给予嘉奖' },
    { kind: 'commendation', month: null, text: '被评为全区优秀共产党员' },
    { kind: 'sanction', month: '2021-05', text: '受到党内警告处分' },
  ];

  it('writes one entry a line, the dotted month first', () => {
    expect(formatCommendations(entries)).toBe(
      ['2018.01 2017年度考核为优秀等次，给予嘉奖', '被评为全区优秀共产党员', '2021.05 受到党内警告处分'].join('\n'),
    );
  });

  it('reads back as the same entries', () => expect(parseCommendations(formatCommendations(entries))).toEqual(entries));
  it('reads 无 back as no entries', () => expect(parseCommendations(formatCommendations([]))).toEqual([]));
});

describe('parseAnnualAssessments', () => {
  const cases: Array<[text: string, entries: AnnualAssessmentEntry[]]> = [
    ['2021年度称职；2022年度优秀', [{ year: 2021, grade: '称职' }, { year: 2022, grade: '优秀' }]],
    ['2021年 优秀', [{ year: 2021, grade: '优秀' }]],
    ['2021 年度 称职', [{ year: 2021, grade: '称职' }]],
    ['2021年度考核为基本称职', [{ year: 2021, grade: '基本称职' }]],
    ['2021年度考核结果为优秀', [{ year: 2021, grade: '优秀' }]],
    ['2021年度考核等次为称职', [{ year: 2021, grade: '称职' }]],
    ['2021年度：不称职', [{ year: 2021, grade: '不称职' }]],
    ['2021年度不定等次', [{ year: 2021, grade: '不定等次' }]],
    ['2022年度优秀；2020年度称职\n2021年度称职', [{ year: 2020, grade: '称职' }, { year: 2021, grade: '称职' }, { year: 2022, grade: '优秀' }]],
    // A year written twice is a correction: the later writing stands.
    ['2021年度称职；2021年度优秀', [{ year: 2021, grade: '优秀' }]],
    ['2019年度称职，2020年度优秀，2021年度称职', [{ year: 2019, grade: '称职' }, { year: 2020, grade: '优秀' }, { year: 2021, grade: '称职' }]],
    ['无', []],
    ['', []],
  ];
  for (const [text, entries] of cases) {
    it(`reads ${JSON.stringify(text)}`, () => expect(parseAnnualAssessments(text)).toEqual(entries));
  }
});

describe('formatAnnualAssessments', () => {
  const entries: AnnualAssessmentEntry[] = [
    { year: 2023, grade: '优秀' },
    { year: 2021, grade: '不定等次' },
    { year: 2022, grade: '基本称职' },
  ];

  it('writes the years oldest first, joined by ；', () => {
    expect(formatAnnualAssessments(entries)).toBe('2021年度不定等次；2022年度基本称职；2023年度优秀');
  });
  it('writes nothing for no entries', () => expect(formatAnnualAssessments([])).toBe(''));
  it('reads back as the same entries, oldest first', () => {
    expect(parseAnnualAssessments(formatAnnualAssessments(entries))).toEqual([...entries].sort((a, b) => a.year - b.year));
  });
});

describe('latestAssessments', () => {
  const years = (...list: number[]): AnnualAssessmentEntry[] => list.map((year) => ({ year, grade: '称职' }));
  const cases: Array<[title: string, entries: AnnualAssessmentEntry[], count: number | undefined, expected: number[]]> = [
    ['keeps none of none', [], undefined, []],
    ['keeps all of two', years(2023, 2024), undefined, [2023, 2024]],
    ['keeps the latest three of five, oldest first', years(2020, 2021, 2022, 2023, 2024), undefined, [2022, 2023, 2024]],
    ['orders entries stored out of order', years(2024, 2019, 2022, 2023), undefined, [2022, 2023, 2024]],
    ['keeps the latest three even with a gap year', years(2018, 2019, 2021, 2024), undefined, [2019, 2021, 2024]],
    ['keeps another count when asked', years(2020, 2021, 2022), 1, [2022]],
  ];
  for (const [title, entries, count, expected] of cases) {
    it(title, () => expect(latestAssessments(entries, count).map((e) => e.year)).toEqual(expected));
  }
});
