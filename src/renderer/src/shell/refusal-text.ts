import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { Refusal } from '../../../shared/domain/refusal';

type T = ReturnType<typeof useTranslation>['t'];

/** Ticket fields named in a refusal, by the labels the intake form shows them with. */
type FieldLabel = `intake.${
  | 'requestType'
  | 'category'
  | 'urgency'
  | 'callerName'
  | 'callerPhone'
  | 'district'
  | 'street'
  | 'addressDetail'
  | 'description'
  | 'callerWants'}`;
const fieldLabel: Record<string, FieldLabel> = {
  requestType: 'intake.requestType',
  category: 'intake.category',
  urgency: 'intake.urgency',
  callerName: 'intake.callerName',
  callerPhone: 'intake.callerPhone',
  districtCode: 'intake.district',
  streetCode: 'intake.street',
  addressDetail: 'intake.addressDetail',
  description: 'intake.description',
  callerWants: 'intake.callerWants',
};

/** A parameter as the agent reads it: event types, statuses, roles and fields in the UI's words. */
function shown(t: T, key: string, value: unknown): string {
  if (value === null) return '—';
  if (Array.isArray(value)) return value.map((v) => shown(t, key, v)).join(t('rejections.listSeparator'));
  const text = String(value);
  switch (key) {
    case 'eventType':
      return t(`timeline.types.${text as 'created'}`, { defaultValue: text });
    case 'status':
      return t(`ticket.status.${text as 'registered'}`, { defaultValue: text });
    case 'resolution':
      return t(`timeline.resolution.${text as 'resolved'}`, { defaultValue: text });
    case 'role':
      return t(`auth.roles.${text as 'agent'}`, { defaultValue: text });
    case 'dueAt':
      return Number.isNaN(Date.parse(text)) ? text : new Date(text).toLocaleString();
    case 'fields':
      return t('rejections.fieldName', { name: fieldLabel[text] ? t(fieldLabel[text]) : text });
    default:
      return text;
  }
}

/** A refusal in the UI's language, its parameters in place. */
export function refusalText(t: T, refusal: Refusal): string {
  const params = Object.fromEntries(Object.entries(refusal.params).map(([key, value]) => [key, shown(t, key, value)]));
  // Every code has its message (`satisfies` in zh-CN.ts); the default only satisfies i18next's types for a computed key.
  return t(`refusals.${refusal.code}`, { ...params, defaultValue: refusal.code });
}

/** `refusalText` bound to the current language. */
export function useRefusalText() {
  const { t } = useTranslation();
  return { refusalText: useCallback((refusal: Refusal) => refusalText(t, refusal), [t]) };
}
