import { DEFAULT_RATER_GROUPS, type CycleInputValues, type RatingForm } from '@cadre/shared-models';
import { aCadre, aUnit } from '../test/factories.js';
import { noteAllCadresChanged } from '../ledger/ledger-changes.js';
import { FrameworkVersionModel } from './evaluation.models.js';
import { ensureDefaultFramework } from './framework.service.js';

/**
 * 区委 (head, deputy) ─┬─ 发改委: 主任, 副主任 ×2, 科员
 *                      └─ 甲街道: 书记, 副主任, 科员
 * The ledger is told, so cycles see them at once.
 */
export async function anEvaluationDistrict() {
  const root = await aUnit({ name: '区委', type: 'party_committee' });
  const bureau = await aUnit({ name: '发改委', type: 'department', parent: root });
  const street = await aUnit({ name: '甲街道', type: 'street', parent: root });
  const at = (unit: typeof root, name: string, postLevel: string, post: string, category = '综合管理类') => aCadre(unit, { name, postLevel, post, category });
  const cadres = {
    head: await at(root, '区委书记', '县处级正职', '书记'),
    deputy: await at(root, '区委副书记', '县处级副职', '副书记'),
    director: await at(bureau, '发改委主任', '县处级副职', '主任'),
    vice1: await at(bureau, '发改委副主任甲', '乡科级正职', '副主任'),
    vice2: await at(bureau, '发改委副主任乙', '乡科级正职', '副主任', '专业技术类'),
    clerk: await at(bureau, '发改委科员', '非领导职务', '科员'),
    secretary: await at(street, '甲街道书记', '县处级副职', '书记'),
    streetVice: await at(street, '甲街道副主任', '乡科级副职', '副主任'),
    streetClerk: await at(street, '甲街道科员', '非领导职务', '科员'),
  };
  await noteAllCadresChanged();
  return { root, bureau, street, cadres };
}

/** The default framework, published, as a fresh installation has it. */
export async function theDefaultFrameworkId(): Promise<string> {
  await ensureDefaultFramework();
  const version = await FrameworkVersionModel.findOne().select('_id').lean();
  return String(version!._id);
}

export function aCycleInput(frameworkVersionId: string, overrides: Partial<CycleInputValues> = {}): CycleInputValues {
  return {
    name: '2026年度考核',
    type: 'annual',
    year: 2026,
    periodStart: '2026-01-01',
    periodEnd: '2026-12-31',
    dueDate: '2027-01-15',
    frameworkVersionId,
    population: { unitIds: [], tiers: [], categories: [] },
    raterGroups: [...DEFAULT_RATER_GROUPS],
    settings: { trimExtremes: true, excellentQuotaPercent: 20, excellentQuotaRaised: false },
    ...overrides,
  };
}

/** Scores for every indicator of a form: the rubric level at `level` (0 = best). */
export function filledScores(form: RatingForm, level = 0): Record<string, number> {
  return Object.fromEntries(form.dimensions.flatMap((d) => d.indicators.map((i) => [i.id, i.rubric[Math.min(level, i.rubric.length - 1)]!.score])));
}
