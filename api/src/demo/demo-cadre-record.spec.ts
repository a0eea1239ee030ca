import {
  CadreInputSchema,
  DEGREES,
  EDUCATION_LEVELS,
  deriveTags,
  formatCommendations,
  formatResume,
  parseCommendations,
  parseResume,
  type EducationRow,
} from '@cadre/shared-models';
import { isDeepStrictEqual } from 'node:util';
import { checkCadreConsistency } from '../cadres/cadre-writer.js';
import { generateDemoCadres, generateDemoUnits, type DemoCadre, type DemoUnit } from './demo-district.js';
import { MINORITY_NATIVE_PLACES, NATIVE_PLACES, URBAN_BIRTH_PLACES } from './name-data.js';

// The record-level rules of the generated appointment forms. December, so that every year up to
// the last assessed one (2024) is complete and the reference month is late in its year.
const AS_OF = new Date('2025-12-10T00:00:00Z');
const AS_OF_MONTH = '2025-12';
const LAST_ASSESSED_YEAR = 2024;
const SAMPLE_UNIT_ID = '0123456789abcdef01234567';
const units = generateDemoUnits();

function generate(count: number, seed: number, showcaseUnitCode?: string, own: DemoUnit[] = units): DemoCadre[] {
  return [...generateDemoCadres({ count, seed, units: own, asOf: AS_OF, showcaseUnitCode })];
}

function toInput(cadre: DemoCadre) {
  const { unitCode: _unitCode, showcase: _showcase, ...input } = cadre;
  return { ...input, unitId: SAMPLE_UNIT_ID };
}

const rank = (row: EducationRow) => (row.education === null ? EDUCATION_LEVELS.length : EDUCATION_LEVELS.indexOf(row.education));
const isCourse = (text: string) => /学习(，获.+学位)?$/.test(text);
const yearOf = (month: string) => Number(month.slice(0, 4));
const addYears = (month: string, years: number) => `${yearOf(month) + years}${month.slice(4)}`;

/** The first failures as readable context: name, the offending value, and the rule. */
function failuresOf<T>(cadres: readonly DemoCadre[], check: (cadre: DemoCadre) => T | null): Array<[string, T]> {
  const failures: Array<[string, T]> = [];
  for (const cadre of cadres) {
    const failure = check(cadre);
    if (failure !== null) failures.push([cadre.name, failure]);
    if (failures.length >= 3) break;
  }
  return failures;
}

