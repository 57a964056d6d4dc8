/**
 * The phone switch's queues a centre starts with, by the name the switch gives them in its CTI
 * events; a centre whose switch names them otherwise edits this list as reference data.
 */
export const switchQueues: { code: string; zh: string; en: string }[] = [
  { code: 'general', zh: '综合', en: 'General' },
  { code: 'enterprise', zh: '企业服务', en: 'Business services' },
  { code: 'foreign_language', zh: '外语服务', en: 'Foreign languages' },
  { code: 'callback', zh: '回访', en: 'Callbacks' },
];
