import { UNIT_TYPES, UnitSchema, computeAgeInYears, type UnitType } from '@cadre/shared-models';
import {
  DEMO_DISTRICT_NAME,
  generateDemoCadres,
  generateDemoDistrict,
  generateDemoUnits,
  type DemoCadre,
  type DemoUnit,
} from './demo-district.js';
import { computeIdNumberCheckDigit } from './id-number.js';

const AS_OF = new Date('2025-06-15T00:00:00Z');

function generate(count: number, seed = 20211, asOf = AS_OF, units: DemoUnit[] = generateDemoUnits()): DemoCadre[] {
  return [...generateDemoCadres({ count, seed, units, asOf })];
}

function addYears(yearMonth: string, years: number): string {
  return `${Number(yearMonth.slice(0, 4)) + years}${yearMonth.slice(4)}`;
}

describe('generateDemoUnits', () => {
  const units = generateDemoUnits();
  const byCode = new Map(units.map((unit) => [unit.code, unit]));

  it('lists about forty units with unique, schema-valid codes and names', () => {
    expect(units.length).toBeGreaterThanOrEqual(35);
    expect(units.length).toBeLessThanOrEqual(45);
    expect(byCode.size).toBe(units.length);
    for (const unit of units) {
      expect(UnitSchema.shape.code.safeParse(unit.code).success).withContext(unit.code).toBeTrue();
      expect(UnitSchema.shape.name.safeParse(unit.name).success).withContext(unit.name).toBeTrue();
    }
  });

  it('has one root, the fictional party committee', () => {
    const roots = units.filter((unit) => unit.parentCode === null);
    expect(roots.length).toBe(1);
    expect(roots[0].type).toBe('party_committee');
    expect(roots[0].name).toContain('（示例）');
    expect(DEMO_DISTRICT_NAME).toContain('（示例）');
  });

  it('lists every parent before its children', () => {
    const seen = new Set<string>();
    for (const unit of units) {
      if (unit.parentCode !== null) expect(seen.has(unit.parentCode)).withContext(unit.code).toBeTrue();
      seen.add(unit.code);
    }
  });

  it('numbers siblings 0, 1, 2… in listing order', () => {
    const orders = new Map<string | null, number[]>();
    for (const unit of units) orders.set(unit.parentCode, [...(orders.get(unit.parentCode) ?? []), unit.sortOrder]);
    for (const [parent, sortOrders] of orders) {
      expect(sortOrders).withContext(String(parent)).toEqual(sortOrders.map((_, index) => index));
    }
  });

  const expectedCounts: Record<UnitType, [min: number, max: number]> = {
    party_committee: [1, 1],
    org_department: [1, 1],
    department: [15, 20],
    street: [8, 10],
    town: [3, 3],
    state_enterprise: [3, 5],
    public_institution: [2, 4],
  };
  for (const type of UNIT_TYPES) {
    const [min, max] = expectedCounts[type];
    it(`has ${min === max ? min : `${min}–${max}`} units of type ${type}`, () => {
      const count = units.filter((unit) => unit.type === type).length;
      expect(count).toBeGreaterThanOrEqual(min);
      expect(count).toBeLessThanOrEqual(max);
    });
  }
});

