import type { CallerDetails } from '../../../shared/contract/callers';
import { normalisePhone } from '../../../shared/domain/phone';
import type { IntakeValues } from './intake-form';

type Offered = Pick<IntakeValues, 'callerName' | 'districtCode' | 'streetCode' | 'addressDetail'>;

/**
 * What the caller's last tickets can fill in: only fields the agent left empty, and only for the
 * caller the form is about. The address is one thing (district, street, detail): it is taken only
 * where what the agent typed of it agrees, never a street of one district under another.
 */
export function offeredChanges(values: IntakeValues, details: CallerDetails | null, historyKey: string | null): Partial<Offered> {
  if (!details || !historyKey || normalisePhone(values.callerPhone)?.key !== historyKey) return {};
  const changes: Partial<Offered> = {};
  if (!values.callerName.trim() && details.callerName) changes.callerName = details.callerName;
  const agrees = (typed: string, offered: string | null) => !typed || typed === offered;
  if (agrees(values.districtCode, details.districtCode) && agrees(values.streetCode, details.streetCode)) {
    if (!values.districtCode && details.districtCode) changes.districtCode = details.districtCode;
    if (!values.streetCode && details.streetCode) changes.streetCode = details.streetCode;
    if (!values.addressDetail.trim() && details.addressDetail) changes.addressDetail = details.addressDetail;
  }
  return changes;
}
