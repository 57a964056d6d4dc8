/**
 * Why an agent goes on a break, in the order agents pick them (the digit beside each); a centre
 * edits the list as reference data. The monitor shows the reason beside the break and its length.
 */
export const breakReasons: { code: string; zh: string; en: string }[] = [
  { code: 'rest', zh: '小休', en: 'Short rest' },
  { code: 'meal', zh: '用餐', en: 'Meal' },
  { code: 'training', zh: '培训', en: 'Training' },
  { code: 'meeting', zh: '会议', en: 'Meeting' },
  { code: 'coaching', zh: '质检辅导', en: 'Coaching' },
  { code: 'paperwork', zh: '工单整理', en: 'Paperwork' },
];
