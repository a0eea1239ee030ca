import { createHash } from 'node:crypto';
import { Types } from 'mongoose';
import {
  DEFAULT_FRAMEWORK,
  FrameworkContentSchema,
  type FrameworkContent,
  type FrameworkDraftUpdate,
  type FrameworkVersion,
} from '@cadre/shared-models';
import { AppError } from '../platform/errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { SERVER_OPERATOR, type Actor, type SessionActor } from '../platform/actor.js';
import { FrameworkVersionModel } from './evaluation.models.js';
import { frameworkVersionList, noteFrameworkVersionsChanged } from './framework-list.js';

export const FRAMEWORK_IN_USE_MESSAGE = '该版本已被考核使用，不能修改';
const NOT_FOUND_MESSAGE = '评价体系版本不存在';

interface StoredFrameworkVersion extends FrameworkContent {
  _id: Types.ObjectId;
  frameworkId: Types.ObjectId;
  version: number;
  status: FrameworkVersion['status'];
  locked?: boolean;
  revision: number;
  createdAt: Date;
  createdBy: string;
  publishedAt?: Date | null;
}

export function toFrameworkVersion(doc: StoredFrameworkVersion): FrameworkVersion {
  return {
    id: String(doc._id),
    frameworkId: String(doc.frameworkId),
    version: doc.version,
    status: doc.status,
    locked: doc.locked ?? false,
    revision: doc.revision,
    name: doc.name,
    description: doc.description,
    dimensions: doc.dimensions,
    vetoRules: doc.vetoRules,
    gradeBands: doc.gradeBands,
    createdAt: doc.createdAt.toISOString(),
    createdBy: doc.createdBy,
    publishedAt: doc.publishedAt ? doc.publishedAt.toISOString() : null,
  };
}

function contentFields(content: FrameworkContent) {
  return {
    name: content.name,
    description: content.description,
    dimensions: content.dimensions,
    vetoRules: content.vetoRules,
    gradeBands: content.gradeBands,
  };
}

/** A version by id, as stored (the cycle service reads the content it scores and rates by). */
export async function findFrameworkVersion(id: string): Promise<FrameworkVersion | null> {
  if (!Types.ObjectId.isValid(id)) return null;
  const doc = await FrameworkVersionModel.findById(id).lean<StoredFrameworkVersion>();
  return doc ? toFrameworkVersion(doc) : null;
}

export async function getFrameworkVersion(id: string): Promise<FrameworkVersion> {
  const version = await findFrameworkVersion(id);
  if (!version) throw new AppError(404, 'not_found', NOT_FOUND_MESSAGE);
  return version;
}

export async function listFrameworkVersions() {
  return { items: (await frameworkVersionList().current()).items() };
}

async function insertVersion(
  actor: Actor,
  fields: { _id: Types.ObjectId; frameworkId: Types.ObjectId; version: number; status: 'draft' | 'published'; content: FrameworkContent },
): Promise<FrameworkVersion> {
  const created = await FrameworkVersionModel.create({
    _id: fields._id,
    frameworkId: fields.frameworkId,
    version: fields.version,
    status: fields.status,
    locked: false,
    ...contentFields(fields.content),
    createdBy: actor.username ?? 'system',
    publishedAt: fields.status === 'published' ? new Date() : null,
  });
  const version = toFrameworkVersion(created.toObject() as unknown as StoredFrameworkVersion);
  await noteFrameworkVersionsChanged([version.id]);
  return version;
}

/** A new framework: draft version 1 with the given content. */
export async function createFramework(actor: SessionActor, content: FrameworkContent): Promise<FrameworkVersion> {
  const version = await insertVersion(actor, {
    _id: new Types.ObjectId(),
    frameworkId: new Types.ObjectId(),
    version: 1,
    status: 'draft',
    content,
  });
  await recordAudit(actor, { action: 'framework.create', result: 'success', objectType: 'framework_version', objectId: version.id, detail: { name: version.name } });
  return version;
}

/**
 * Why a conditional write on a version matched nothing: gone (404), used by a cycle, published,
 * or edited by someone else since the caller read it (409 with the current version).
 */
async function explainRefusedWrite(id: string, expectDraft: boolean): Promise<AppError> {
  const current = await findFrameworkVersion(id);
  if (!current) return new AppError(404, 'not_found', NOT_FOUND_MESSAGE);
  if (current.locked) return new AppError(409, 'framework_in_use', FRAMEWORK_IN_USE_MESSAGE, undefined, { current });
  if (expectDraft && current.status !== 'draft') {
    return new AppError(409, 'framework_published', '该版本已发布，不能修改；如需调整请创建新版本', undefined, { current });
  }
  return new AppError(409, 'stale_revision', '该版本已被他人修改，请刷新后重试', undefined, { current });
}

