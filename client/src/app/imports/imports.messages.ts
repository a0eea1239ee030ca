import type { ImportItem } from '@cadre/shared-models';

/** Excel and .lrmx import pages and .lrmx export. */
export interface ImportsMessages {
  readonly title: string;
  readonly tabs: string;
  readonly excelTab: string;
  readonly lrmxTab: string;

  readonly excelIntro: string;
  readonly templateTitle: string;
  readonly templateHint: string;
  readonly downloadTemplate: string;
  readonly templateFileName: string;
  readonly uploadTitle: string;
  readonly chooseExcel: string;
  readonly lrmxIntro: string;
  readonly chooseLrmx: string;
  readonly noFileChosen: string;
  chosenFile(name: string, size: string): string;
  readonly upload: string;
  uploading(percent: number): string;
  readonly checking: string;
  readonly uploadProgress: string;
  fileTooLarge(limit: string): string;
  readonly fileEmpty: string;
  wrongType(expected: string): string;

  readonly newPeopleTitle: string;
  readonly newPeopleHint: string;
  readonly targetUnit: string;
  readonly targetUnitHint: string;
  readonly noDefault: string;
  readonly postLevel: string;
  readonly rank: string;
  readonly category: string;
  readonly appointmentType: string;
  readonly unitsUnavailable: string;

  reportTitle(fileName: string): string;
  readonly counts: string;
  countTotal(kind: 'excel' | 'lrmx', total: number): string;
  readonly actionLabels: Readonly<Record<ImportItem['action'], string>>;
  readonly nothingImported: string;
  fixAndUploadAgain(problems: number): string;
  readonly problemsTitle: string;
  readonly row: string;
  readonly file: string;
  readonly column: string;
  readonly element: string;
  readonly problem: string;
  readonly wholeFile: string;
  previewTitle(people: number): string;
  readonly filesTitle: string;
  readonly name: string;
  readonly action: string;
  readonly details: string;
  changeCount(count: number): string;
  changesFor(name: string, count: number): string;
  changesOf(name: string): string;
  readonly field: string;
  readonly before: string;
  readonly after: string;
  readonly blank: string;
  readonly openPortrait: string;
  readonly nothingToApply: string;
  apply(people: number): string;
  readonly confirmTitle: string;
  confirmMessage(created: number, updated: number): string;
  readonly confirmLabel: string;
  readonly applying: string;
  readonly discard: string;
  readonly discarded: string;
  keptUntil(time: string): string;
  applied(created: number, updated: number): string;
  readonly openLedger: string;
  readonly importAnother: string;
  readonly staleHint: string;
  readonly uploadAgain: string;
  /** Header of the problems' first column: the row (Excel) or file (.lrmx), with the person. */
  readonly place: string;
  /** A spreadsheet row with the person it names, so a problem is found by name as well as by number. */
  rowOf(row: number, name: string | undefined): string;
  /** An .lrmx file with the person it holds, when the file name does not already say it. */
  fileOf(file: string, name: string | undefined): string;
}

