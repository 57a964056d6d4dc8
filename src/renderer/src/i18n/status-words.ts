import type { Words } from './words';

/** The status bar: connection, outbox, last sync, notices, the first sync's progress. */
export const statusZhCN = {
  connection: {
    not_configured: '未配置服务器，本机独立工作',
    online: '在线',
    syncing: '同步中',
    unreachable: '服务器不可达，离线工作',
    signed_out: '未登录服务器',
  },
  outbox: '待同步 {{count}} 条',
  rejected: '{{count}} 条修改被拒绝',
  lastSync: '上次同步：{{time}}',
  notice: '公告（{{from}}）：{{text}}',
  noticeUntil: '有效至 {{time}}',
  moreNotices: '另有 {{count}} 条公告',
  bootstrap: '首次同步：{{loaded}} / {{total}} 张工单',
  bootstrapLabel: '首次同步进度',
  never: '从未',
  workstation: '工位 {{code}}',
  link: {
    connecting: '正在连接工作站核心…',
    open: '工作站核心已连接',
    closed: '与工作站核心断开，正在重连…',
  },
};

export const statusEn: Words<typeof statusZhCN> = {
  connection: {
    not_configured: 'No server configured: working on this machine alone',
    online: 'Online',
    syncing: 'Syncing',
    unreachable: 'Server unreachable: working offline',
    signed_out: 'Signed out of the server',
  },
  outbox: '{{count}} waiting to sync',
  rejected: '{{count}} changes refused',
  lastSync: 'Last sync: {{time}}',
  notice: 'Notice ({{from}}): {{text}}',
  noticeUntil: 'In force until {{time}}',
  moreNotices: '+{{count}} more',
  bootstrap: 'First sync: {{loaded}} / {{total}} tickets',
  bootstrapLabel: 'First sync progress',
  never: 'never',
  workstation: 'Workstation {{code}}',
  link: {
    connecting: 'Connecting to the workstation core…',
    open: 'Workstation core connected',
    closed: 'Lost the workstation core; reconnecting…',
  },
};