describe('generateDemoCadres', () => {
  const units = generateDemoUnits();
  const unitCodes = new Set(units.map((unit) => unit.code));
  let cadres: DemoCadre[];
  beforeAll(() => (cadres = generate(2500)));

  for (const count of [0, 1, 7, 1209, 2500]) {
    it(`yields exactly ${count} cadres when asked for ${count}`, () => expect(generate(count).length).toBe(count));
  }

  it('yields the same cadres for the same count, seed and date', () => {
    expect(generate(400, 99)).toEqual(generate(400, 99));
  });

  it('yields different cadres for a different seed', () => {
    const [first, second] = [generate(400, 99), generate(400, 100)];
    const same = first.filter((cadre, index) => JSON.stringify(cadre) === JSON.stringify(second[index]));
    expect(same.length).toBe(0);
  });

  it('places every cadre in a known unit', () => {
    expect(cadres.filter((cadre) => !unitCodes.has(cadre.unitCode)).map((cadre) => cadre.unitCode)).toEqual([]);
  });

  it('gives unique, valid ID numbers that agree with birth month and sex', () => {
    expect(new Set(cadres.map((cadre) => cadre.idNumber)).size).toBe(cadres.length);
    for (const { idNumber, birthMonth, sex } of cadres) {
      expect(idNumber).toMatch(/^50\d{15}[\dX]$/);
      expect(idNumber[17]).withContext(idNumber).toBe(computeIdNumberCheckDigit(idNumber.slice(0, 17)));
      expect(`${idNumber.slice(6, 10)}-${idNumber.slice(10, 12)}`).toBe(birthMonth);
      const day = Number(idNumber.slice(12, 14));
      const [year, month] = birthMonth.split('-').map(Number);
      expect(day).toBeGreaterThanOrEqual(1);
      expect(day).toBeLessThanOrEqual(new Date(Date.UTC(year, month, 0)).getUTCDate());
      expect(Number(idNumber[16]) % 2 === 1).withContext(idNumber).toBe(sex === '男');
    }
  });

  it('keeps every age at the reference date between 23 and 60', () => {
    const ages = cadres.map((cadre) => computeAgeInYears(cadre.birthMonth, AS_OF));
    expect(Math.min(...ages)).toBeGreaterThanOrEqual(23);
    expect(Math.max(...ages)).toBeLessThanOrEqual(60);
    const middleAged = ages.filter((age) => age >= 35 && age <= 55).length;
    expect(middleAged / ages.length).toBeGreaterThan(0.5);
  });

  it('orders each career: born, 18, Party and work, post, all before the reference month', () => {
    const asOfMonth = '2025-06';
    for (const cadre of cadres) {
      const context = JSON.stringify(cadre);
      expect(cadre.workStartMonth >= addYears(cadre.birthMonth, 16)).withContext(context).toBeTrue();
      expect(cadre.postStartMonth >= cadre.workStartMonth).withContext(context).toBeTrue();
      expect(cadre.postStartMonth < asOfMonth).withContext(context).toBeTrue();
      if (cadre.partyJoinMonth !== null) {
        expect(cadre.partyJoinMonth >= addYears(cadre.birthMonth, 18)).withContext(context).toBeTrue();
        expect(cadre.partyJoinMonth < asOfMonth).withContext(context).toBeTrue();
      }
    }
  });


  it('gives every staffed unit its own head, and the party committee none', () => {
    const headedUnits = new Set(cadres.filter((cadre) => cadre.postLevel === '县处级正职').map((cadre) => cadre.unitCode));
    expect(headedUnits).toEqual(new Set(units.filter((unit) => unit.type !== 'party_committee').map((unit) => unit.code)));
    expect(cadres.some((cadre) => cadre.unitCode === 'JB-QW')).toBeFalse();
  });

  it('has between a third and two fifths women, fewer among the 县处级', () => {
    const shareOfWomen = (group: DemoCadre[]) => group.filter((cadre) => cadre.sex === '女').length / group.length;
    expect(shareOfWomen(cadres)).toBeGreaterThan(0.33);
    expect(shareOfWomen(cadres)).toBeLessThan(0.42);
    const leaders = cadres.filter((cadre) => cadre.postLevel.startsWith('县处级'));
    expect(shareOfWomen(leaders)).toBeLessThan(shareOfWomen(cadres));
  });

  it('makes secondees doctors in deputy posts, and contract hires non-leading professionals', () => {
    const secondees = cadres.filter((cadre) => cadre.appointmentType === '挂职');
    const contractHires = cadres.filter((cadre) => cadre.appointmentType === '聘任制');
    expect(secondees.length).toBeGreaterThan(0);
    expect(contractHires.length).toBeGreaterThan(0);
    expect(secondees.length + contractHires.length).toBeLessThan(cadres.length * 0.05);
    for (const cadre of secondees) {
      expect([cadre.fullTimeEducation.degree, cadre.postLevel, cadre.post.endsWith('（挂职）')]).toEqual(['博士', '县处级副职', true]);
    }
    for (const cadre of contractHires) {
      expect([cadre.postLevel, cadre.category, cadre.post.endsWith('（聘任制）')]).toEqual(['非领导职务', '专业技术类', true]);
    }
  });

  it('puts 行政执法类 cadres in law-enforcement units such as the market regulator', () => {
    const regulator = cadres.filter((cadre) => cadre.unitCode === 'JB-D14');
    const enforcementShare = regulator.filter((cadre) => cadre.category === '行政执法类').length / regulator.length;
    expect(enforcementShare).toBeGreaterThan(0.3);
    expect(cadres.filter((cadre) => cadre.unitCode === 'JB-ZZB').every((cadre) => cadre.category === '综合管理类')).toBeTrue();
  });

  it('scales units in proportion and keeps one set of heads per unit', () => {
    const large = generate(24_180, 5);
    const sizeOf = (code: string) => large.filter((cadre) => cadre.unitCode === code).length;
    expect(sizeOf('JB-S01') / sizeOf('JB-S09')).toBeCloseTo(50 / 30, 1);
    expect(large.filter((cadre) => cadre.unitCode === 'JB-S01' && cadre.postLevel === '县处级正职').length).toBe(2);
  });

  it('staffs units from outside the demo tree like others of their type', () => {
    const own: DemoUnit = { code: 'X-S01', name: '某某街道', type: 'street', parentCode: null, sortOrder: 0 };
    const [head] = generate(30, 1, AS_OF, [own]);
    expect(head.post).toBe('某某街道党工委书记');
  });

  const badCounts = [-1, 1.5, Number.NaN];
  for (const count of badCounts) {
    it(`refuses a count of ${count}`, () => expect(() => generate(count)).toThrowError(RangeError));
  }

  it('refuses to place cadres when no given unit takes any', () => {
    const [root] = generateDemoUnits();
    expect(() => generate(10, 1, AS_OF, [root])).toThrowError(RangeError);
  });
});

describe('generateDemoDistrict', () => {
  it('names the fictional district and streams its cadres into its units', () => {
    const district = generateDemoDistrict({ cadres: 50, seed: 1, asOf: AS_OF });
    expect(district.name).toBe(DEMO_DISTRICT_NAME);
    expect(district.units).toEqual(generateDemoUnits());
    expect([...district.cadres]).toEqual(generate(50, 1));
  });
});