export const IMPORTS_ZH_CN: ImportsMessages = {
  title: '导入干部信息',
  tabs: '导入方式',
  excelTab: 'Excel 表格',
  lrmxTab: '任免审批表（.lrmx）',

  excelIntro:
    '按模板每行填写一名干部。上传后先检查全部行，全部无误才能导入；只要有一行有问题，就一行也不会导入。',
  templateTitle: '第一步：下载模板',
  templateHint:
    '第二行是填写说明；第三行是示例，姓名以“示例”开头的行不会导入。不要改动表头；可填的单位编码在“单位编码”工作表中。',
  downloadTemplate: '下载导入模板',
  templateFileName: '干部信息导入模板.xlsx',
  uploadTitle: '第二步：上传填好的文件',
  chooseExcel: '选择 Excel 文件',
  lrmxIntro:
    '上传一份 .lrmx 任免审批表，或装有多份 .lrmx 的 .zip 压缩包。按身份证号匹配已有干部：已有的列出将要修改的字段，没有的按下面的单位和默认值新增。',
  chooseLrmx: '选择 .lrmx 或 .zip 文件',
  noFileChosen: '尚未选择文件',
  chosenFile: (name, size) => `已选择：${name}（${size}）`,
  upload: '上传并检查',
  uploading: (percent) => `正在上传 ${percent}%`,
  checking: '正在检查文件…',
  uploadProgress: '上传进度',
  fileTooLarge: (limit) => `文件超过 ${limit} 的上限，请拆分成几个文件分批导入。`,
  fileEmpty: '文件是空的，请重新选择。',
  wrongType: (expected) => `请选择 ${expected} 文件。`,

  newPeopleTitle: '新增人员',
  newPeopleHint: '任免审批表里没有以下几项，新增人员按这里的选择填写；已有人员保持原值。',
  targetUnit: '新增人员所在单位',
  targetUnitHint: '已有人员保持原单位',
  noDefault: '不指定',
  postLevel: '职务层次',
  rank: '职级',
  category: '干部类别',
  appointmentType: '任用方式',
  unitsUnavailable: '单位列表加载失败，请刷新页面后重试。',

  reportTitle: (fileName) => `检查结果：${fileName}`,
  counts: '检查统计',
  countTotal: (kind, total) => (kind === 'excel' ? `共 ${total} 行` : `共 ${total} 份`),
  actionLabels: { create: '新增', update: '更新', unchanged: '无变化', error: '错误' },
  nothingImported: '未导入任何数据。',
  fixAndUploadAgain: (problems) =>
    `文件中有 ${problems} 处问题。请按下表逐项修改文件，保存后重新上传；全部无误后才能导入。`,
  problemsTitle: '问题清单',
  row: '行号',
  file: '文件',
  column: '列',
  element: '项目',
  problem: '问题',
  wholeFile: '整个文件',
  previewTitle: (people) => `将新增以下 ${people} 人`,
  filesTitle: '各文件的处理方式',
  name: '姓名',
  action: '处理',
  details: '变更',
  changeCount: (count) => `${count} 项变更`,
  changesFor: (name, count) => `${name} 的 ${count} 项变更`,
  changesOf: (name) => `${name} 的变更`,
  field: '字段',
  before: '原值',
  after: '新值',
  blank: '（空）',
  openPortrait: '查看画像',
  nothingToApply: '文件中的人员与现有记录完全一致，无需导入。',
  apply: (people) => `确认导入 ${people} 人`,
  confirmTitle: '确认导入',
  confirmMessage: (created, updated) =>
    `将新增 ${created} 人、更新 ${updated} 人。全部写入或全部不写入，每一项都记入审计日志。确定导入吗？`,
  confirmLabel: '导入',
  applying: '正在导入…',
  discard: '放弃本次导入',
  discarded: '已放弃本次导入，没有写入任何数据。',
  keptUntil: (time) => `未导入的检查结果保留到 ${time}。`,
  applied: (created, updated) => `导入完成：新增 ${created} 人，更新 ${updated} 人。`,
  openLedger: '查看干部台账',
  importAnother: '继续导入',
  staleHint: '检查之后相关记录已有变化，或这批数据已经处理过。请重新上传文件，按新的检查结果导入。',
  uploadAgain: '重新上传',
  place: '位置',
  rowOf: (row, name) => (name ? `第 ${row} 行（${name}）` : `第 ${row} 行`),
  fileOf: (file, name) => (name && !file.includes(name) ? `${file}（${name}）` : file),
};

