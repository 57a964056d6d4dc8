import type { Reference } from '../call-screen/use-reference';

/** A code's name for the lead: whichever of unit, district, category or street it is; '—' for none. */
export type NameOf = (code: string | null) => string;

export function nameOf(reference: Reference, zh: boolean): NameOf {
  return (code) => {
    if (!code) return '—';
    for (const kind of ['unit', 'district', 'category', 'street'] as const) {
      const item = reference.byKey.get(`${kind}:${code}`);
      if (item) return zh ? item.zh : item.en;
    }
    return code;
  };
}
