import type { Words } from './words';

/** The lead's supervision (督办): urging units, reasons for reassignment, raised hands, break reasons. */
export const supervisionZhCN = {
  reassignReason: '改派原因',
  reassignReasonHint: '例如：属地错误，应由邻街办理',
  urge: '督办',
  urgeReason: '督办内容',
  urgeReasonHint: '例如：已超期，请今天内反馈',
  urgeHint: '督办 {{unit}}',
  urgeOnlyLate: '工单临期或超期后才能督办承办单位。',
  urged: '已督办 {{unit}}',
  urgedCount: '督办次数',
  // The one-key urge from the monitor's lists: the reason it sends says how late the order is.
  quickReason: { at_risk: '工单即将超期，请抓紧办理并按时反馈。', overdue: '工单已超期，请尽快办理并反馈。' },
  quickUrged: '已督办工单 {{number}} 的承办单位 {{unit}}',
  notWithUnit: '工单 {{number}} 还没有派给承办单位：先派单（按 Enter 打开工单），再督办。',
  listKeys: { riskLists: '即将超时、已超时列表中（选中一行）', urgeRow: '督办所选工单的承办单位' },
};

export const supervisionEn: Words<typeof supervisionZhCN> = {
  reassignReason: 'Why reassign',
  reassignReasonHint: 'e.g. wrong jurisdiction: the next street handles it',
  urge: 'Urge unit',
  urgeReason: 'What the unit is urged to do',
  urgeReasonHint: 'e.g. overdue: report back today',
  urgeHint: 'Urge {{unit}}',
  urgeOnlyLate: 'A unit can be urged once the order is at risk or overdue.',
  urged: 'Urged {{unit}}',
  urgedCount: 'Urged',
  quickReason: {
    at_risk: 'This order is about to pass its time limit: handle it and report back on time.',
    overdue: 'This order is past its time limit: handle it and report back as soon as you can.',
  },
  quickUrged: 'Urged {{unit}} on ticket {{number}}',
  notWithUnit: 'Ticket {{number}} is not with a unit yet: dispatch it first (Enter opens it), then urge.',
  listKeys: { riskLists: 'On the at-risk and overdue lists (a row selected)', urgeRow: "Urge the selected ticket's unit" },
};
