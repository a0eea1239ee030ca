import { DEFAULT_ADJUSTMENT_RULES, type AdjustmentRules, type AdjustmentRulesUpdateSchema } from '@cadre/shared-models';
import type { z } from 'zod';
import { recordAudit } from '../audit/audit.service.js';
import { AppError } from '../platform/errors.js';
import type { SessionActor } from '../platform/actor.js';
import { EvaluationSettingModel } from './evaluation.models.js';
import { claimRevision } from './result-claims.js';

const RULES_ID = 'adjustment-rules';
const STALE = '调整规则已被他人修改，请刷新后重试';

/** The rules proposals are made by: the saved ones, or the defaults until someone saves. */
export async function readAdjustmentRules(): Promise<AdjustmentRules> {
  const doc = await EvaluationSettingModel.findById(RULES_ID).lean<{ value: { rules: AdjustmentRules['rules'] }; revision: number }>();
  return doc ? { rules: doc.value.rules, revision: doc.revision } : { rules: [...DEFAULT_ADJUSTMENT_RULES], revision: 0 };
}

/** Saves the rules against the revision the caller read; the first save creates the document. */
export async function updateAdjustmentRules(actor: SessionActor, input: z.output<typeof AdjustmentRulesUpdateSchema>): Promise<AdjustmentRules> {
  const ids = input.rules.map((rule) => rule.id);
  const repeated = ids.find((id, i) => ids.indexOf(id) !== i);
  if (repeated) {
    throw new AppError(400, 'validation_failed', 'body 校验未通过', [{ path: `body.rules.${ids.lastIndexOf(repeated)}.id`, message: `编号“${repeated}”重复` }]);
  }
  const before = await readAdjustmentRules();
  if (before.revision !== input.revision) throw new AppError(409, 'version_conflict', STALE);
  if (!(await claimRevision(RULES_ID, input.revision))) throw new AppError(409, 'version_conflict', STALE);
  const value = { rules: input.rules };
  if (input.revision === 0) {
    try {
      // Revision 1, not 0: 0 stands for the defaults nobody has saved yet.
      await EvaluationSettingModel.collection.insertOne({ _id: RULES_ID as never, value, revision: 1 });
    } catch (err) {
      if ((err as { code?: number }).code === 11000) throw new AppError(409, 'version_conflict', STALE);
      throw err;
    }
  } else {
    const saved = await EvaluationSettingModel.updateOne({ _id: RULES_ID, revision: input.revision }, { $set: { value }, $inc: { revision: 1 } });
    if (saved.matchedCount === 0) throw new AppError(409, 'version_conflict', STALE);
  }
  await recordAudit(actor, {
    action: 'adjustment_rules.update',
    result: 'success',
    objectType: 'evaluation_setting',
    objectId: RULES_ID,
    detail: { changes: { rules: { before: before.rules, after: input.rules } } },
  });
  return { rules: input.rules, revision: input.revision + 1 };
}
