/*
 * The audit log in words an auditor reads: every action the API records, the kinds of object it
 * records them on, and the fields whose changes it keeps. api/src/audit/audit-labels.spec.ts
 * fails when the API records an action missing here.
 */

export const AUDIT_ACTION_LABELS = {
  'access.denied': '越权访问被拒绝',
  'adjustment_rules.update': '修改调整建议规则',
  'assessment_history.read': '查看历年考核结果',
  'audit.export': '导出审计日志',
  'audit.prune': '清理过期审计记录',
  'auth.login': '登录',
  'auth.logout': '退出登录',
  'auth.password_change': '修改密码',
  'auth.totp': '双因素认证',
  'auth.totp_enrollment_start': '开始绑定身份验证器',
  'auth.totp_enrollment_confirm': '确认绑定身份验证器',
  'cadre.create': '新建干部档案',
  'cadre.read': '查看干部档案',
  'cadre.update': '修改干部档案',
  'cadre.delete': '删除干部档案',
  'cadre.restore': '恢复干部档案',
  'cadre.export': '导出干部任免表',
  'cadre.reveal_id': '查看完整身份证号',
  'cadre.photo_read': '查看干部照片',
  'cadre.photo_update': '更换干部照片',
  'cadre.photo_delete': '删除干部照片',
  'calibration.change': '校准测评结果',
  'correction.submit': '提交更正申请',
  'correction.decide': '审批更正申请',
  'cycle.create': '新建考核测评',
  'cycle.update': '修改考核测评',
  'cycle.launch': '启动考核测评',
  'cycle.remind': '催办考核测评',
  'cycle.assignment_edit': '调整测评人',
  'cycle.close': '结束测评并计分',
  'cycle.lock': '锁定考核结果',
  'framework.create': '新建评价体系',
  'framework.update': '修改评价体系草稿',
  'framework.publish': '发布评价体系',
  'framework.next_version': '新建评价体系版本',
  'framework.seed_default': '载入默认评价体系',
  'import.preview': '上传导入文件',
  'import.apply': '执行导入',
  'import.discard': '放弃导入',
  'import.recover': '恢复中断的导入',
  'ledger.export': '导出干部台账',
  'ledger_view.create': '保存台账视图',
  'ledger_view.update': '修改台账视图',
  'ledger_view.delete': '删除台账视图',
  'proposal.decide': '处理调整建议',
  'rating.access': '打开测评表',
  'rating.save_draft': '暂存测评',
  'rating.submit': '提交测评',
  'result.read': '查看考核结果',
  'unit.create': '新建单位',
  'unit.update': '修改单位',
  'unit.delete': '删除单位',
  'user.create': '新建账户',
  'user.update': '修改账户',
  'user.disable': '停用账户',
  'user.enable': '启用账户',
  'user.unlock': '解除账户锁定',
  'user.grant_roles': '设置账户角色',
  'user.reset_password': '重置密码',
  'user.change_request': '申请账户变更',
  'user.change_approve': '批准账户变更',
  'user.change_reject': '驳回账户变更',
  'user.password_part_collect': '领取重置密码后半段',
  'user.cadre_search': '搜索可关联的干部',
} as const satisfies Record<string, string>;
export type AuditAction = keyof typeof AUDIT_ACTION_LABELS;

export const AUDIT_OBJECT_TYPE_LABELS: Record<string, string> = {
  adjustment_proposal: '调整建议',
  assessment_cycle: '考核测评',
  assessment_result: '考核结果',
  audit_log: '审计日志',
  cadre: '干部档案',
  correction: '更正申请',
  cycle: '考核测评',
  evaluation_setting: '评价设置',
  framework_version: '评价体系',
  import: '导入批次',
  ledger: '干部台账',
  ledger_view: '台账视图',
  operation: '接口',
  unit: '单位',
  user: '账户',
};

/** Field names in the `changes` of audit details, as the forms and the official 任免表 call them. */
export const AUDIT_FIELD_LABELS: Record<string, string> = {
  // accounts
  username: '用户名',
  displayName: '姓名',
  roles: '角色',
  unitId: '单位',
  cadreId: '关联干部',
  disabled: '停用',
  mustChangePassword: '须修改密码',
  // units
  type: '类型',
  parentId: '上级单位',
  sortOrder: '排序',
  code: '编码',
  // cadre records
  name: '姓名',
  sex: '性别',
  birthMonth: '出生年月',
  ethnicity: '民族',
  nativePlace: '籍贯',
  birthPlace: '出生地',
  partyJoinMonth: '入党时间',
  otherParty: '党派',
  workStartMonth: '参加工作时间',
  health: '健康状况',
  professionalTitle: '专业技术职务',
  expertise: '熟悉专业有何专长',
  fullTimeEducation: '全日制教育',
  inServiceEducation: '在职教育',
  unitName: '工作单位',
  post: '现任职务',
  postLevel: '职务层次',
  rank: '职级',
  postStartMonth: '任现职时间',
  category: '干部类别',
  appointmentType: '任用方式',
  idNumber: '身份证号',
  positions: '简历',
  commendations: '奖惩情况',
  annualAssessments: '年度考核结果',
  family: '家庭主要成员',
  manualTags: '标签',
  appointmentForm: '任免表栏目',
  education: '最高学历',
  degree: '学位',
  school: '毕业院校',
  resumeText: '简历（文本）',
  commendationsText: '奖惩情况（文本）',
  annualAssessmentsText: '年度考核结果（文本）',
  hasPhoto: '照片',
  version: '版本',
  status: '状态',
  revision: '修订号',
};

/** The action's label, or the recorded code itself for one this release no longer records. */
export function labelAuditAction(action: string): string {
  return (AUDIT_ACTION_LABELS as Record<string, string>)[action] ?? action;
}

export function labelAuditObjectType(objectType: string): string {
  return AUDIT_OBJECT_TYPE_LABELS[objectType] ?? objectType;
}

export function labelAuditField(field: string): string {
  return AUDIT_FIELD_LABELS[field] ?? field;
}
