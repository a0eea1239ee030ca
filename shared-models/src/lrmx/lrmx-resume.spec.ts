import { formatResume, parseResume, type ResumeEntry } from './lrmx-resume.js';

describe('parseResume', () => {
  const cases: Array<[title: string, text: string, entries: ResumeEntry[]]> = [
    [
      'reads one entry a line, the text after the two spaces',
      '2005.09--2009.07  某某大学某某专业学习\n2009.07--2012.03  某某县某某乡科员',
      [
        { start: '2005-09', end: '2009-07', text: '某某大学某某专业学习' },
        { start: '2009-07', end: '2012-03', text: '某某县某某乡科员' },
      ],
    ],
    [
      'reads an open end padded with spaces as null',
      '2019.03--         某某区某某局局长',
      [{ start: '2019-03', end: null, text: '某某区某某局局长' }],
    ],
    ['reads 至今 as an open end', '2019.03至今  某某局局长', [{ start: '2019-03', end: null, text: '某某局局长' }]],
    [
      'accepts —, ——, –, ~, ～, 至 and a single - between the dates',
      [
        '2001.01—2001.02  a',
        '2001.02——2001.03  b',
        '2001.03–2001.04  c',
        '2001.04~2001.05  d',
        '2001.05～2001.06  e',
        '2001.06至2001.07  f',
        '2001.07-2001.8  g',
      ].join('\n'),
      [
        { start: '2001-01', end: '2001-02', text: 'a' },
        { start: '2001-02', end: '2001-03', text: 'b' },
        { start: '2001-03', end: '2001-04', text: 'c' },
        { start: '2001-04', end: '2001-05', text: 'd' },
        { start: '2001-05', end: '2001-06', text: 'e' },
        { start: '2001-06', end: '2001-07', text: 'f' },
        { start: '2001-07', end: '2001-08', text: 'g' },
      ],
    ],
    [
      'treats <br>, <br/>, <BR /> and CRLF as line breaks',
      '2001.01--2002.01  a<br>2002.01--2003.01  b<br/>2003.01--2004.01  c<BR />2004.01--2005.01  d\r\n2005.01--2006.01  e',
      [
        { start: '2001-01', end: '2002-01', text: 'a' },
        { start: '2002-01', end: '2003-01', text: 'b' },
        { start: '2003-01', end: '2004-01', text: 'c' },
        { start: '2004-01', end: '2005-01', text: 'd' },
        { start: '2005-01', end: '2006-01', text: 'e' },
      ],
    ],
    [
      'reads inline （其间：…） sub-entries, several split by ；, and keeps brackets inside them',
      '2001.07--2004.09  某某乡党委副书记（其间：2002.09--2004.07在省委党校（行政学院）学习；2003.01--2003.06  挂职某某县）',
      [
        {
          start: '2001-07',
          end: '2004-09',
          text: '某某乡党委副书记',
          subEntries: [
            { start: '2002-09', end: '2004-07', text: '在省委党校（行政学院）学习' },
            { start: '2003-01', end: '2003-06', text: '挂职某某县' },
          ],
        },
      ],
    ],
    [
      'reads a following line that starts with （ as sub-entries of the entry above',
      '2001.07--2004.09  某某乡党委副书记\n                  （2002.09--2004.07  在省委党校学习）\n(其间:2003.01--2003.06 挂职)',
      [
        {
          start: '2001-07',
          end: '2004-09',
          text: '某某乡党委副书记',
          subEntries: [
            { start: '2002-09', end: '2004-07', text: '在省委党校学习' },
            { start: '2003-01', end: '2003-06', text: '挂职' },
          ],
        },
      ],
    ],
    [
      'leaves a 其间 block whose dates do not parse in the text',
      '2001.07--2004.09  副书记（其间：在省委党校学习）',
      [{ start: '2001-07', end: '2004-09', text: '副书记（其间：在省委党校学习）' }],
    ],
    [
      'gives no entry for lines whose dates do not parse',
      '简历：\n2001.13--2002.01  bad month\n2001年7月参加工作\n（2002.09--2004.07  orphan sub-entry）\n2002.01--2003.01  ok',
      [{ start: '2002-01', end: '2003-01', text: 'ok' }],
    ],
    ['gives nothing for empty text', '', []],
  ];
  for (const [title, text, entries] of cases) {
    it(title, () => expect(parseResume(text)).toEqual(entries));
  }
});

describe('formatResume', () => {
  const entries: ResumeEntry[] = [
    { start: '2005-09', end: '2009-07', text: '某某大学某某专业学习' },
    {
      start: '2009-07',
      end: '2019-03',
      text: '某某乡科员',
      subEntries: [
        { start: '2010-09', end: '2012-07', text: '在职学习' },
        { start: '2015-01', end: null, text: '挂职' },
      ],
    },
    { start: '2019-03', end: null, text: '某某局局长' },
  ];

  it('writes yyyy.MM--yyyy.MM, two spaces and the text, open ends padded to the same width', () => {
    expect(formatResume(entries)).toBe(
      [
        '2005.09--2009.07  某某大学某某专业学习',
        '2009.07--2019.03  某某乡科员（其间：2010.09--2012.07  在职学习；2015.01--         挂职）',
        '2019.03--         某某局局长',
      ].join('\n'),
    );
  });

  it('reads back as the same entries', () => expect(parseResume(formatResume(entries))).toEqual(entries));
});
