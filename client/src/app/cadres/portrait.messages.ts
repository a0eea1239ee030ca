import type { RecordField } from './record-fields';
import type { TimelineKind } from './timeline';

/** The portrait (画像), the appointment form print layout and record editing. */
export interface PortraitMessages {
  readonly title: string;
  readonly fields: Readonly<Record<RecordField, string>>;

  // Portrait
  ageWithBirth(age: number, birth: string): string;
  readonly postFacts: string;
  readonly highestEducation: string;
  readonly none: string;
  readonly idNumberMissing: string;
  readonly revealIdNumber: string;
  readonly revealNote: string;
  readonly edit: string;
  readonly appointmentForm: string;
  readonly print: string;
  readonly exportLrmx: string;
  photoOf(name: string): string;
  readonly noPhoto: string;
  readonly photoFailed: string;
  readonly tags: string;
  readonly derivedTags: string;
  readonly noDerivedTags: string;
  readonly tagEvidenceHint: string;
  readonly manualTags: string;
  readonly noManualTags: string;
  readonly radar: string;
  readonly radarSeries: string;
  readonly radarEmptyTitle: string;
  readonly radarEmptyHint: string;
  radarSource(cycle: string): string;
  readonly assessmentHistory: string;
  readonly timeline: string;
  readonly timelineKinds: Readonly<Record<TimelineKind, string>>;
  readonly timelineEmpty: string;
  timelineNone(kinds: readonly string[]): string;
  readonly undated: string;
  readonly present: string;
  readonly meanwhile: string;
  assessmentYear(year: number): string;
  assessmentGrade(grade: string): string;
  readonly education: string;
  readonly educationLevel: string;
  readonly school: string;
  readonly familyTitle: string;
  readonly familyName: string;
  readonly familyBirth: string;
  readonly familyPolitical: string;
  readonly familyWork: string;
  readonly noFamily: string;

  // Appointment form page
  appointmentFormOf(name: string): string;
  readonly backToPortrait: string;
  readonly printHint: string;
  formPage(page: number): string;

  // Editing
  readonly newTitle: string;
  editTitle(name: string): string;
  readonly sectionBasic: string;
  readonly sectionParty: string;
  readonly sectionPost: string;
  readonly choose: string;
  readonly notFilled: string;
  readonly monthHint: string;
  readonly choosePhoto: string;
  readonly removePhoto: string;
  readonly photoHint: string;
  readonly photoPending: string;
  readonly photoNotJpeg: string;
  photoTooLarge(bytes: number): string;
  idNumberKeep(masked: string): string;
  readonly idNumberNew: string;
  readonly partyHint: string;
  readonly otherParty: string;
  readonly noOtherParty: string;
  readonly degree: string;
  readonly educationSchool: string;
  readonly degreeSchool: string;
  readonly resumeText: string;
  readonly resumeHint: string;
  resumeParsed(count: number): string;
  readonly resumeUnparsed: string;
  readonly kind: string;
  readonly month: string;
  readonly content: string;
  readonly year: string;
  readonly grade: string;
  readonly remove: string;
  removeRowOf(row: number): string;
  readonly moveUp: string;
  readonly moveDown: string;
  moveUpOf(row: number): string;
  moveDownOf(row: number): string;
  readonly noCommendations: string;
  readonly addCommendation: string;
  readonly noAssessments: string;
  readonly addAssessment: string;
  readonly addFamilyMember: string;
  readonly tagPlaceholder: string;
  readonly tagHint: string;
  readonly tagDuplicate: string;
  removeTag(tag: string): string;
  readonly appointmentFormHint: string;
  readonly proposedPost: string;
  readonly postToRemove: string;
  readonly appointmentReason: string;
  readonly submittingUnit: string;
  readonly filledBy: string;
  readonly fillDate: string;
  readonly formDateHint: string;
  readonly ageReferenceDate: string;
  readonly ageReferenceHint: string;
  fixBeforeSaving(count: number): string;
  readonly create: string;
  savedWithoutPhoto(reason: string): string;
  readonly conflictTitle: string;
  conflictHint(savedAt: string): string;
  readonly conflictNoClash: string;
  readonly conflictMine: string;
  readonly conflictTheirs: string;
  readonly keepMine: string;
  readonly takeTheirs: string;
  conflictTaken(fields: string): string;
  conflictKept(fields: string): string;
  conflictUnchosen(count: number): string;
  readonly mergeAndSave: string;
  readonly leaveTitle: string;
  readonly leaveMessage: string;
  readonly leaveConfirm: string;
  readonly delete: string;
  readonly deleteTitle: string;
  confirmDelete(name: string): string;
  /** A delete refused because someone saved the record meanwhile. */
  deleteConflict(name: string): string;
  deleted(name: string): string;
}

