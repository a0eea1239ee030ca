import * as z from 'zod';
import { ObjectIdSchema } from '../units/unit.js';
import { personText } from '../people/person-text.js';
import { RaterGroupSchema, RubricLevelSchema } from './framework.js';

export const RATER_TASK_STATES = ['pending', 'draft', 'submitted'] as const;
export const RaterTaskStateSchema = z.enum(RATER_TASK_STATES);

/** One form a rater has to fill: whom, in which role, and how far they got. */
export const RaterTaskSchema = z.object({
  cycleId: ObjectIdSchema,
  cycleName: z.string(),
  dueDate: z.string(),
  rateeId: ObjectIdSchema,
  rateeName: z.string(),
  rateeUnitName: z.string(),
  rateePost: z.string(),
  group: RaterGroupSchema,
  anonymous: z.boolean(),
  state: RaterTaskStateSchema,
});
export type RaterTask = z.infer<typeof RaterTaskSchema>;
export const RaterTaskListSchema = z.object({
  items: z.array(RaterTaskSchema),
  remindedAt: z.string().nullable().describe('the latest reminder of an open cycle with forms still to fill'),
});

/** The scores of one form: indicator id → the rubric score picked (drafts may leave some null). */
export const BallotScoresSchema = z.record(z.string().regex(/^[a-z][a-z0-9_]{1,39}$/), z.number().min(0).max(100).nullable());

export const BallotDraftSchema = z
  .object({
    scores: BallotScoresSchema.refine((scores) => Object.keys(scores).length <= 200, '指标过多'),
    comment: z.string().trim().max(500, '评语不超过 500 个字').check(personText).default(''),
  })
  .strict();
export type BallotDraft = z.infer<typeof BallotDraftSchema>;

/** The form a rater sees: the indicators that apply to the ratee, with their rubrics, and any saved draft. */
export const RatingFormSchema = z.object({
  task: RaterTaskSchema,
  dimensions: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      description: z.string(),
      indicators: z.array(z.object({ id: z.string(), name: z.string(), description: z.string(), rubric: z.array(RubricLevelSchema) })),
    }),
  ),
  draft: BallotDraftSchema.nullable(),
});
export type RatingForm = z.infer<typeof RatingFormSchema>;

export const RatingTaskParamsSchema = z
  .object({ cycleId: ObjectIdSchema, rateeId: ObjectIdSchema, group: RaterGroupSchema })
  .strict();
