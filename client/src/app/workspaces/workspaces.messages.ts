/** Pages that say where the user is: not found, and the start pages of roles without a dashboard. */
export interface WorkspacesMessages {
  /** Which words the problem-code registry and zod issues are shown in. */
  readonly problemLanguage: 'zh' | 'en';
  readonly notFound: {
    readonly pageTitle: string;
    readonly pageDetail: string;
    readonly recordTitle: string;
    readonly recordDetail: string;
    readonly home: string;
  };
  readonly lockout: {
    attemptsRemaining(count: number): string;
    lockedUntil(time: string): string;
  };
  readonly reviewer: {
    readonly title: string;
    readonly intro: string;
    readonly steps: readonly string[];
    readonly casesTitle: string;
    readonly noCases: string;
    readonly noCasesHint: string;
    readonly account: string;
  };
  readonly assessor: {
    readonly title: string;
    readonly intro: string;
    readonly steps: readonly string[];
    readonly calibrating: string;
    readonly rating: string;
    readonly preparing: string;
    readonly none: string;
    readonly calibrate: string;
    readonly open: string;
    readonly allCycles: string;
    readonly newCycle: string;
    progress(submitted: number, total: number): string;
  };
}

export const WORKSPACES_ZH_CN: WorkspacesMessages = {
  problemLanguage: 'zh',
  notFound: {
    pageTitle: '页面不存在',
    pageDetail: '您打开的地址没有对应的页面，可能是链接有误或页面已调整。',
    recordTitle: '档案不存在',
    recordDetail: '这份干部档案不存在，可能已被删除，或链接中的编号有误。',
    home: '返回首页',
  },
  lockout: {
    attemptsRemaining: (count) => `还可尝试 ${count} 次，之后账户将被暂时锁定。`,
    lockedUntil: (time) => `账户已锁定，将于 ${time}（本地时间）解锁。`,
  },
  reviewer: {
    title: '容错纠错审核',
    intro: '您负责审核干部容错纠错申请：核实情况，依照规定认定是否予以容错，并给出纠错意见。',
    steps: ['收到申请后，核对申请材料与干部档案', '依照容错情形逐项认定，写明理由', '提交审核意见，由组织部管理员最终确认'],
    casesTitle: '我的案件',
    noCases: '目前没有分配给您的案件。',
    noCasesHint: '容错纠错案件功能即将上线；上线后，分配给您的案件会出现在这里。',
    account: '账户与安全设置',
  },
  assessor: {
    title: '我的考核工作',
    intro: '您负责组织干部考核：准备考核、组织测评、校准等次并锁定结果。',
    steps: ['筹备：选定评价体系和考核范围，分配评价人', '测评：启动后评价人填写评价表，可发送提醒', '校准：测评结束后逐单位校准等次，然后锁定公布'],
    calibrating: '待校准',
    rating: '测评中',
    preparing: '筹备中',
    none: '暂无',
    calibrate: '去校准',
    open: '查看',
    allCycles: '全部考核',
    newCycle: '新建考核',
    progress: (submitted, total) => `已提交 ${submitted}/${total}`,
  },
};

export const WORKSPACES_EN: WorkspacesMessages = {
  problemLanguage: 'en',
  notFound: {
    pageTitle: 'Page not found',
    pageDetail: 'No page is at this address; the link may be wrong or the page has moved.',
    recordTitle: 'Record not found',
    recordDetail: 'This cadre record does not exist: it may have been deleted, or the link’s id is wrong.',
    home: 'Back to start',
  },
  lockout: {
    attemptsRemaining: (count) => `${count} attempt${count === 1 ? '' : 's'} left before the account is locked for a while.`,
    lockedUntil: (time) => `The account is locked until ${time} (local time).`,
  },
  reviewer: {
    title: 'Fault tolerance review',
    intro: 'You review cadres’ fault-tolerance applications: check the facts, decide under the rules whether to tolerate, and advise on corrections.',
    steps: [
      'When an application arrives, compare it with the cadre’s record',
      'Decide on each tolerance condition and write down why',
      'Submit your opinion; the organization department confirms it',
    ],
    casesTitle: 'My cases',
    noCases: 'No cases are assigned to you.',
    noCasesHint: 'Case handling is coming soon; cases assigned to you will appear here.',
    account: 'Account and security',
  },
  assessor: {
    title: 'My assessment work',
    intro: 'You run the cadre assessments: prepare cycles, run rating, calibrate grades and lock the results.',
    steps: [
      'Prepare: pick the framework and population, assign raters',
      'Rate: once started, raters fill in their forms; send reminders',
      'Calibrate: after rating, calibrate each unit’s grades, then lock',
    ],
    calibrating: 'To calibrate',
    rating: 'Rating',
    preparing: 'Preparing',
    none: 'None',
    calibrate: 'Calibrate',
    open: 'Open',
    allCycles: 'All assessments',
    newCycle: 'New assessment',
    progress: (submitted, total) => `${submitted}/${total} submitted`,
  },
};
