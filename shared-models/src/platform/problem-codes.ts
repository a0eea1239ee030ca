/**
 * Every `code` the API puts in a problem, with what the user is told in each interface language
 * when the server sent no more specific `detail`. The API types its errors by this table, so a
 * new code does not compile until it has both messages.
 */
export const PROBLEM_CODES = {
  // request and session
  unauthenticated: { zh: '请先登录', en: 'Please sign in first.' },
  invalid_credentials: { zh: '用户名或密码错误', en: 'Wrong username or password.' },
  invalid_totp: { zh: '动态验证码或恢复码不正确', en: 'The one-time code or recovery code is wrong.' },
  account_locked: { zh: '连续登录失败次数过多，账户已暂时锁定', en: 'Too many failed sign-ins; the account is locked for a while.' },
  account_disabled: { zh: '账户已停用，请联系系统管理员', en: 'The account is disabled; contact the system administrator.' },
  totp_required: { zh: '请先完成双因素认证', en: 'Finish the second sign-in step first.' },
  totp_enrollment_required: { zh: '您的角色要求启用双因素认证，请先完成绑定', en: 'Your role requires an authenticator app; set it up first.' },
  password_change_required: { zh: '请先修改密码', en: 'Change your password first.' },
  already_signed_in: { zh: '已完成登录，无需再次验证', en: 'You are already signed in.' },
  no_pending_enrollment: { zh: '请先生成二维码再确认绑定', en: 'Generate the QR code before confirming.' },
  csrf_failed: { zh: '请求缺少有效的防跨站令牌，请刷新页面后重试', en: 'The page’s security token is missing or stale; reload and try again.' },
  rate_limited: { zh: '尝试过于频繁，请稍后再试', en: 'Too many attempts; try again later.' },
  forbidden: { zh: '您的角色无权执行此操作', en: 'Your role does not allow this.' },
  out_of_scope: { zh: '该档案不在您的数据范围内', en: 'This record is outside your data scope.' },
  unit_out_of_scope: { zh: '所选单位不在您的管理范围内', en: 'The chosen unit is outside the units you manage.' },
  not_found: { zh: '要找的内容不存在', en: 'What you are looking for does not exist.' },
  // malformed requests
  validation_failed: { zh: '填写的内容有误，请按提示修改', en: 'Some entries are not valid; see the messages.' },
  malformed_json: { zh: '请求内容格式有误', en: 'The request could not be read.' },
  malformed_body: { zh: '请求内容无法读取', en: 'The request could not be read.' },
  malformed_url: { zh: '请求地址有误', en: 'The address is malformed.' },
  malformed_text: { zh: '文字中含有无法识别的字符', en: 'The text contains characters that cannot be read.' },
  payload_too_large: { zh: '上传内容超过大小上限', en: 'The upload is too large.' },
  unsupported_charset: { zh: '请求的字符集不受支持', en: 'The request’s character set is not supported.' },
  unsupported_encoding: { zh: '请求的压缩方式不受支持', en: 'The request’s compression is not supported.' },
  unsupported_file_type: { zh: '不支持的文件类型', en: 'This file type is not supported.' },
  file_required: { zh: '请选择要上传的文件', en: 'Choose a file to upload.' },
  // concurrent changes
  version_conflict: { zh: '数据已被他人修改，请查看最新内容', en: 'Someone else changed this; look at the latest version.' },
  stale_revision: { zh: '该内容已被他人修改，请刷新后重试', en: 'Someone else changed this; reload and try again.' },
  version_exists: { zh: '新版本已由他人创建，请刷新后重试', en: 'Someone else created the new version; reload and try again.' },
  document_busy: { zh: '数据正在被他人修改，请稍后重试', en: 'Someone else is changing this; try again shortly.' },
  // accounts
  username_taken: { zh: '用户名已被使用', en: 'This username is taken.' },
  own_request: { zh: '不能审批自己提出的变更', en: 'You cannot approve your own request.' },
  own_account: { zh: '不能审批自己账户的变更', en: 'You cannot approve a change to your own account.' },
  change_pending: { zh: '该账户有一项变更正在等待审批', en: 'A change to this account is waiting for approval.' },
  no_pending_change: { zh: '该账户没有等待审批的变更', en: 'This account has no change waiting for approval.' },
  no_password_part: { zh: '没有等您领取的密码', en: 'There is no password part for you to collect.' },
  password_not_set: { zh: '该账户的一次性密码尚未由本人修改', en: 'The account’s owner has not yet replaced the one-time password.' },
  // units and records
  unit_code_taken: { zh: '单位代码已被使用', en: 'This unit code is taken.' },
  unit_not_empty: { zh: '该单位下还有下级单位或干部，不能删除', en: 'The unit still has sub-units or cadres.' },
  district_not_configured: { zh: '尚未初始化行政区信息', en: 'The district has not been set up.' },
  id_number_taken: { zh: '该身份证号已登记在另一份档案中', en: 'This ID number is already on another record.' },
  cadre_has_account: { zh: '该档案关联着登录账户，不能删除', en: 'A sign-in account is linked to this record.' },
  no_photo: { zh: '该干部尚未上传照片', en: 'No photo has been uploaded.' },
  no_id_number: { zh: '该干部未登记身份证号', en: 'No ID number is on record.' },
  not_a_cadre: { zh: '只有关联了干部档案的账户才能执行此操作', en: 'Only an account linked to a cadre record can do this.' },
  // corrections and proposals
  already_decided: { zh: '已经处理过了', en: 'This has already been decided.' },
  too_many_pending_corrections: { zh: '待处理的更正申请过多，请等待审核后再提交', en: 'Too many requests are waiting; wait for a decision first.' },
  // imports and exports
  invalid_workbook: { zh: '文件无法读取，请使用模板填写的 Excel 文件', en: 'The file cannot be read; use the Excel template.' },
  lrmx_invalid: { zh: '任免表文件无法读取', en: 'The appointment form file cannot be read.' },
  lrmx_too_large: { zh: '任免表文件过大', en: 'The appointment form file is too large.' },
  too_many_rows: { zh: '文件行数超过上限', en: 'The file has too many rows.' },
  import_too_large: { zh: '导入内容过大', en: 'The import is too large.' },
  import_failed: { zh: '导入失败，未导入任何数据', en: 'The import failed; nothing was imported.' },
  import_in_progress: { zh: '该批次正在导入，请稍候', en: 'This batch is being imported; please wait.' },
  import_applied: { zh: '该批次已导入', en: 'This batch has already been imported.' },
  import_discarded: { zh: '该批次已丢弃，请重新上传', en: 'This batch was discarded; upload again.' },
  import_stale: { zh: '数据在预览之后已有变化，请重新上传', en: 'The data changed after the preview; upload again.' },
  import_incomplete: { zh: '导入批次的数据已不完整，请重新上传', en: 'The batch is incomplete; upload again.' },
  import_has_problems: { zh: '报告中还有问题，请修正文件后重新上传', en: 'The report still lists problems; fix the file and upload again.' },
  import_nothing_to_apply: { zh: '该批次没有需要新增或修改的记录', en: 'The batch has nothing to add or change.' },
  export_too_large: { zh: '一次导出的数量超过上限，请缩小范围', en: 'Too many records for one export; narrow the selection.' },
  view_name_taken: { zh: '已有同名的视图', en: 'A view with this name exists.' },
  // evaluation
  framework_published: { zh: '该版本已发布，不能修改', en: 'This version is published and cannot be changed.' },
  framework_in_use: { zh: '该评价体系版本已被考核使用，不能修改', en: 'A cycle uses this framework version; it cannot be changed.' },
  framework_missing: { zh: '考核使用的评价体系版本不存在', en: 'The cycle’s framework version is missing.' },
  empty_population: { zh: '考核范围内没有符合条件的干部', en: 'No cadres match the cycle’s population.' },
  wrong_status: { zh: '考核当前的状态不允许此操作', en: 'The cycle’s status does not allow this.' },
  invalid_status: { zh: '考核当前的状态不允许此操作', en: 'The cycle’s status does not allow this.' },
  cycle_not_open: { zh: '考核未在测评中，不能填写评价表', en: 'The cycle is not open for ratings.' },
  cycle_closing: { zh: '测评已结束，不能再提交', en: 'Rating has ended; nothing more can be submitted.' },
  cycle_locked: { zh: '该考核已锁定', en: 'The cycle is locked.' },
  already_submitted: { zh: '已提交，不能再修改', en: 'Already submitted; it cannot be changed.' },
  not_scored: { zh: '该考核还没有结果', en: 'The cycle has no results yet.' },
  not_published: { zh: '考核结果尚未公布', en: 'The results are not published yet.' },
  unchanged: { zh: '等次没有变化', en: 'The grade is unchanged.' },
  calibration_refused: { zh: '校准未被接受', en: 'The calibration was refused.' },
  calibration_in_progress: { zh: '有单位的校准正在保存，请稍后重试', en: 'A unit’s calibration is being saved; try again shortly.' },
  // the server itself
  projection_loading: { zh: '数据正在准备中，请稍后重试', en: 'The data is being prepared; try again shortly.' },
  projection_unavailable: { zh: '服务正在停止，请稍后再试', en: 'The service is stopping; try again later.' },
  database_unavailable: { zh: '数据库暂时无法连接，请稍后重试', en: 'The database is unavailable; try again later.' },
  internal_error: { zh: '服务器内部错误，请稍后重试', en: 'Something went wrong on the server; try again later.' },
} as const satisfies Record<string, { readonly zh: string; readonly en: string }>;

export type ProblemCode = keyof typeof PROBLEM_CODES;

/** Whether a code received from the server is one of the known ones. */
export function isProblemCode(code: unknown): code is ProblemCode {
  return typeof code === 'string' && Object.hasOwn(PROBLEM_CODES, code);
}
