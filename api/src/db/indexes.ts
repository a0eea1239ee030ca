import { CadreModel, CadrePhotoModel } from '../cadres/cadre.model.js';
import { UnitModel } from '../units/unit.model.js';
import { DistrictModel } from '../district/district.model.js';
import { UserModel } from '../users/user.model.js';
import { SessionModel } from '../auth/session.model.js';
import { RateLimitHitModel } from '../platform/rate-limit-store.js';
import { AuditChainAnchorModel, AuditModel } from '../audit/audit.model.js';
import { CounterModel, ProjectionChangeModel } from '../projections/change-feed.js';
import { ImportJournalModel } from '../imports/import-journal.js';
import { UsernameKeyModel } from '../users/username-keys.js';
import { LedgerViewModel } from '../ledger/ledger-views.js';
import { CorrectionModel } from '../corrections/correction.model.js';
import { ImportBatchItemModel, ImportBatchModel } from '../imports/import-batch.model.js';

/** Every model, so indexes are created explicitly at start (autoIndex is off). */
export const ALL_MODELS = [UnitModel, CadreModel, CadrePhotoModel, DistrictModel, UserModel, SessionModel, RateLimitHitModel, AuditModel, AuditChainAnchorModel, CounterModel, ProjectionChangeModel, LedgerViewModel, CorrectionModel, ImportBatchModel, ImportBatchItemModel, ImportJournalModel, UsernameKeyModel] as const;

export async function ensureIndexes(): Promise<void> {
  for (const model of ALL_MODELS) await model.createIndexes();
}