async function assertExists(id: string): Promise<void> {
  if (!Types.ObjectId.isValid(id) || !(await FrameworkVersionModel.exists({ _id: id }))) {
    throw new AppError(404, 'not_found', NOT_FOUND_MESSAGE);
  }
}

/** Replaces a draft's content; a published or used version never changes. */
export async function updateFrameworkDraft(actor: SessionActor, id: string, update: FrameworkDraftUpdate): Promise<FrameworkVersion> {
  await assertExists(id);
  const updated = await FrameworkVersionModel.findOneAndUpdate(
    { _id: id, revision: update.revision, status: 'draft', locked: false },
    { $set: contentFields(update.content), $inc: { revision: 1 } },
    { returnDocument: 'after', lean: true },
  );
  if (!updated) {
    const refusal = await explainRefusedWrite(id, true);
    await recordAudit(actor, { action: 'framework.update', result: 'failure', objectType: 'framework_version', objectId: id, detail: { reason: refusal.code } });
    throw refusal;
  }
  await noteFrameworkVersionsChanged([id]);
  await recordAudit(actor, { action: 'framework.update', result: 'success', objectType: 'framework_version', objectId: id, detail: { name: updated.name } });
  return toFrameworkVersion(updated as unknown as StoredFrameworkVersion);
}

/** Freezes a draft: from now on cycles may use it and nobody may edit it. */
export async function publishFrameworkVersion(actor: SessionActor, id: string, revision: number): Promise<FrameworkVersion> {
  await assertExists(id);
  const published = await FrameworkVersionModel.findOneAndUpdate(
    { _id: id, revision, status: 'draft', locked: false },
    { $set: { status: 'published', publishedAt: new Date() }, $inc: { revision: 1 } },
    { returnDocument: 'after', lean: true },
  );
  if (!published) {
    const refusal = await explainRefusedWrite(id, true);
    await recordAudit(actor, { action: 'framework.publish', result: 'failure', objectType: 'framework_version', objectId: id, detail: { reason: refusal.code } });
    throw refusal;
  }
  await noteFrameworkVersionsChanged([id]);
  await recordAudit(actor, { action: 'framework.publish', result: 'success', objectType: 'framework_version', objectId: id });
  return toFrameworkVersion(published as unknown as StoredFrameworkVersion);
}

/**
 * The `_id` of version `n` of a framework, derived from both: two simultaneous requests for the
 * same next version insert the same `_id`, and the database (by its one real index) refuses one.
 */
function versionObjectId(frameworkId: string, version: number): Types.ObjectId {
  return new Types.ObjectId(createHash('sha256').update(`${frameworkId}:${version}`).digest('hex').slice(0, 24));
}

/** A new draft of the framework, copying this version's content, numbered after the framework's latest. */
export async function createNextFrameworkVersion(actor: SessionActor, id: string): Promise<FrameworkVersion> {
  const source = await getFrameworkVersion(id);
  const nextNumber = (await frameworkVersionList().current()).latestVersionOf(source.frameworkId) + 1;
  let version: FrameworkVersion;
  try {
    version = await insertVersion(actor, {
      _id: versionObjectId(source.frameworkId, nextNumber),
      frameworkId: new Types.ObjectId(source.frameworkId),
      version: nextNumber,
      status: 'draft',
      content: FrameworkContentSchema.parse(source),
    });
  } catch (err) {
    if ((err as { code?: number }).code !== 11000) throw err;
    throw new AppError(409, 'version_exists', `第 ${nextNumber} 版已由他人创建，请刷新后重试`);
  }
  await recordAudit(actor, {
    action: 'framework.next_version',
    result: 'success',
    objectType: 'framework_version',
    objectId: version.id,
    detail: { from: id, version: nextNumber },
  });
  return version;
}

/**
 * Marks a published version as used by a cycle: from then on it can never change. Returns false
 * when the version is gone or not published.
 */
export async function lockFrameworkVersion(id: string): Promise<boolean> {
  const result = await FrameworkVersionModel.updateOne({ _id: id, status: 'published' }, { $set: { locked: true }, $inc: { revision: 1 } });
  if (result.matchedCount === 0) return false;
  if (result.modifiedCount > 0) await noteFrameworkVersionsChanged([id]);
  return true;
}

/**
 * Seeds the default framework (domain.md) as published version 1 when there is no framework at
 * all, so a fresh installation can run a cycle at once. Called at start and by the demo generator.
 */
export async function ensureDefaultFramework(): Promise<void> {
  if (await FrameworkVersionModel.exists({})) return;
  const version = await insertVersion(SERVER_OPERATOR, {
    _id: new Types.ObjectId(),
    frameworkId: new Types.ObjectId(),
    version: 1,
    status: 'published',
    content: FrameworkContentSchema.parse(DEFAULT_FRAMEWORK),
  });
  await recordAudit(null, { action: 'framework.seed_default', result: 'success', objectType: 'framework_version', objectId: version.id });
}
