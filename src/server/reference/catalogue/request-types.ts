import type { RequestType } from '../../../shared/domain/ticket';

export const requestTypeNames: Record<RequestType, { zh: string; en: string }> = {
  consultation: { zh: '咨询', en: 'Consultation' },
  help: { zh: '求助', en: 'Request for help' },
  complaint: { zh: '投诉', en: 'Complaint' },
  report: { zh: '举报', en: 'Report (tip-off)' },
  suggestion: { zh: '建议', en: 'Suggestion' },
};
