import { z } from 'zod';
import { BallotDraftSchema, ObjectIdSchema, RaterGroupSchema, RaterTaskListSchema, RaterTaskSchema, RatingFormSchema } from '@cadre/shared-models';
import type { ApiBuilder } from '../platform/endpoint.js';
import { getRatingForm, listMyRatingTasks, saveRatingDraft, submitRating } from './rating.service.js';

const FormParamsSchema = z.object({ id: ObjectIdSchema, rateeId: ObjectIdSchema, group: RaterGroupSchema }).strict();
const tags = ['evaluation'];

export function registerRatingRoutes(api: ApiBuilder): void {
  api.add({
    method: 'get',
    path: '/my/rating-tasks',
    access: 'rating:submit',
    operationId: 'listMyRatingTasks',
    summary: 'The caller’s rating forms in open cycles, and the latest reminder',
    tags,
    success: { status: 200, description: 'the forms', schema: RaterTaskListSchema },
    handler: ({ actor }) => listMyRatingTasks(actor),
  });

  api.add({
    method: 'get',
    path: '/cycles/:id/ratings/:rateeId/:group',
    access: 'rating:submit',
    operationId: 'getRatingForm',
    summary: 'The caller’s form for one ratee: the indicators that apply, their rubrics, and the saved draft',
    tags,
    params: FormParamsSchema,
    success: { status: 200, description: 'the form', schema: RatingFormSchema },
    handler: ({ actor, params }) => getRatingForm(actor, params.id, params.rateeId, params.group),
  });

  api.add({
    method: 'put',
    path: '/cycles/:id/ratings/:rateeId/:group/draft',
    access: 'rating:submit',
    operationId: 'saveRatingDraft',
    summary: 'Save the caller’s unfinished scores and comment (kept on their task, never in a ballot box)',
    tags,
    params: FormParamsSchema,
    body: BallotDraftSchema,
    success: { status: 200, description: 'the form with the draft', schema: RatingFormSchema },
    handler: ({ actor, params, body }) => saveRatingDraft(actor, params.id, params.rateeId, params.group, body),
  });

  api.add({
    method: 'post',
    path: '/cycles/:id/ratings/:rateeId/:group',
    access: 'rating:submit',
    operationId: 'submitRating',
    summary: 'Submit the caller’s completed form; the ballot is stored without the rater',
    tags,
    params: FormParamsSchema,
    body: BallotDraftSchema,
    success: { status: 200, description: 'the submitted task', schema: RaterTaskSchema },
    handler: ({ actor, params, body }) => submitRating(actor, params.id, params.rateeId, params.group, body),
  });
}
