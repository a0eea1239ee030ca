import * as z from 'zod';
import type { Role } from '../access/roles.js';
import { ObjectIdSchema } from '../units/unit.js';

export const UNIT_MANAGER_NEEDS_UNIT = '单位管理员账户必须关联单位：请先选择所属单位';

/** What of an account the unit rule reads: the roles it holds and the unit it is tied to. */
export interface AccountUnitLink {
  roles: readonly Role[];
  unitId: string | null;
}

/**
 * A unit_manager's data scope is the subtree of their unit; without a unit the role reaches
 * nothing, and the account looks granted while it is useless. The message when `account` (as it
 * would be after a change) breaks the rule, else null.
 */
export function explainMissingUnit(account: AccountUnitLink): string | null {
  return account.roles.includes('unit_manager') && account.unitId === null ? UNIT_MANAGER_NEEDS_UNIT : null;
}

/**
 * A few words to find a cadre record by name, unit or post: at least one Chinese character or two
 * letters, so that one keystroke does not list the district.
 */
export const CadreCandidateQuerySchema = z
  .object({
    q: z
      .string()
      .trim()
      .max(20, '搜索词不超过 20 个字')
      .refine((q) => /\p{Script=Han}/u.test(q) || (q.match(/\p{L}/gu) ?? []).length >= 2, '请输入至少 1 个汉字或 2 个字母'),
  })
  .strict();
export type CadreCandidateQuery = z.infer<typeof CadreCandidateQuerySchema>;

/** At most this many candidates are returned: the administrator narrows the words, not a pager. */
export const CADRE_CANDIDATES_LISTED = 10;

/** What an account administrator sees of a cadre record to link an account to it (decision 0019). */
export const CadreCandidateSchema = z.object({
  id: ObjectIdSchema,
  name: z.string(),
  unitName: z.string(),
  post: z.string(),
});
export type CadreCandidate = z.infer<typeof CadreCandidateSchema>;

export const CadreCandidateListSchema = z.object({
  items: z.array(CadreCandidateSchema).max(CADRE_CANDIDATES_LISTED),
  more: z.boolean().describe('more records matched than were listed'),
});
export type CadreCandidateList = z.infer<typeof CadreCandidateListSchema>;

/** The linked cadre as the account list names it: never by its internal id. */
export const LinkedCadreSchema = z.object({
  name: z.string().describe('已删除 when the record is gone'),
  unitName: z.string(),
  deleted: z.boolean(),
});
export type LinkedCadre = z.infer<typeof LinkedCadreSchema>;
