import type { FrameworkVersion, FrameworkVersionSummary, Indicator } from '@cadre/shared-models';

export const VERSION_ID = '65e100000000000000000001';
export const FRAMEWORK_ID = '65e000000000000000000001';

const RUBRIC = [
  { label: '好', score: 95, description: '表现突出' },
  { label: '一般', score: 70, description: '' },
];

function rated(id: string, name: string, weight: number): Indicator {
  return { id, name, description: '', weight, ratingShare: 100, rubric: RUBRIC, evidence: null, applicability: { tiers: [], categories: [] } };
}

/** A small balanced framework: two dimensions (60 + 40), one with an evidence-scored indicator. */
export function aFrameworkVersion(overrides: Partial<FrameworkVersion> = {}): FrameworkVersion {
  return {
    id: VERSION_ID,
    frameworkId: FRAMEWORK_ID,
    version: 1,
    status: 'draft',
    locked: false,
    revision: 2,
    createdAt: '2025-10-01T00:00:00.000Z',
    createdBy: 'demo.org',
    publishedAt: null,
    name: '干部能力评价体系',
    description: '',
    gradeBands: { 优秀: 90, 称职: 75, 基本称职: 60 },
    vetoRules: [{ id: 'serious_sanction', description: '受到严重处分的不得评为优秀', source: 'serious_sanctions', min: 1, capGrade: '称职' }],
    dimensions: [
      {
        id: 'political',
        name: '政治素质',
        description: '',
        weight: 60,
        applicability: { tiers: [], categories: [] },
        indicators: [
          rated('political_loyalty', '理想信念', 60),
          {
            ...rated('political_study', '理论学习', 40),
            ratingShare: 50,
            evidence: { source: 'political_study_hours', description: '学习学时', bands: [{ min: 0, score: 40 }, { min: 40, score: 100 }] },
          },
        ],
      },
      { id: 'performance', name: '实干实绩', description: '', weight: 40, applicability: { tiers: ['街镇'], categories: [] }, indicators: [rated('task_completion', '任务完成', 100)] },
    ],
    ...overrides,
  };
}

export function aVersionSummary(overrides: Partial<FrameworkVersionSummary> = {}): FrameworkVersionSummary {
  const { id, frameworkId, version, status, locked, name, createdAt, publishedAt } = aFrameworkVersion();
  return { id, frameworkId, version, status, locked, name, createdAt, publishedAt, ...overrides };
}
