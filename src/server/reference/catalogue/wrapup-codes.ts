import type { WrapUpOutcome } from '../../../shared/domain/reference';

/**
 * The wrap-up codes a centre starts with, in the order agents pick them; a centre edits the list
 * as reference data. `proposedFor` names the outcome of a call the workstation proposes the code for.
 */
export const wrapUpCodes: { code: string; zh: string; en: string; proposedFor?: WrapUpOutcome }[] = [
  { code: 'answered', zh: '咨询已解答', en: 'Question answered', proposedFor: 'direct_answer' },
  { code: 'ticket', zh: '已登记工单', en: 'Ticket registered', proposedFor: 'ticket' },
  { code: 'follow_up', zh: '已催办原工单', en: 'Earlier ticket followed up', proposedFor: 'follow_up' },
  { code: 'transferred', zh: '已转接', en: 'Transferred' },
  { code: 'nuisance', zh: '骚扰电话', en: 'Nuisance call' },
  { code: 'dropped', zh: '通话中断', en: 'Call dropped' },
  { code: 'silent', zh: '无声电话', en: 'Silent call' },
];
