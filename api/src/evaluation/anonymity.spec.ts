import { Types } from 'mongoose';
import type { CadreResult, RatingForm, Role } from '@cadre/shared-models';
import { createTestApp } from '../test/test-app.js';
import { signedInAs, type TestClient } from '../test/test-client.js';
import { AuditModel } from '../audit/audit.model.js';
import { BallotBoxModel } from './evaluation.models.js';
import { PendingSubmissionModel } from './ballot-box.js';
import { aCycleInput, anEvaluationDistrict, filledScores, theDefaultFrameworkId } from './evaluation-fixtures.js';

/** The GET operations of frameworks, cycle setup and rating: each is called below by every role. */
const SETUP_GET_OPERATIONS = [
  'listFrameworkVersions',
  'getFrameworkVersion',
  'listCycles',
  'getCycle',
  'listCycleAssignments',
  'getCycleAssignment',
  'listMyRatingTasks',
  'getRatingForm',
];

const ROLES_WITHOUT_LINKS: Role[] = ['org_admin', 'assessor', 'reviewer', 'sys_admin', 'security_admin', 'audit_admin'];

function containsDate(value: unknown): boolean {
  if (value instanceof Date || value instanceof Types.ObjectId) return true;
  if (Array.isArray(value)) return value.some(containsDate);
  if (value !== null && typeof value === 'object') return Object.values(value).some(containsDate);
  return false;
}