export const IMPORTS_EN: ImportsMessages = {
  title: 'Import cadre records',
  tabs: 'Import from',
  excelTab: 'Excel sheet',
  lrmxTab: 'Appointment forms (.lrmx)',

  excelIntro:
    'Fill in the template, one cadre per row. The upload checks every row first; only a file without problems can be imported, and if any row has a problem no row is imported.',
  templateTitle: 'Step 1: download the template',
  templateHint:
    'Row 2 explains each column; row 3 is an example, and rows whose name starts with 示例 are never imported. Keep the header as it is; the unit codes you may use are on the 单位编码 sheet.',
  downloadTemplate: 'Download the template',
  templateFileName: 'cadre-import-template.xlsx',
  uploadTitle: 'Step 2: upload the filled-in file',
  chooseExcel: 'Choose an Excel file',
  lrmxIntro:
    'Upload one .lrmx appointment form, or a .zip holding several. People are matched to existing cadres by ID number: for those the changed fields are listed; the others are added with the unit and defaults below.',
  chooseLrmx: 'Choose a .lrmx or .zip file',
  noFileChosen: 'No file chosen',
  chosenFile: (name, size) => `Chosen: ${name} (${size})`,
  upload: 'Upload and check',
  uploading: (percent) => `Uploading ${percent}%`,
  checking: 'Checking the file…',
  uploadProgress: 'Upload progress',
  fileTooLarge: (limit) => `The file is larger than the ${limit} limit; split it and import the parts one by one.`,
  fileEmpty: 'The file is empty; choose another one.',
  wrongType: (expected) => `Choose a ${expected} file.`,

  newPeopleTitle: 'New people',
  newPeopleHint:
    'The appointment form has no fields for the following; new people get what is chosen here, existing cadres keep their values.',
  targetUnit: 'Unit of new people',
  targetUnitHint: 'Existing cadres stay in their unit',
  noDefault: 'Not set',
  postLevel: 'Post level',
  rank: 'Rank',
  category: 'Category',
  appointmentType: 'Appointment type',
  unitsUnavailable: 'The units could not be loaded; reload the page and try again.',

  reportTitle: (fileName) => `Check result: ${fileName}`,
  counts: 'Summary',
  countTotal: (kind, total) => (kind === 'excel' ? `${total} rows` : `${total} files`),
  actionLabels: { create: 'New', update: 'Update', unchanged: 'Unchanged', error: 'Error' },
  nothingImported: 'Nothing was imported.',
  fixAndUploadAgain: (problems) =>
    `The file has ${problems} problem(s). Fix each one listed below, save the file and upload it again; it can be imported once it is clean.`,
  problemsTitle: 'Problems',
  row: 'Row',
  file: 'File',
  column: 'Column',
  element: 'Field',
  problem: 'Problem',
  wholeFile: 'Whole file',
  previewTitle: (people) => `These ${people} people will be added`,
  filesTitle: 'What happens to each file',
  name: 'Name',
  action: 'Action',
  details: 'Changes',
  changeCount: (count) => `${count} ${count === 1 ? 'change' : 'changes'}`,
  changesFor: (name, count) => `${name}: ${count} ${count === 1 ? 'change' : 'changes'}`,
  changesOf: (name) => `Changes for ${name}`,
  field: 'Field',
  before: 'Before',
  after: 'After',
  blank: '(blank)',
  openPortrait: 'Open portrait',
  nothingToApply: 'Everyone in the file matches the existing records; there is nothing to import.',
  apply: (people) => `Import ${people} ${people === 1 ? 'person' : 'people'}`,
  confirmTitle: 'Confirm the import',
  confirmMessage: (created, updated) =>
    `${created} will be added and ${updated} updated. Either all are written or none, and each is recorded in the audit log. Import now?`,
  confirmLabel: 'Import',
  applying: 'Importing…',
  discard: 'Discard this import',
  discarded: 'The import was discarded; nothing was written.',
  keptUntil: (time) => `This check result is kept until ${time} unless imported.`,
  applied: (created, updated) => `Imported: ${created} added, ${updated} updated.`,
  openLedger: 'Open the ledger',
  importAnother: 'Import another file',
  staleHint:
    'The records changed after the check, or this batch was already handled. Upload the file again and import from the new check result.',
  uploadAgain: 'Upload again',
  place: 'Where',
  rowOf: (row, name) => (name ? `Row ${row} (${name})` : `Row ${row}`),
  fileOf: (file, name) => (name && !file.includes(name) ? `${file} (${name})` : file),
};