export const PORTRAIT_ZH_CN: PortraitMessages = {
  title: '干部画像',
  fields: {
    name: '姓名',
    sex: '性别',
    birthMonth: '出生年月',
    ethnicity: '民族',
    nativePlace: '籍贯',
    birthPlace: '出生地',
    idNumber: '身份证号',
    partyJoinMonth: '入党时间',
    workStartMonth: '参加工作时间',
    health: '健康状况',
    unitId: '所在单位',
    post: '现任职务',
    postLevel: '职务层次',
    rank: '职级',
    postStartMonth: '任现职时间',
    category: '干部类别',
    appointmentType: '任用方式',
    professionalTitle: '专业技术职务',
    expertise: '熟悉专业有何专长',
    fullTimeEducation: '全日制教育',
    inServiceEducation: '在职教育',
    positions: '简历',
    commendations: '奖惩情况',
    annualAssessments: '年度考核结果',
    family: '家庭主要成员及重要社会关系',
    manualTags: '自定义标签',
    appointmentForm: '任免审批表信息',
  },
  ageWithBirth: (age, birth) => `${age}岁（${birth}）`,
  postFacts: '职务层次、职级、类别和任用方式',
  highestEducation: '最高学历',
  none: '无',
  idNumberMissing: '未登记',
  revealIdNumber: '显示完整号码',
  revealNote: '查看完整身份证号将记入审计日志',
  edit: '编辑档案',
  appointmentForm: '任免审批表',
  print: '打印 / 保存为 PDF',
  exportLrmx: '导出 .lrmx',
  photoOf: (name) => `${name}的照片`,
  noPhoto: '暂无照片',
  photoFailed: '照片无法加载',
  tags: '标签',
  derivedTags: '系统标签',
  noDerivedTags: '暂无系统标签',
  tagEvidenceHint: '点按标签查看依据',
  manualTags: '自定义标签',
  noManualTags: '暂无自定义标签',
  radar: '能力雷达',
  radarSeries: '能力评价',
  radarEmptyTitle: '尚无能力评价结果',
  radarEmptyHint: '首个考核评价周期结束后，这里将以雷达图显示各评价维度的得分。',
  radarSource: (cycle) => `依据：${cycle}`,
  assessmentHistory: '历次考核',
  timeline: '履历时间轴',
  timelineKinds: {
    position: '任职',
    study: '学习',
    assessment: '年度考核',
    commendation: '奖励',
    sanction: '处分',
    training: '培训',
    practice: '实践锻炼',
  },
  timelineEmpty: '暂无履历记录',
  timelineNone: (kinds) => `暂无${kinds.join('、')}记录`,
  undated: '未注明时间',
  present: '至今',
  meanwhile: '其间',
  assessmentYear: (year) => `${year}年度`,
  assessmentGrade: (grade) => `等次：${grade}`,
  education: '学历学位',
  educationLevel: '学历',
  school: '毕业院校系及专业',
  familyTitle: '称谓',
  familyName: '姓名',
  familyBirth: '出生年月',
  familyPolitical: '政治面貌',
  familyWork: '工作单位及职务',
  noFamily: '未登记家庭成员',

  appointmentFormOf: (name) => `${name} · 干部任免审批表`,
  backToPortrait: '返回画像',
  printHint: '打印时选择 A4 纸张、不缩放，即可得到两页的任免审批表；也可在打印对话框中“另存为 PDF”。',
  formPage: (page) => `任免审批表第 ${page} 页`,

  newTitle: '新增干部',
  editTitle: (name) => (name ? `编辑干部档案：${name}` : '编辑干部档案'),
  sectionBasic: '基本信息',
  sectionParty: '政治面貌与参加工作',
  sectionPost: '单位与职务职级',
  choose: '请选择',
  notFilled: '未填写',
  monthHint: '如 1986.04',
  choosePhoto: '选择照片',
  removePhoto: '移除照片',
  photoHint: 'JPEG 格式，不超过 2 MB',
  photoPending: '照片将在保存档案时一并保存',
  photoNotJpeg: '照片须为 JPEG 格式',
  photoTooLarge: (bytes) => `照片为 ${(bytes / 1024 / 1024).toFixed(1)} MB，不能超过 2 MB`,
  idNumberKeep: (masked) => `已登记 ${masked}；留空则保持不变，填写则替换`,
  idNumberNew: '18 位居民身份证号，可留空；保存后只显示前 6 后 4 位',
  partyHint: '中共党员填入党时间；民主党派成员选择党派；群众两项均留空',
  otherParty: '民主党派 / 无党派人士',
  noOtherParty: '无（中共党员或群众）',
  degree: '学位',
  educationSchool: '学历毕业院校系及专业',
  degreeSchool: '学位授予院校系及专业',
  resumeText: '简历（每行一段经历）',
  resumeHint: '格式：2005.09--2009.07  某某大学某某专业学习；其间经历写作（其间：…）',
  resumeParsed: (count) => `已识别 ${count} 段经历`,
  resumeUnparsed: '以下各行未能识别起止年月，保存时不会保留，请按格式修改：',
  kind: '类别',
  month: '年月',
  content: '内容',
  year: '年度',
  grade: '等次',
  remove: '删除',
  removeRowOf: (row) => `删除第 ${row} 行`,
  moveUp: '上移',
  moveDown: '下移',
  moveUpOf: (row) => `第 ${row} 行上移`,
  moveDownOf: (row) => `第 ${row} 行下移`,
  noCommendations: '无奖惩记录',
  addCommendation: '添加奖惩',
  noAssessments: '无年度考核记录',
  addAssessment: '添加年度考核',
  addFamilyMember: '添加家庭成员',
  tagPlaceholder: '输入标签后按回车',
  tagHint: '最多 10 个，每个 1–12 个汉字、字母或数字',
  tagDuplicate: '该标签已添加',
  removeTag: (tag) => `移除标签 ${tag}`,
  appointmentFormHint: '仅用于打印和导出任免审批表，不影响台账统计。',
  proposedPost: '拟任职务',
  postToRemove: '拟免职务',
  appointmentReason: '任免理由',
  submittingUnit: '呈报单位',
  filledBy: '填表人',
  fillDate: '填表时间',
  formDateHint: '如 20240315 或 202403',
  ageReferenceDate: '计算年龄时间',
  ageReferenceHint: '审批表上的年龄按此日期计算；留空则按填表时间或当天',
  fixBeforeSaving: (count) => `还有 ${count} 处需要修改，请查看标红的字段`,
  create: '创建',
  savedWithoutPhoto: (reason) => `档案已保存，但照片未能保存：${reason}`,
  conflictTitle: '已被他人修改',
  conflictHint: (savedAt) => `您编辑期间，该档案已于 ${savedAt} 被他人修改。下列字段您和对方都改了，请逐项选择保留哪一方，然后合并保存。`,
  conflictNoClash: '您和对方修改的是不同的字段，可以直接合并保存。',
  conflictMine: '我的修改',
  conflictTheirs: '对方的修改',
  keepMine: '保留我的',
  takeTheirs: '采用对方的',
  conflictTaken: (fields) => `将采用对方对以下字段的修改：${fields}`,
  conflictKept: (fields) => `将保留您对以下字段的修改：${fields}`,
  conflictUnchosen: (count) => `还有 ${count} 个字段未选择`,
  mergeAndSave: '合并并保存',
  leaveTitle: '离开编辑页面？',
  leaveMessage: '您的修改尚未保存，离开后将丢失。',
  leaveConfirm: '放弃修改并离开',
  delete: '删除档案',
  deleteTitle: '删除干部档案',
  confirmDelete: (name) => `确定删除 ${name} 的干部档案吗？删除后不可恢复。`,
  deleted: (name) => `已删除 ${name} 的档案`,
  deleteConflict: (name) => `${name} 的档案刚被他人修改，未删除。下面是最新内容，确认仍要删除请再点一次删除。`,
};

