import { AGE_BANDS, UNIT_TYPE_LABELS, type AgeBand } from '@cadre/shared-models';
import type { Messages } from './messages';

export const MESSAGES_ZH_CN: Messages = {
  shell: {
    productName: '江北区干部能力现代化平台',
    navigation: '主导航',
    toggleNavigation: '打开或关闭导航',
    language: '界面语言',
    home: '首页',
    demoDataNotice: '示例数据，纯属虚构',
  },
  home: {
    title: '干部队伍概览',
    loading: '正在加载干部分布数据…',
    totalCadres: '干部总数',
    peopleUnit: '人',
    asOf: '年龄计算截至',
    empty: '暂无干部数据',
    emptyHint: '录入或导入干部信息后，这里将显示按单位类型和年龄段的分布。',
    chartTitle: '按单位类型和年龄段分布',
    chartNote: '图表数据与下方表格一致。',
    unitTypeAxis: '单位类型',
    countAxis: '人数',
    ageBandLegend: '年龄段',
    tableTitle: '分布明细',
    totalColumn: '合计',
    totalRow: '合计',
    retry: '重试',
  },
  errors: {
    network: '无法连接服务器，请检查网络后重试。',
    invalidResponse: '服务器返回的数据格式不正确。',
    unexpected: '出现意外错误。',
    requestId: '请求编号：',
    httpStatus: (status) => `服务器返回错误（HTTP ${status}）。`,
  },
  paginator: {
    itemsPerPage: '每页条数',
    nextPage: '下一页',
    previousPage: '上一页',
    firstPage: '第一页',
    lastPage: '最后一页',
    emptyRange: '共 0 条',
    range: (first, last, length) => `第 ${first}–${last} 条，共 ${length} 条`,
  },
  unitTypes: UNIT_TYPE_LABELS,
  // The shared age bands are already the Chinese labels the department reports in.
  ageBands: Object.fromEntries(AGE_BANDS.map((band) => [band, band])) as Record<AgeBand, string>,
};
