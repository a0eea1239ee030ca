import * as z from 'zod';
import { UnitTypeSchema } from '../units/unit.js';

/** Age bands the organization department reports team structure in (老中青梯次). */
export const AGE_BANDS = ['35岁及以下', '36-40岁', '41-45岁', '46-50岁', '51-55岁', '56岁及以上'] as const;
export const AgeBandSchema = z.enum(AGE_BANDS);
export type AgeBand = z.infer<typeof AgeBandSchema>;

const AGE_BAND_UPPER_BOUNDS: ReadonlyArray<readonly [number, AgeBand]> = [
  [35, '35岁及以下'],
  [40, '36-40岁'],
  [45, '41-45岁'],
  [50, '46-50岁'],
  [55, '51-55岁'],
];

/**
 * Full years of age at `on` for someone born in `birthMonth` (yyyy-MM), as the appointment form
 * counts them. Read in UTC so the server's time zone never changes an age.
 */
export function computeAgeInYears(birthMonth: string, on: Date): number {
  const [year, month] = birthMonth.split('-').map(Number) as [number, number];
  const age = on.getUTCFullYear() - year;
  return on.getUTCMonth() + 1 < month ? age - 1 : age;
}

/** The age band a given age falls in. */
export function ageBandOf(age: number): AgeBand {
  for (const [upper, band] of AGE_BAND_UPPER_BOUNDS) {
    if (age <= upper) return band;
  }
  return '56岁及以上';
}

export const CadreDistributionRowSchema = z.object({
  unitType: UnitTypeSchema,
  ageBand: AgeBandSchema,
  count: z.number().int().nonnegative(),
});

export const CadreDistributionSchema = z.object({
  total: z.number().int().nonnegative(),
  rows: z.array(CadreDistributionRowSchema),
  asOf: z.string().describe('ISO date the ages are computed at'),
});
export type CadreDistribution = z.infer<typeof CadreDistributionSchema>;
