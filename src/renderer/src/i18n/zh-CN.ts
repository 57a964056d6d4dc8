/** The source of every visible string; `en.ts` must match its shape (checked by the compiler). */
export const zhCN = {
  app: { title: '12345 热线坐席工作台', skipToContent: '跳到主要内容' },
  panes: {
    intake: { title: '受理', body: '来电受理表单将在这里：来电人、诉求类型、分类、地址和描述。' },
    history: { title: '来电历史', body: '按电话号码查看来电人的历史工单，离线也可用。' },
    routing: { title: '派单', body: '按分类和属地推荐承办单位，并说明理由。' },
    monitor: { title: '队列监控', body: '班长查看排队、坐席状态和超时风险。' },
  },
  actions: {
    goIntake: { label: '转到受理', description: '打开来电受理表单' },
    goHistory: { label: '转到来电历史', description: '查看来电人的历史工单' },
    goRouting: { label: '转到派单', description: '为工单选择承办单位' },
    goMonitor: { label: '转到队列监控', description: '查看排队和坐席状态' },
    toggleLanguage: { label: '切换语言', description: '在中文和英文之间切换' },
    toggleTheme: { label: '切换深色/浅色', description: '在浅色和深色主题之间切换' },
    openPalette: { label: '命令面板', description: '搜索并执行任何操作' },
    openHelp: { label: '快捷键帮助', description: '列出所有操作及其快捷键' },
    signIn: { label: '登录', description: '登录热线服务器，开始同步' },
    signOut: { label: '退出登录', description: '退出本工位的登录，未同步的工单会保留' },
  },
  palette: { placeholder: '搜索操作…', nothingFound: '没有匹配的操作' },
  help: { title: '快捷键', action: '操作', keys: '按键', hint: '按 Esc 关闭', close: '关闭' },
  status: {
    connection: {
      not_configured: '未配置服务器，本机独立工作',
      online: '在线',
      syncing: '同步中',
      unreachable: '服务器不可达，离线工作',
      signed_out: '未登录服务器',
    },
    outbox: '待同步 {{count}} 条',
    lastSync: '上次同步：{{time}}',
    never: '从未',
    workstation: '工位 {{code}}',
    link: {
      connecting: '正在连接工作站核心…',
      open: '工作站核心已连接',
      closed: '与工作站核心断开，正在重连…',
    },
  },
  errors: {
    invalid_input: '输入有误，未做任何修改。',
    invalid_request: '请求格式不正确。',
    unknown_call: '工作站不支持这个操作，请更新工作站。',
    not_found: '没有找到。',
    conflict: '与当前状态冲突，未做修改。',
    unauthenticated: '需要登录，请重新登录。',
    forbidden: '没有权限执行这个操作。',
    rate_limited: '尝试次数过多，请稍后再试。',
    unavailable: '工作站核心暂时无法连接，请稍后重试。',
    internal: '工作站内部错误，已记录日志，请重试。',
  },
  language: { name: '中文' },
  auth: {
    title: '登录热线服务器',
    username: '工号',
    password: '密码',
    submit: '登录',
    expired: '会话已过期，请重新输入密码。未同步的工单都还在。',
    signedInAs: '{{name}}（{{role}}）',
    failed: {
      unauthenticated: '工号或密码错误。',
      rate_limited: '失败次数过多，请15分钟后再试或联系管理员。',
      unavailable: '无法连接服务器，请检查网络后重试。',
      other: '登录失败：{{message}}',
    },
    roles: { agent: '坐席', lead: '班长', unit: '承办单位', admin: '管理员' },
  },
};

type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };
export type Messages = Shape<typeof zhCN>;
