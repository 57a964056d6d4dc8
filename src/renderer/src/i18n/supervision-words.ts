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
};