export const PORTRAIT_EN: PortraitMessages = {
  title: 'Cadre portrait',
  fields: {
    name: 'Name',
    sex: 'Sex',
    birthMonth: 'Born',
    ethnicity: 'Ethnicity',
    nativePlace: 'Native place',
    birthPlace: 'Birthplace',
    idNumber: 'ID number',
    partyJoinMonth: 'Joined the Party',
    workStartMonth: 'Started work',
    health: 'Health',
    unitId: 'Unit',
    post: 'Current post',
    postLevel: 'Post level',
    rank: 'Rank',
    postStartMonth: 'In post since',
    category: 'Category',
    appointmentType: 'Appointment type',
    professionalTitle: 'Professional title',
    expertise: 'Expertise',
    fullTimeEducation: 'Full-time education',
    inServiceEducation: 'In-service education',
    positions: 'Resume',
    commendations: 'Rewards and sanctions',
    annualAssessments: 'Annual assessments',
    family: 'Family and important relations',
    manualTags: 'Custom tags',
    appointmentForm: 'Appointment form details',
  },
  ageWithBirth: (age, birth) => `${age} (born ${birth})`,
  postFacts: 'Post level, rank, category and appointment type',
  highestEducation: 'Highest education',
  none: 'None',
  idNumberMissing: 'Not recorded',
  revealIdNumber: 'Show full number',
  revealNote: 'Viewing the full ID number is recorded in the audit log',
  edit: 'Edit record',
  appointmentForm: 'Appointment form',
  print: 'Print / save as PDF',
  exportLrmx: 'Export .lrmx',
  photoOf: (name) => `Photo of ${name}`,
  noPhoto: 'No photo',
  photoFailed: 'The photo could not be loaded',
  tags: 'Tags',
  derivedTags: 'Derived tags',
  noDerivedTags: 'No derived tags',
  tagEvidenceHint: 'Tap a tag to see why it applies',
  manualTags: 'Custom tags',
  noManualTags: 'No custom tags',
  radar: 'Competency radar',
  radarSeries: 'Competency',
  radarEmptyTitle: 'No competency assessment yet',
  radarEmptyHint: 'After the first assessment cycle, a radar chart here will show the score in each dimension.',
  radarSource: (cycle) => `From: ${cycle}`,
  assessmentHistory: 'Assessments',
  timeline: 'Timeline',
  timelineKinds: {
    position: 'Post',
    study: 'Study',
    assessment: 'Annual assessment',
    commendation: 'Reward',
    sanction: 'Sanction',
    training: 'Training',
    practice: 'Practice',
  },
  timelineEmpty: 'No history recorded',
  timelineNone: (kinds) => `No ${kinds.join(', ').toLowerCase()} records`,
  undated: 'Undated',
  present: 'present',
  meanwhile: 'Meanwhile',
  assessmentYear: (year) => String(year),
  assessmentGrade: (grade) => `Grade: ${grade}`,
  education: 'Education',
  educationLevel: 'Education',
  school: 'School and major',
  familyTitle: 'Relation',
  familyName: 'Name',
  familyBirth: 'Born',
  familyPolitical: 'Political status',
  familyWork: 'Employer and post',
  noFamily: 'No family members recorded',

  appointmentFormOf: (name) => `${name} · Appointment form`,
  backToPortrait: 'Back to portrait',
  printHint: 'Print on A4 without scaling for the two-page form, or choose “Save as PDF” in the print dialog.',
  formPage: (page) => `Appointment form, page ${page}`,

  newTitle: 'New cadre',
  editTitle: (name) => (name ? `Edit record: ${name}` : 'Edit record'),
  sectionBasic: 'Basic facts',
  sectionParty: 'Party and work',
  sectionPost: 'Unit, post and rank',
  choose: 'Please choose',
  notFilled: 'Not filled in',
  monthHint: 'e.g. 1986.04',
  choosePhoto: 'Choose photo',
  removePhoto: 'Remove photo',
  photoHint: 'JPEG, at most 2 MB',
  photoPending: 'The photo is saved with the record',
  photoNotJpeg: 'The photo must be a JPEG',
  photoTooLarge: (bytes) => `The photo is ${(bytes / 1024 / 1024).toFixed(1)} MB; at most 2 MB`,
  idNumberKeep: (masked) => `Recorded as ${masked}; leave empty to keep, type to replace`,
  idNumberNew: '18-character resident ID, optional; only the first 6 and last 4 are shown after saving',
  partyHint: 'CPC members: the join month; other parties: choose the party; 群众: leave both empty',
  otherParty: 'Other party',
  noOtherParty: 'None (CPC member or 群众)',
  degree: 'Degree',
  educationSchool: 'School (education)',
  degreeSchool: 'School (degree)',
  resumeText: 'Resume (one period per line)',
  resumeHint: 'Format: 2005.09--2009.07  what was done; nested periods as （其间：…）',
  resumeParsed: (count) => `${count} periods recognised`,
  resumeUnparsed: 'These lines have no recognisable dates and would not be kept; please fix them:',
  kind: 'Kind',
  month: 'Month',
  content: 'Text',
  year: 'Year',
  grade: 'Grade',
  remove: 'Remove',
  removeRowOf: (row) => `Remove row ${row}`,
  moveUp: 'Up',
  moveDown: 'Down',
  moveUpOf: (row) => `Move row ${row} up`,
  moveDownOf: (row) => `Move row ${row} down`,
  noCommendations: 'No rewards or sanctions',
  addCommendation: 'Add reward or sanction',
  noAssessments: 'No annual assessments',
  addAssessment: 'Add annual assessment',
  addFamilyMember: 'Add family member',
  tagPlaceholder: 'Type a tag and press Enter',
  tagHint: 'Up to 10, each 1–12 characters, letters or digits',
  tagDuplicate: 'This tag is already added',
  removeTag: (tag) => `Remove tag ${tag}`,
  appointmentFormHint: 'Used only to print and export the appointment form; ledger statistics ignore it.',
  proposedPost: 'Proposed post',
  postToRemove: 'Post to remove',
  appointmentReason: 'Reason',
  submittingUnit: 'Submitting unit',
  filledBy: 'Filled in by',
  fillDate: 'Filled in on',
  formDateHint: 'e.g. 20240315 or 202403',
  ageReferenceDate: 'Ages counted at',
  ageReferenceHint: 'Ages on the form are counted at this date; empty: the fill-in date or today',
  fixBeforeSaving: (count) => `${count} ${count === 1 ? 'field needs' : 'fields need'} attention; see the fields marked in red`,
  create: 'Create',
  savedWithoutPhoto: (reason) => `The record was saved, but not the photo: ${reason}`,
  conflictTitle: 'Changed by someone else',
  conflictHint: (savedAt) => `While you were editing, someone else saved this record (${savedAt}). You both changed the fields below: pick whose value to keep in each, then merge and save.`,
  conflictNoClash: 'You and the other person changed different fields; the changes can be merged and saved.',
  conflictMine: 'My change',
  conflictTheirs: 'Their change',
  keepMine: 'Keep mine',
  takeTheirs: 'Take theirs',
  conflictTaken: (fields) => `Their changes will be taken for: ${fields}`,
  conflictKept: (fields) => `Your changes will be kept for: ${fields}`,
  conflictUnchosen: (count) => `${count} ${count === 1 ? 'field' : 'fields'} still to choose`,
  mergeAndSave: 'Merge and save',
  leaveTitle: 'Leave the editor?',
  leaveMessage: 'Your changes are not saved and will be lost if you leave.',
  leaveConfirm: 'Discard and leave',
  delete: 'Delete record',
  deleteTitle: 'Delete cadre record',
  confirmDelete: (name) => `Delete the record of ${name}? This cannot be undone.`,
  deleted: (name) => `Deleted the record of ${name}`,
  deleteConflict: (name) => `The record of ${name} was just changed by someone else and was not deleted. The latest version is shown; press Delete again if you still want to delete it.`,
};
