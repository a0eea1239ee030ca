import { deriveTags, type TagSource } from '../cadres/cadre-derivations.js';
import { parseAnnualAssessments, parseCommendations } from '../cadres/form-texts.js';
import { ManualTagSchema, CadreInputSchema } from '../cadres/cadre-record.js';
import { normalizeIdNumber, validateIdNumber } from '../id-number/id-number.js';
import { parsePartyField, parseYearMonth } from '../lrmx/lrmx-dates.js';
import { parseDegree, parseEducationLevel, parseOtherParty } from '../lrmx/lrmx-mapping.js';
import { LrmxPersonSchema } from '../lrmx/lrmx-person.js';
import { formatResume, parseResume } from '../lrmx/lrmx-resume.js';
import { countCharacterClasses } from '../auth/password-policy.js';
import { isSeriousSanction } from '../evaluation/evidence.js';

// Every pattern that reads user or file text, fed 10,000 characters shaped to make a backtracking
// engine try every way of splitting them. Linear code needs a few milliseconds; the budget is
// generous for a loaded 2-core machine, and the patterns these replaced took seconds to minutes
// (200 spaces in 年度考核结果: 5 s; 400: 121 s).
const BUDGET_MS = 500;
const LENGTH = 10_000;

const spaces = (n: number) => ' '.repeat(n);
const fill = (unit: string) => unit.repeat(Math.ceil(LENGTH / unit.length)).slice(0, LENGTH);

const tagSource = (text: string): TagSource => ({
  sex: '男',
  birthMonth: '1980-03',
  ethnicity: '汉族',
  partyJoinMonth: '2003-06',
  otherParty: null,
  education: '大学本科',
  postLevel: '乡科级正职',
  postStartMonth: '2022-01',
  appointmentType: '委任',
  unitName: '区财政局',
  unitType: 'department',
  positions: [{ start: '2000-09', end: null, text }],
  commendations: [],
  annualAssessments: [],
});

const cases: Array<[what: string, run: () => unknown]> = [
  // 年度考核结果
  ['parseAnnualAssessments: spaces after 年 and no grade', () => parseAnnualAssessments(`2021年${spaces(LENGTH)}x`)],
  ['parseAnnualAssessments: spaces between every optional word', () => parseAnnualAssessments(`2021年度${spaces(LENGTH / 2)}考核${spaces(LENGTH / 2)}x`)],
  ['parseAnnualAssessments: many years each followed by spaces', () => parseAnnualAssessments(fill(`2021年${spaces(40)}`))],
  ['parseAnnualAssessments: digits only', () => parseAnnualAssessments(fill('2021'))],
  // 奖惩情况
  ['parseCommendations: a year and spaces with no month', () => parseCommendations(`2019${spaces(LENGTH)}x`)],
  ['parseCommendations: spaces around 月', () => parseCommendations(`2019.3${spaces(LENGTH / 2)}月${spaces(LENGTH / 2)}x`)],
  ['parseCommendations: unclosed <br tags', () => parseCommendations(fill(`<br${spaces(30)}`))],
  ['parseCommendations: only separators', () => parseCommendations(fill('；\r\n'))],
  // 简历
  ['parseResume: spaces after the separator and a line separator in the text', () => parseResume(`2001.01--${spaces(LENGTH)}a\u2028b`)],
  ['parseResume: spaces, then a long text with a line separator', () => parseResume(`2001.01--${spaces(LENGTH / 2)}${'a'.repeat(LENGTH / 2)}\u2029b`)],
  ['parseResume: spaces inside the dates', () => parseResume(`2001${spaces(LENGTH / 2)}.${spaces(LENGTH / 2)}x`)],
  ['parseResume: a 其间 block of unparsable pieces', () => parseResume(`2001.01--2002.01  x（其间：${fill(`；${spaces(8)}2001${spaces(8)}`)}）`)],
  ['parseResume: a 其间 block of many brackets', () => parseResume(`2001.01--2002.01  x（其间：${fill('（')}`)],
  ['parseResume: sub-entry lines of separators', () => parseResume(`2001.01--2002.01  x\n（${fill('；')}）`)],
  ['parseResume: many lines', () => parseResume(fill('2001.01--2002.01  某某镇科员\n'))],
  ['parseResume: spaces before 其间', () => parseResume(`2001.01--2002.01  x（${spaces(LENGTH)}其`)],
  // dates, parties, education
  ['parseYearMonth: digits', () => parseYearMonth(fill('1'))],
  ['parseYearMonth: dots', () => parseYearMonth(fill('1990.'))],
  ['parsePartyField: separators and digits', () => parsePartyField(fill('；1990.，'))],
  ['parsePartyField: one long part', () => parsePartyField(fill('1.'))],
  ['parseEducationLevel: 毕业 repeated', () => parseEducationLevel(`${fill('毕业')}x`)],
  ['parseEducationLevel: 毕业学历 repeated and spaces', () => parseEducationLevel(fill('毕业 学历 '))],
  ['parseDegree: 学位 repeated', () => parseDegree(`${fill('学位')}x`)],
  ['parseOtherParty: spaces', () => parseOtherParty(`${spaces(LENGTH)}民盟x`)],
  // ID numbers
  ['normalizeIdNumber: spaces', () => normalizeIdNumber(fill(' \u3000'))],
  ['validateIdNumber: digits', () => validateIdNumber(fill('1'))],
  // derived tags over position texts
  ['deriveTags: study words and commas ending in a line break', () => deriveTags(tagSource(`${fill('学习，')}\n`), new Date('2025-06-15T00:00:00Z'))],
  ['deriveTags: grassroots words', () => deriveTags(tagSource(fill('城乡镇')), new Date('2025-06-15T00:00:00Z'))],
  // schemas whose patterns run on submitted text
  ['ManualTagSchema: a long almost-valid tag', () => ManualTagSchema.safeParse(`${fill('标')}!`)],
  ['CadreInputSchema: a long name of spaces', () => CadreInputSchema.safeParse({ name: fill(' \u3000') })],
  ['LrmxPersonSchema: long values with line breaks and a data: photo', () =>
    LrmxPersonSchema.safeParse({ resume: fill('\r\n '), photoBase64: `data:${fill('a')}`, extras: [{ name: `a${fill('a')} `, value: '' }] })],
  ['isSeriousSanction: almost-words of serious sanctions', () => isSeriousSanction(fill('严重撤销党内留党记大'))],
  ['countCharacterClasses: a long password', () => countCharacterClasses(fill('a'))],
  ['formatResume then parseResume: long entry texts', () => parseResume(formatResume([{ start: '2001-01', end: null, text: fill('某 ') }]))],
];

describe('patterns over adversarial text', () => {
  for (const [what, run] of cases) {
    it(`${what}: ${LENGTH.toLocaleString('en')} characters within ${BUDGET_MS} ms`, () => {
      const started = Date.now();
      run();
      expect(Date.now() - started).toBeLessThan(BUDGET_MS);
    });
  }
});
