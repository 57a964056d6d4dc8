import { findUnsafeCharacter } from '../../shared/domain/plain-text';
import { Open311Error } from './requests';

/** The same characters every other boundary refuses (`plain-text.ts`): PostgreSQL refuses NUL, XML 1.0 the noncharacters. */
export const hasUnsafeText = (text: string): boolean => findUnsafeCharacter(text) !== null;

/** Refuses, with a 400 naming the field, any string in a query, path or form that holds such a character. */
export function refuseUnsafeText(part: unknown, where: string): void {
  if (typeof part === 'string') {
    if (hasUnsafeText(part))
      throw new Open311Error(400, `${where} holds a control character or an invalid character; remove it and send again`);
    return;
  }
  if (Array.isArray(part)) return part.forEach((item) => refuseUnsafeText(item, where));
  if (part && typeof part === 'object') {
    for (const [key, value] of Object.entries(part)) {
      refuseUnsafeText(key, 'a field name');
      refuseUnsafeText(value, key);
    }
  }
}