describe('anonymity of ballots', () => {
  const app = createTestApp({ AUTH_RATE_LIMIT_MAX: '1000' });

  it('stores ballots without raters, times, ObjectIds or nonces, and no route or audit record ties scores to a rater', async () => {
    const { bureau, cadres } = await anEvaluationDistrict();
    const frameworkId = await theDefaultFrameworkId();
    const { client: assessor } = await signedInAs(app, ['assessor']);
    let cycle = (await assessor.post('/api/cycles', aCycleInput(frameworkId)).expect(201)).body;
    cycle = (await assessor.post(`/api/cycles/${cycle.id}/launch`, { revision: cycle.revision }).expect(200)).body;
    const ratee = String(cadres.vice1._id);
    const assignment = (await assessor.get(`/api/cycles/${cycle.id}/assignments/${ratee}`).expect(200)).body;
    const raterClients = new Map<string, TestClient>();
    const ballots: { comment: string; scores: Record<string, number> }[] = [];
    for (const [i, rater] of (assignment.raters as { raterId: string; group: string }[]).entries()) {
      const client = raterClients.get(rater.raterId) ?? (await signedInAs(app, ['cadre'], { cadreId: rater.raterId })).client;
      raterClients.set(rater.raterId, client);
      const path = `/api/cycles/${cycle.id}/ratings/${ratee}/${rater.group}`;
      const form: RatingForm = (await client.get(path).expect(200)).body;
      const ballot = { scores: filledScores(form, i % 4), comment: `评语标记${i}号` };
      await client.put(`${path}/draft`, { scores: {}, comment: `草稿标记${i}号` }).expect(200);
      await client.post(path, ballot).expect(200);
      ballots.push(ballot);
    }
    expect(ballots.length).toBeGreaterThanOrEqual(5);
    const raterIds = [...raterClients.keys()];

    // The stored ballots: scores and a comment each, nothing else.
    const box = await BallotBoxModel.findById(`${cycle.id}:${ratee}`).lean();
    const entries = Object.values(box!.groups as Record<string, Record<string, unknown>[]>).flat();
    expect(entries.length).toBe(ballots.length);
    for (const entry of entries) {
      expect(Object.keys(entry).sort()).toEqual(['comment', 'scores']);
      expect(containsDate(entry)).toBeFalse();
      for (const raterId of raterIds) expect(JSON.stringify(entry)).not.toContain(raterId);
    }
    expect(Object.keys(box!).sort()).toEqual(['_id', 'cycleId', 'groups', 'rateeId']);
    expect(await PendingSubmissionModel.countDocuments()).toBe(0);

    // Every GET route of this part, as every role: no answer holds a ballot (scores or comment) or a draft.
    const doc = (await assessor.get('/api/openapi.json').expect(200)).body as { paths: Record<string, Record<string, { operationId: string }>> };
    const declared = Object.values(doc.paths).flatMap((methods) => (methods['get'] ? [methods['get'].operationId] : []));
    expect(declared).toEqual(jasmine.arrayContaining(SETUP_GET_OPERATIONS));
    const paths = [
      '/api/frameworks',
      `/api/framework-versions/${frameworkId}`,
      '/api/cycles',
      '/api/cycles?status=open',
      `/api/cycles/${cycle.id}`,
      `/api/cycles/${cycle.id}/assignments?size=100`,
      ...Object.values(cadres).map((c) => `/api/cycles/${cycle.id}/assignments/${c._id}`),
      '/api/my/rating-tasks',
      ...(assignment.raters as { group: string }[]).map((r) => `/api/cycles/${cycle.id}/ratings/${ratee}/${r.group}`),
    ];
    const callers: [string, TestClient][] = [
      ...(await Promise.all(ROLES_WITHOUT_LINKS.map(async (role) => [role, (await signedInAs(app, [role])).client] as [string, TestClient]))),
      ['unit_manager', (await signedInAs(app, ['unit_manager'], { unitId: String(bureau._id) })).client],
      ...[...raterClients].map(([raterId, client]) => [`cadre ${raterId}`, client] as [string, TestClient]),
    ];
    let answered = 0;
    for (const [who, client] of callers) {
      for (const path of paths) {
        const res = await client.get(path);
        expect([200, 403, 404]).withContext(`${who} GET ${path}`).toContain(res.status);
        if (res.status === 200) answered += 1;
        const text = JSON.stringify(res.body);
        for (const [i, ballot] of ballots.entries()) {
          expect(text).withContext(`${who} GET ${path}`).not.toContain(ballot.comment);
          expect(text).withContext(`${who} GET ${path}`).not.toContain(`草稿标记${i}号`);
          expect(text).withContext(`${who} GET ${path}`).not.toContain(JSON.stringify(ballot.scores));
        }
      }
    }
    expect(answered).toBeGreaterThan(paths.length * 2);

    // The audit trail says who took part, never what they gave.
    const submissions = await AuditModel.find({ action: 'rating.submit' }).lean();
    expect(submissions.length).toBe(ballots.length);
    for (const record of submissions) {
      expect(Object.keys(record.detail ?? {}).sort()).toEqual(['group', 'rateeId']);
      const text = JSON.stringify(record);
      for (const ballot of ballots) expect(text).not.toContain(ballot.comment);
    }
    const everyAudit = JSON.stringify(await AuditModel.find().lean());
    for (const ballot of ballots) expect(everyAudit).not.toContain(JSON.stringify(ballot.scores));

    // Once scored and locked, the result routes show ratings only pooled per group, in ascending
    // order (which says nothing about who gave which), and never a comment or a draft.
    cycle = (await assessor.post(`/api/cycles/${cycle.id}/close`, { revision: cycle.revision }).expect(200)).body;
    cycle = (await assessor.post(`/api/cycles/${cycle.id}/lock`, { revision: cycle.revision }).expect(200)).body;
    const resultPaths = [
      `/api/cycles/${cycle.id}/results/${ratee}`,
      `/api/cycles/${cycle.id}/calibration-units`,
      `/api/cycles/${cycle.id}/calibration/${String(bureau._id)}`,
      `/api/cycles/${cycle.id}/distribution`,
      `/api/cadres/${ratee}/assessment-history`,
      '/api/adjustment-proposals',
    ];
    let results = 0;
    for (const [who, client] of callers) {
      for (const path of resultPaths) {
        const res = await client.get(path);
        expect([200, 403, 404]).withContext(`${who} GET ${path}`).toContain(res.status);
        const text = JSON.stringify(res.body);
        for (const [i, ballot] of ballots.entries()) {
          expect(text).withContext(`${who} GET ${path}`).not.toContain(ballot.comment);
          expect(text).withContext(`${who} GET ${path}`).not.toContain(`草稿标记${i}号`);
          expect(text).withContext(`${who} GET ${path}`).not.toContain(JSON.stringify(ballot.scores));
        }
        if (res.status === 200 && path.includes('/results/')) {
          results += 1;
          const groups = (res.body as CadreResult).dimensions.flatMap((d) => d.indicators.flatMap((i) => i.groups));
          for (const group of groups) {
            for (const list of [group.used, group.trimmed]) expect(list).toEqual([...list].sort((a, b) => a - b));
          }
        }
      }
    }
    expect(results).toBeGreaterThan(0);
  }, 180_000);
});
