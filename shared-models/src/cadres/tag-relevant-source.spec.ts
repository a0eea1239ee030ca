import type { ResumeEntry } from '../lrmx/lrmx-resume.js';
import { deriveTags, tagRelevantSource, type TagSource } from './cadre-derivations.js';

describe('tagRelevantSource', () => {
  const base: TagSource = {
    sex: '女',
    birthMonth: '1988-09',
    ethnicity: '汉族',
    partyJoinMonth: '2010-06',
    otherParty: null,
    education: '大学本科',
    postLevel: '乡科级副职',
    postStartMonth: '2021-04',
    appointmentType: '委任',
    unitName: '区财政局',
    unitType: 'department',
    positions: [],
    commendations: [],
    annualAssessments: [],
  };
  const post = (start: string, text: string, subEntries?: ResumeEntry['subEntries']): ResumeEntry => ({ start, end: null, text, ...(subEntries ? { subEntries } : {}) });

  // [what, the record's differences from base, how many positions it keeps]
  const cases: Array<[what: string, patch: Partial<TagSource>, keptPositions: number]> = [
    ['no history at all', {}, 0],
    [
      'a long career with one town post and one company post among many',
      {
        positions: [
          post('2006-09', '西南大学财政学专业学习'),
          post('2010-07', '区财政局预算科科员'),
          post('2012-03', '鱼嘴镇党政办公室副主任'),
          post('2014-05', '区财政局国库科副科长'),
          post('2016-01', '区城市建设发展集团财务部副部长'),
          post('2018-02', '区财政局综合科科长'),
          post('2020-02', '五宝镇党委副书记'),
        ],
      },
      2,
    ],
    [
      'a company secondment inside an earlier post, before the first town post',
      {
        positions: [
          post('2010-07', '区财政局预算科科员', [{ start: '2011-03', end: '2012-03', text: '在区国有资产经营公司挂职锻炼' }]),
          post('2013-01', '观音桥街道党政办公室科员'),
        ],
      },
      2,
    ],
    [
      'one post that earns both tags, then another company',
      {
        positions: [post('2010-07', '鱼嘴镇农机厂厂长'), post('2013-01', '区城市建设发展集团职员'), post('2015-01', '五宝镇副镇长')],
      },
      1,
    ],
    [
      'studies that name a town or a major but are no posts',
      {
        positions: [post('2003-09', '五宝镇中学学习'), post('2006-09', '重庆大学城乡规划专业学习'), post('2010-07', '区住房城乡建委科员')],
        unitType: 'street',
        unitName: '观音桥街道',
      },
      0,
    ],
    [
      'commendations and sanctions: only the first sanction matters',
      {
        commendations: [
          { kind: 'commendation', month: '2015-12', text: '区级优秀公务员' },
          { kind: 'sanction', month: '2017-03', text: '受到党内警告处分' },
          { kind: 'sanction', month: '2019-05', text: '受到诫勉谈话' },
        ],
      },
      0,
    ],
    [
      'assessments out of order: only the latest 优秀 matters',
      {
        annualAssessments: [
          { year: 2024, grade: '称职' },
          { year: 2019, grade: '优秀' },
          { year: 2022, grade: '优秀' },
          { year: 2016, grade: '优秀' },
          { year: 2023, grade: '基本称职' },
        ],
      },
      0,
    ],
  ];
  const dates = ['2018-01-15', '2023-06-15', '2025-12-31', '2031-03-01'].map((d) => new Date(`${d}T00:00:00Z`));

  for (const [what, patch, keptPositions] of cases) {
    it(`keeps what the rules read: ${what}`, () => {
      const full: TagSource = { ...base, ...patch };
      const compact = tagRelevantSource(full);
      expect(compact.positions.length).toBe(keptPositions);
      expect(compact.commendations.length).toBeLessThanOrEqual(1);
      expect(compact.annualAssessments.length).toBeLessThanOrEqual(1);
      for (const asOf of dates) {
        expect(deriveTags(compact, asOf)).withContext(asOf.toISOString()).toEqual(deriveTags(full, asOf));
      }
    });
  }
});
