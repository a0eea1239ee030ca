import { aCadreRecord } from './cadre-record.fixture';
import { buildTimeline, type TimelineEntry } from './timeline';

/** An entry as one comparable line: its kind and the month it sorts by. */
function describe_(entry: TimelineEntry): string {
  switch (entry.kind) {
    case 'position':
    case 'study':
      return `${entry.kind} ${entry.start}`;
    case 'assessment':
      return `assessment ${entry.year}`;
    default:
      return `${entry.kind} ${entry.month ?? '-'}`;
  }
}

describe('buildTimeline', () => {
  it('merges posts, assessments, rewards and sanctions, newest first, assessments at their year end', () => {
    const timeline = buildTimeline(aCadreRecord());

    expect(timeline.entries.map(describe_)).toEqual([
      'assessment 2024',
      'assessment 2023',
      'position 2021-03',
      'commendation 2019-12',
      'position 2015-02',
      'position 2009-07',
      'study 2005-09',
    ]);
  });

  it('keeps the 其间 entries inside their post', () => {
    const post = buildTimeline(aCadreRecord()).entries.find((e) => e.kind === 'position' && e.start === '2009-07');

    expect(post).toEqual(jasmine.objectContaining({ subEntries: [{ start: '2011-03', end: '2012-03', text: '挂职石柱县龙沙镇龙沙村第一书记', study: false }] }));
  });

  it('labels periods of study as study, full-time and in-service, and 其间 courses within a post', () => {
    const timeline = buildTimeline(
      aCadreRecord({
        positions: [
          { start: '2001-09', end: '2005-07', text: '西南大学经济学专业学习' },
          { start: '2005-09', end: '2008-07', text: '重庆大学公共管理专业研究生学习，获硕士学位' },
          {
            start: '2008-07',
            end: null,
            text: '区财政局科员、副科长',
            subEntries: [
              { start: '2012-09', end: '2015-07', text: '在中共重庆市委党校经济管理专业在职研究生学习' },
              { start: '2016-03', end: '2016-05', text: '在区委党校中青年干部培训班学习' },
              { start: '2017-03', end: '2018-03', text: '挂职任鱼嘴镇党委副书记' },
            ],
          },
        ],
      }),
    );
    const lines = timeline.entries.filter((e) => e.kind === 'position' || e.kind === 'study');

    expect(lines.map(describe_)).toEqual(['position 2008-07', 'study 2005-09', 'study 2001-09']);
    const post = lines[0]!;
    expect(post.kind === 'position' && post.subEntries.map((sub) => sub.study)).toEqual([true, true, false]);
  });

  it('puts rewards and sanctions without a month after the dated entries, in the record’s order', () => {
    const timeline = buildTimeline(
      aCadreRecord({
        commendations: [
          { kind: 'sanction', month: null, text: '诫勉谈话' },
          { kind: 'commendation', month: null, text: '嘉奖' },
        ],
      }),
    );

    expect(timeline.undated.map(describe_)).toEqual(['sanction -', 'commendation -']);
    expect(timeline.entries.some((e) => e.kind === 'sanction' || e.kind === 'commendation')).toBeFalse();
  });

  const EMPTY_KINDS: readonly [string, Parameters<typeof aCadreRecord>[0], string[]][] = [
    ['a full record', {}, ['training', 'practice']],
    ['a record without sanctions', { commendations: [{ kind: 'commendation', month: '2019-12', text: '嘉奖' }] }, ['sanction', 'training', 'practice']],
    [
      'an empty record',
      { positions: [], commendations: [], annualAssessments: [] },
      ['position', 'study', 'assessment', 'commendation', 'sanction', 'training', 'practice'],
    ],
  ];
  for (const [name, overrides, expected] of EMPTY_KINDS) {
    it(`names the kinds with no entry for ${name}`, () => {
      expect(buildTimeline(aCadreRecord(overrides)).emptyKinds).toEqual(expected as never);
    });
  }

  it('keeps entries of the same month in the record’s order', () => {
    const timeline = buildTimeline(
      aCadreRecord({
        positions: [],
        annualAssessments: [],
        commendations: [
          { kind: 'commendation', month: '2020-06', text: '甲' },
          { kind: 'commendation', month: '2020-06', text: '乙' },
        ],
      }),
    );

    expect(timeline.entries.map((e) => (e.kind === 'commendation' ? e.text : ''))).toEqual(['甲', '乙']);
  });
});
