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
import { withDocumentLock } from '../db/document-lock.js';

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

/** Why a version cannot be changed: gone (404), used by a cycle, published, or edited since the caller read it (409). */
function refusal(current: FrameworkVersion | null, revision: number): AppError | null {
  if (!current) return new AppError(404, 'not_found', NOT_FOUND_MESSAGE);
  if (current.locked) return new AppError(409, 'framework_in_use', FRAMEWORK_IN_USE_MESSAGE, undefined, { current });
  if (current.status !== 'draft') return new AppError(409, 'framework_published', '该版本已发布，不能修改；如需调整请创建新版本', undefined, { current });
  if (current.revision !== revision) return new AppError(409, 'stale_revision', '该版本已被他人修改，请刷新后重试', undefined, { current });
  return null;
}

/**
 * Changes a draft at the caller's revision, bumping it, under the version's lock
 * (document-lock.ts); a published or used version never changes. Refusals are audited.
 */
async function changeDraft(actor: SessionActor, action: string, id: string, revision: number, set: Record<string, unknown>): Promise<FrameworkVersion> {
  const outcome = await withDocumentLock(`framework-version:${id}`, async () => {
    const error = refusal(await findFrameworkVersion(id), revision);
    if (error) return error;
    return FrameworkVersionModel.findOneAndUpdate({ _id: id }, { $set: set, $inc: { revision: 1 } }, { returnDocument: 'after', lean: true });
  });
  if (outcome instanceof AppError) {
    await recordAudit(actor, { action, result: outcome.status === 404 ? 'failure' : 'denied', objectType: 'framework_version', objectId: id, detail: { reason: outcome.code } });
    throw outcome;
  }
  await noteFrameworkVersionsChanged([id]);
  await recordAudit(actor, { action, result: 'success', objectType: 'framework_version', objectId: id, detail: { name: outcome!.name } });
  return toFrameworkVersion(outcome as unknown as StoredFrameworkVersion);
}

/** Replaces a draft's content. */
export function updateFrameworkDraft(actor: SessionActor, id: string, update: FrameworkDraftUpdate): Promise<FrameworkVersion> {
  return changeDraft(actor, 'framework.update', id, update.revision, contentFields(update.content));
}

/** Freezes a draft: from now on cycles may use it and nobody may edit it. */
export function publishFrameworkVersion(actor: SessionActor, id: string, revision: number): Promise<FrameworkVersion> {
  return changeDraft(actor, 'framework.publish', id, revision, { status: 'published', publishedAt: new Date() });
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
export function lockFrameworkVersion(id: string): Promise<boolean> {
  return withDocumentLock(`framework-version:${id}`, async () => {
    const current = await findFrameworkVersion(id);
    if (!current || current.status !== 'published') return false;
    if (current.locked) return true;
    await FrameworkVersionModel.updateOne({ _id: id }, { $set: { locked: true }, $inc: { revision: 1 } });
    await noteFrameworkVersionsChanged([id]);
    return true;
  });
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