describe('the generated appointment-form records', () => {
  let cadres: DemoCadre[];
  beforeAll(() => (cadres = generate(2000, 31)));

  it('are accepted by CadreInputSchema, which changes nothing in them: the record as the API stores it', () => {
    expect(failuresOf(cadres, (cadre) => {
      const input = toInput(cadre);
      const result = CadreInputSchema.safeParse(input);
      if (!result.success) return result.error.issues.slice(0, 2);
      return isDeepStrictEqual(result.data, input) ? null : 'changed by parsing';
    })).toEqual([]);
  });

  it('pass the cross-field checks of the cadre writer', () => {
    expect(failuresOf(cadres, (cadre) => {
      const errors = checkCadreConsistency(CadreInputSchema.parse(toInput(cadre)), '', AS_OF);
      return errors.length > 0 ? errors : null;
    })).toEqual([]);
  });

  describe('position history (简历)', () => {
    it('lists courses before work, then posts without a gap from the work start month', () => {
      expect(failuresOf(cadres, ({ positions, workStartMonth }) => {
        const courses = positions.filter((entry) => entry.end !== null && isCourse(entry.text) && entry.end <= workStartMonth);
        const posts = positions.slice(courses.length);
        if (courses.length === 0 || positions.slice(0, courses.length).some((entry, i) => entry !== courses[i])) return 'courses first';
        if (courses.some((entry, i) => i > 0 && courses[i - 1].end! > entry.start)) return 'courses overlap';
        if (posts[0]?.start !== workStartMonth) return `first post starts ${posts[0]?.start}, work ${workStartMonth}`;
        const gap = posts.findIndex((entry, i) => i > 0 && posts[i - 1].end !== entry.start);
        return gap < 0 ? null : `gap before post ${gap}`;
      })).toEqual([]);
    });

    it('ends with the current post, open since postStartMonth, and has no other open entry', () => {
      expect(failuresOf(cadres, ({ positions, post, postStartMonth }) => {
        const last = positions.at(-1)!;
        if (last.text !== post || last.start !== postStartMonth || last.end !== null) return last;
        return positions.slice(0, -1).some((entry) => entry.end === null) ? 'open entry before the last' : null;
      })).toEqual([]);
    });

    it('keeps every period forward in time, within the career, before the reference month', () => {
      expect(failuresOf(cadres, ({ positions, birthMonth }) => {
        for (const entry of positions) {
          if (entry.start < addYears(birthMonth, 14) || entry.start >= AS_OF_MONTH) return entry;
          if (entry.end !== null && entry.end <= entry.start) return entry;
          for (const sub of entry.subEntries ?? []) {
            const inside = sub.start >= entry.start && sub.end !== null && sub.end > sub.start && sub.end <= (entry.end ?? AS_OF_MONTH);
            if (!inside || sub.end! >= AS_OF_MONTH) return sub;
          }
        }
        return null;
      })).toEqual([]);
    });

    it('has two to six posts, or one in the first year of work', () => {
      const postsOf = ({ positions, workStartMonth }: DemoCadre) => positions.filter((entry) => entry.start >= workStartMonth).length;
      expect(failuresOf(cadres, (cadre) => {
        const posts = postsOf(cadre);
        const firstYear = addYears(cadre.workStartMonth, 1) >= AS_OF_MONTH;
        return (firstYear ? posts === 1 : posts >= 2 && posts <= 6) ? null : posts;
      })).toEqual([]);
      const counts = new Set(cadres.map(postsOf));
      expect([2, 3, 4, 5, 6].every((count) => counts.has(count))).withContext([...counts].join()).toBeTrue();
    });

    it('reads back from resume text as the same entries', () => {
      expect(failuresOf(cadres, ({ positions }) => {
        return isDeepStrictEqual(parseResume(formatResume(positions)), positions) ? null : formatResume(positions);
      })).toEqual([]);
    });

    it('gives some cadres grassroots, enterprise and 其间 experience, and dates the part-time course inside a post', () => {
      const share = (test: (cadre: DemoCadre) => boolean) => cadres.filter(test).length / cadres.length;
      const tagged = (tag: string) => (cadre: DemoCadre) =>
        deriveTags({ ...cadre, education: '大学本科', unitName: '', unitType: 'department' }, AS_OF).some((t) => t.tag === tag);
      expect(share(tagged('基层经历'))).toBeGreaterThan(0.2);
      expect(share(tagged('企业经历'))).toBeGreaterThan(0.05);
      const subTexts = cadres.flatMap((cadre) => cadre.positions.flatMap((entry) => (entry.subEntries ?? []).map((sub) => sub.text)));
      expect(subTexts.some((text) => text.includes('党校') && text.includes('班学习'))).toBeTrue();
      expect(subTexts.some((text) => text.includes('挂职'))).toBeTrue();
      const studied = cadres.filter((cadre) => cadre.inServiceEducation.educationSchool !== '' || cadre.inServiceEducation.degreeSchool !== '');
      const dated = studied.filter((cadre) => cadre.positions.some((entry) =>
        (entry.subEntries ?? []).some((sub) => sub.text.startsWith('在') && sub.text.includes(cadre.inServiceEducation.educationSchool || cadre.inServiceEducation.degreeSchool))));
      expect(dated.length / studied.length).toBeGreaterThan(0.9);
    });
  });

  describe('education', () => {
    it('puts the higher 学历 (or a later degree) in the in-service row, never a lower one', () => {
      expect(failuresOf(cadres, ({ fullTimeEducation: fullTime, inServiceEducation: inService }) => {
        if (fullTime.education === null) return 'no full-time row';
        const empty = inService.education === null && inService.degree === null;
        if (empty) return inService.educationSchool === '' && inService.degreeSchool === '' ? null : inService;
        if (inService.education === null) {
          return DEGREES.indexOf(inService.degree!) < DEGREES.indexOf(fullTime.degree ?? '无') ? null : [fullTime, inService];
        }
        return rank(inService) < rank(fullTime) ? null : [fullTime, inService];
      })).toEqual([]);
    });

    const degreesByRow: Array<[row: 'fullTimeEducation' | 'inServiceEducation', education: EducationRow['education'], degrees: EducationRow['degree'][]]> = [
      ['fullTimeEducation', '研究生', ['硕士', '博士']],
      ['fullTimeEducation', '大学本科', ['学士', null]],
      ['fullTimeEducation', '大学专科', [null]],
      ['fullTimeEducation', '中专', [null]],
      ['fullTimeEducation', '高中及以下', [null]],
      ['inServiceEducation', '研究生', ['硕士', null]],
      ['inServiceEducation', '大学本科', ['学士', null]],
      ['inServiceEducation', '大学专科', [null]],
      ['inServiceEducation', null, ['硕士', null]],
    ];
    for (const [row, education, degrees] of degreesByRow) {
      it(`gives a ${row} of ${education} only the degrees ${degrees.join('/')}, with the school of each`, () => {
        const rows = cadres.map((cadre) => cadre[row]).filter((r) => r.education === education);
        expect(rows.filter((r) => !degrees.includes(r.degree)).slice(0, 3)).toEqual([]);
        expect(rows.filter((r) => (r.degree === null) !== (r.degreeSchool === '')).slice(0, 3)).toEqual([]);
        expect(rows.filter((r) => (r.education === null) !== (r.educationSchool === '')).slice(0, 3)).toEqual([]);
      });
    }

    it('upgrades many older cadres by part-time study, party schools among the schools', () => {
      const older = cadres.filter((cadre) => cadre.birthMonth < '1976-01');
      const upgraded = older.filter((cadre) => cadre.inServiceEducation.education !== null);
      expect(upgraded.length / older.length).toBeGreaterThan(0.25);
      expect(upgraded.some((cadre) => cadre.inServiceEducation.educationSchool.startsWith('中共重庆市委党校'))).toBeTrue();
      expect(upgraded.some((cadre) => cadre.fullTimeEducation.education === '大学专科' && cadre.inServiceEducation.education === '大学本科')).toBeTrue();
    });
  });

  describe('annual assessments', () => {
    it('has one entry a year from 2015 or the work start year to the last year assessed', () => {
      expect(failuresOf(cadres, ({ annualAssessments, workStartMonth }) => {
        const first = Math.max(2015, yearOf(workStartMonth));
        const years = annualAssessments.map((a) => a.year);
        const expected = Array.from({ length: Math.max(0, LAST_ASSESSED_YEAR - first + 1) }, (_, i) => first + i);
        return JSON.stringify(years) === JSON.stringify(expected) ? null : years;
      })).toEqual([]);
    });

    it('leaves only the first, partial year of work ungraded', () => {
      expect(failuresOf(cadres, ({ annualAssessments, workStartMonth }) => {
        const ungraded = annualAssessments.filter((a) => a.grade === '不定等次').map((a) => a.year);
        const expected = yearOf(workStartMonth) >= 2015 && yearOf(workStartMonth) <= LAST_ASSESSED_YEAR ? [yearOf(workStartMonth)] : [];
        return JSON.stringify(ungraded) === JSON.stringify(expected) ? null : ungraded;
      })).toEqual([]);
    });

    it('grades mostly 称职, about one in six 优秀, 基本称职 rarely', () => {
      const grades = cadres.flatMap((cadre) => cadre.annualAssessments.map((a) => a.grade)).filter((grade) => grade !== '不定等次');
      const share = (grade: string) => grades.filter((g) => g === grade).length / grades.length;
      expect(share('优秀')).toBeGreaterThan(0.14);
      expect(share('优秀')).toBeLessThan(0.21);
      expect(share('基本称职')).toBeGreaterThan(0);
      expect(share('基本称职')).toBeLessThan(0.02);
      expect(share('称职')).toBeGreaterThan(0.75);
    });
  });

  describe('commendations and sanctions', () => {
    it('reads back from the form text as the same entries, in month order, within the career', () => {
      expect(failuresOf(cadres, ({ commendations, workStartMonth }) => {
        if (JSON.stringify(parseCommendations(formatCommendations(commendations))) !== JSON.stringify(commendations)) return commendations;
        const months = commendations.map((c) => c.month!);
        if (months.some((month, i) => month < workStartMonth || month >= AS_OF_MONTH || (i > 0 && months[i - 1] > month))) return months;
        return null;
      })).toEqual([]);
    });

    it('gives commendations to a minority and sanctions to a few, never with 优秀 in the year of a sanction', () => {
      const withCommendation = cadres.filter((cadre) => cadre.commendations.some((c) => c.kind === 'commendation'));
      const sanctioned = cadres.filter((cadre) => cadre.commendations.some((c) => c.kind === 'sanction'));
      expect(withCommendation.length / cadres.length).toBeGreaterThan(0.1);
      expect(withCommendation.length / cadres.length).toBeLessThan(0.45);
      expect(sanctioned.length).toBeGreaterThan(0);
      expect(sanctioned.length / cadres.length).toBeLessThan(0.03);
      expect(failuresOf(sanctioned, ({ commendations, annualAssessments }) => {
        const year = yearOf(commendations.find((c) => c.kind === 'sanction')!.month!);
        return annualAssessments.some((a) => a.year === year && a.grade === '优秀') ? year : null;
      })).toEqual([]);
    });

    it('gives a 嘉奖 only for a year graded 优秀, and 三等功 only for three in a row', () => {
      expect(failuresOf(cadres, ({ commendations, annualAssessments }) => {
        const excellent = new Set(annualAssessments.filter((a) => a.grade === '优秀').map((a) => a.year));
        for (const { text } of commendations) {
          const single = /^(\d{4})年度考核被确定为优秀等次，给予嘉奖$/.exec(text);
          if (single && !excellent.has(Number(single[1]))) return text;
          const three = /^(\d{4})—(\d{4})年度连续三年/.exec(text);
          if (three && ![0, 1, 2].every((i) => excellent.has(Number(three[1]) + i))) return text;
        }
        return null;
      })).toEqual([]);
    });

    it('gives Party honours and sanctions only to those who were CPC members by then', () => {
      expect(failuresOf(cadres, ({ commendations, partyJoinMonth, otherParty }) => {
        const member = otherParty === null ? partyJoinMonth : null;
        const partyOnly = commendations.find((c) => /共产党员|党务工作者|党内/.test(c.text) && (member === null || c.month! <= member));
        return partyOnly ?? null;
      })).toEqual([]);
    });
  });

  describe('person', () => {
    it('keeps party fields consistent: 民主党派 with a join month after work began, 无党派人士 without', () => {
      expect(failuresOf(cadres, ({ otherParty, partyJoinMonth, workStartMonth }) => {
        if (otherParty === '无党派人士') return partyJoinMonth === null ? null : partyJoinMonth;
        if (otherParty !== null) return partyJoinMonth !== null && partyJoinMonth > workStartMonth ? null : partyJoinMonth;
        return null;
      })).toEqual([]);
      const nonParty = cadres.filter((cadre) => cadre.otherParty !== null);
      expect(nonParty.some((cadre) => cadre.otherParty === '无党派人士')).toBeTrue();
      expect(new Set(nonParty.map((cadre) => cadre.otherParty)).size).toBeGreaterThan(4);
    });

    it('starts each ID number with the code of the birthplace', () => {
      const codes = new Map<string, string>();
      for (const place of [...NATIVE_PLACES.values, ...MINORITY_NATIVE_PLACES.values, ...URBAN_BIRTH_PLACES.values]) {
        if (place.areaCode !== null) codes.set(place.name, place.areaCode);
      }
      expect(failuresOf(cadres, ({ birthPlace, idNumber }) => (codes.get(birthPlace) === idNumber.slice(0, 6) ? null : [birthPlace, idNumber.slice(0, 6)]))).toEqual([]);
      expect(cadres.filter((cadre) => cadre.birthPlace !== cadre.nativePlace).length).toBeGreaterThan(0);
    });

    it('gives every 专业技术类 cadre a professional title, and most cadres good health', () => {
      expect(failuresOf(cadres, ({ category, professionalTitle }) => (category === '专业技术类' && professionalTitle === '' ? category : null))).toEqual([]);
      expect(cadres.filter((cadre) => cadre.health === '健康').length / cadres.length).toBeGreaterThan(0.9);
      expect(cadres.filter((cadre) => cadre.expertise !== '').length / cadres.length).toBeGreaterThan(0.8);
    });

    it('lists a family of plausible ages: spouse, children born to an adult, then both parents', () => {
      expect(failuresOf(cadres, ({ family, birthMonth }) => {
        const titles = family.map((member) => member.title);
        const parents = titles.slice(-2);
        if (JSON.stringify(parents) !== JSON.stringify(['父亲', '母亲'])) return titles;
        for (const member of family) {
          if (member.birthMonth === null || member.birthMonth >= AS_OF_MONTH || member.name.length < 2 || member.workUnitAndPost === '') return member;
          if ((member.title === '儿子' || member.title === '女儿') && member.birthMonth < addYears(birthMonth, 20)) return member;
          if ((member.title === '父亲' || member.title === '母亲') && member.birthMonth > addYears(birthMonth, -18)) return member;
        }
        return titles.slice(0, -2).every((title, i) => (i === 0 ? ['妻子', '丈夫', '儿子', '女儿'] : ['儿子', '女儿']).includes(title)) ? null : titles;
      })).toEqual([]);
    });

    it('tags 选调生 who started in a village or community, and 后备干部 among younger section chiefs and deputies', () => {
      expect(failuresOf(cadres, ({ manualTags, positions, workStartMonth }) => {
        const first = positions.find((entry) => entry.start === workStartMonth)!;
        const selected = /(村党支部|社区党委)书记助理$/.test(first.text);
        return selected === manualTags.includes('选调生') ? null : [first.text, manualTags];
      })).toEqual([]);
      expect(failuresOf(cadres, ({ manualTags, postLevel }) =>
        !manualTags.includes('后备干部') || postLevel === '乡科级正职' || postLevel === '县处级副职' ? null : postLevel)).toEqual([]);
      expect(cadres.some((cadre) => cadre.manualTags.includes('选调生'))).toBeTrue();
      expect(cadres.some((cadre) => cadre.manualTags.includes('后备干部'))).toBeTrue();
    });

    it('names the unit as the submitting unit of the form', () => {
      const names = new Map(units.map((unit) => [unit.code, unit.name]));
      expect(failuresOf(cadres, ({ appointmentForm, unitCode }) => (appointmentForm.submittingUnit === names.get(unitCode) ? null : appointmentForm))).toEqual([]);
    });
  });

  describe('the demo account’s cadre', () => {
    it('is the first section chief of the named unit, with every part of the form filled', () => {
      const sample = generate(1200, 20211, 'JB-S01');
      const showcases = sample.filter((cadre) => cadre.showcase);
      expect(showcases.length).toBe(1);
      const [cadre] = showcases;
      expect(cadre).toBe(sample.find((c) => c.unitCode === 'JB-S01' && c.postLevel === '乡科级正职')!);
      expect(cadre.inServiceEducation.education).toBe('研究生');
      expect(cadre.manualTags).toEqual(['选调生', '后备干部']);
      expect(cadre.professionalTitle).not.toBe('');
      expect(cadre.commendations.length).toBeGreaterThanOrEqual(2);
      expect(cadre.family.map((member) => member.title)).toEqual(jasmine.arrayContaining([cadre.sex === '男' ? '妻子' : '丈夫', '父亲', '母亲']));
      expect(cadre.family.some((member) => member.title === '儿子' || member.title === '女儿')).toBeTrue();
      // Earned through the 简历, not merely through the unit's type.
      const tags = deriveTags({ ...cadre, education: '研究生', unitName: '观音桥街道', unitType: 'department' }, AS_OF).map((t) => t.tag);
      expect(tags).toEqual(jasmine.arrayContaining(['基层经历', '企业经历']));
      const subTexts = cadre.positions.flatMap((entry) => (entry.subEntries ?? []).map((sub) => sub.text));
      expect(subTexts.length).toBe(3);
      expect(subTexts.filter((text) => text.includes('挂职')).length).toBe(1);
      expect(subTexts.filter((text) => text.includes('党校') && text.includes('班学习')).length).toBe(1);
    });

    it('is none when no unit is named, and the first cadre of a unit too small for a section chief', () => {
      expect(generate(300, 5).some((cadre) => cadre.showcase)).toBeFalse();
      const small: DemoUnit = { code: 'X-S01', name: '某某街道', type: 'street', parentCode: null, sortOrder: 0 };
      const [first, ...rest] = generate(2, 5, 'X-S01', [small]);
      expect([first.showcase, first.postLevel]).toEqual([true, '县处级正职']);
      expect(rest.some((cadre) => cadre.showcase)).toBeFalse();
    });
  });
});
