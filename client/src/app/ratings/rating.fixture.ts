import type { RaterTask, RatingForm } from '@cadre/shared-models';

export const CYCLE_ID = '65f000000000000000000001';
export const RATEE_ID = '65c000000000000000000011';

/** A task as GET /api/my/rating-tasks lists it; specs override what they test. */
export function aRaterTask(overrides: Partial<RaterTask> = {}): RaterTask {
  return {
    cycleId: CYCLE_ID,
    cycleName: '2025年度考核',
    dueDate: '2025-12-31',
    rateeId: RATEE_ID,
    rateeName: '李强',
    rateeUnitName: '观音桥街道',
    rateePost: '党工委副书记',
    group: 'peer',
    anonymous: true,
    state: 'pending',
    ...overrides,
  };
}

const RUBRIC = [
  { label: '好', score: 95, description: '表现突出' },
  { label: '较好', score: 85, description: '表现良好' },
  { label: '一般', score: 70, description: '' },
];

/** A form of two dimensions and three indicators. */
export function aRatingForm(overrides: Partial<RatingForm> = {}): RatingForm {
  return {
    task: aRaterTask(),
    dimensions: [
      {
        id: 'political',
        name: '政治素质',
        description: '信念坚定，对党忠诚',
        indicators: [{ id: 'political_loyalty', name: '理想信念', description: '坚定理想信念', rubric: RUBRIC }],
      },
      {
        id: 'performance',
        name: '实干实绩',
        description: '',
        indicators: [
          { id: 'task_completion', name: '重点任务完成', description: '完成年度目标任务', rubric: RUBRIC },
          { id: 'innovation', name: '改革创新', description: '', rubric: RUBRIC },
        ],
      },
    ],
    draft: null,
    ...overrides,
  };
}
