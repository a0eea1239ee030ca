import type { EvidenceRule, FrameworkContentInput, Indicator, RubricLevel } from './framework.js';

/** The four-level rubric of 民主测评 forms. */
const RUBRIC: RubricLevel[] = [
  { label: '好', score: 95, description: '表现突出，群众公认' },
  { label: '较好', score: 85, description: '表现良好，能较好完成任务' },
  { label: '一般', score: 70, description: '基本履职，存在明显不足' },
  { label: '差', score: 50, description: '履职不到位，群众意见较大' },
];

function rated(id: string, name: string, weight: number, description: string): Indicator {
  return { id, name, description, weight, ratingShare: 100, rubric: RUBRIC, evidence: null, applicability: { tiers: [], categories: [] } };
}

function evidenced(id: string, name: string, weight: number, ratingShare: number, description: string, evidence: EvidenceRule): Indicator {
  return { ...rated(id, name, weight, description), ratingShare, evidence };
}

/** domain.md's default framework: seven dimensions, weights summing to 100, each traced to evidence. */
export const DEFAULT_FRAMEWORK: FrameworkContentInput = {
  name: '江北区干部能力现代化水平评价体系',
  description: '以新时代好干部标准为纲，覆盖思想淬炼、政治历练、实践锻炼、专业训练和“五靠”要求；各维度由多方评价与平台内客观依据共同计分。',
  gradeBands: { 优秀: 90, 称职: 75, 基本称职: 60 },
  vetoRules: [
    { id: 'serious_sanction', description: '考核期内受到严重处分的，不得评为优秀', source: 'serious_sanctions', min: 1, capGrade: '称职' },
  ],
  dimensions: [
    {
      id: 'political', name: '政治素质', weight: 20, description: '思想淬炼、政治历练：信念坚定，对党忠诚，政治判断力、领悟力、执行力',
      applicability: { tiers: [], categories: [] },
      indicators: [
        rated('political_loyalty', '理想信念', 60, '坚定理想信念，自觉在思想上政治上行动上同党中央保持高度一致'),
        evidenced('political_study', '政治理论学习', 40, 50, '参加政治理论学习的情况', {
          source: 'political_study_hours', description: '年度政治理论学习学时',
          bands: [{ min: 0, score: 40 }, { min: 20, score: 70 }, { min: 40, score: 85 }, { min: 60, score: 100 }],
        }),
      ],
    },
    {
      id: 'professional', name: '专业能力', weight: 15, description: '靠专业、专业训练：胜任岗位的专业知识和技能',
      applicability: { tiers: [], categories: [] },
      indicators: [
        rated('professional_skill', '专业素养', 60, '熟悉本领域政策法规和业务，能解决专业问题'),
        evidenced('professional_training', '专业训练', 40, 50, '参加专业培训的情况', {
          source: 'professional_training_hours', description: '年度专业培训学时',
          bands: [{ min: 0, score: 40 }, { min: 16, score: 70 }, { min: 32, score: 85 }, { min: 48, score: 100 }],
        }),
      ],
    },
    {
      id: 'learning', name: '学习能力', weight: 10, description: '靠学习、靠理念：更新知识、转变观念的能力',
      applicability: { tiers: [], categories: [] },
      indicators: [
        rated('learning_attitude', '学习态度与理念', 50, '主动学习新知识新理念并运用于工作'),
        evidenced('training_completion', '培训完成', 50, 40, '按要求完成培训', {
          source: 'training_hours', description: '年度培训总学时',
          bands: [{ min: 0, score: 40 }, { min: 40, score: 75 }, { min: 80, score: 100 }],
        }),
      ],
    },
    {
      id: 'service', name: '服务能力', weight: 10, description: '靠服务、群众工作：联系服务群众和企业的能力',
      applicability: { tiers: [], categories: [] },
      indicators: [
        rated('service_attitude', '服务群众', 60, '密切联系群众，服务意识强，群众满意'),
        evidenced('four_hundred', '“四百工程”参与', 40, 50, '下基层、进企业、到一线、入家门的实践记录', {
          source: 'household_visits', description: '年度入户走访与联系服务次数',
          bands: [{ min: 0, score: 40 }, { min: 6, score: 70 }, { min: 12, score: 85 }, { min: 24, score: 100 }],
        }),
      ],
    },
    {
      id: 'performance', name: '实干实绩', weight: 30, description: '靠实干、工作实绩：完成重点任务和项目的实际成效',
      applicability: { tiers: [], categories: [] },
      indicators: [
        rated('task_completion', '重点任务完成', 50, '完成年度目标任务和重点工作的情况'),
        evidenced('project_results', '项目团队成果', 30, 50, '参与“1名队长+N名队员”项目团队的成果', {
          source: 'project_results', description: '年度完成并验收的项目成果数',
          bands: [{ min: 0, score: 50 }, { min: 1, score: 80 }, { min: 2, score: 100 }],
        }),
        rated('work_style', '工作作风', 20, '勤政务实，脚踏实地，真抓实干'),
      ],
    },
    {
      id: 'responsibility', name: '担当作为', weight: 10, description: '改革攻坚、应急处突：敢于担当、善于作为',
      applicability: { tiers: [], categories: [] },
      indicators: [
        rated('courage', '敢于担当', 60, '面对急难险重任务挺身而出'),
        evidenced('frontline', '一线锻炼', 40, 50, '到一线、改革攻坚和应急处突任务；已容错事项计为担当依据', {
          source: 'frontline_assignments', description: '年度一线任务与已容错事项次数',
          bands: [{ min: 0, score: 50 }, { min: 1, score: 75 }, { min: 3, score: 100 }],
        }),
      ],
    },
    {
      id: 'integrity', name: '清正廉洁', weight: 5, description: '严守纪律规矩，廉洁自律',
      applicability: { tiers: [], categories: [] },
      indicators: [
        evidenced('clean_record', '廉洁自律', 100, 60, '考核期内受处分情况（已容错事项不计入）', {
          source: 'sanctions', description: '考核期内处分次数',
          bands: [{ min: 0, score: 100 }, { min: 1, score: 40 }, { min: 2, score: 0 }],
        }),
      ],
    },
  ],
};
