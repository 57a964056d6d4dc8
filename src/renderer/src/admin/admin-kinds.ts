import { slaClasses, wrapUpOutcomes } from '../../../shared/domain/reference';
import { type EditableKind, editableKinds } from '../../../shared/server-api/reference-admin';
import type { AdminField } from './use-admin-words';

/** The reference kinds of the left column: every editable one but the divisions, which come from the official codes. */
const referenceSections = editableKinds.filter((kind) => kind !== 'district' && kind !== 'street');

/** What the left column lists: the reference kinds an admin edits, then users, phone switches and Open311 keys. */
export const adminSections = [...referenceSections, 'users', 'switches', 'open311'] as const;
export type AdminSection = (typeof adminSections)[number];
export type ReferenceSection = Exclude<EditableKind, 'district' | 'street'>;

export const isReferenceSection = (section: AdminSection): section is ReferenceSection =>
  referenceSections.some((kind) => kind === section);

/** The kinds a field can point at; its choices are that kind's items, read from the server. */
export type RefKind = 'category' | 'unit' | 'district' | 'street';

/**
 * One field of a kind's form. `text` and `markdown` are strings, `list` a list of strings typed
 * comma-separated, `int` a whole number, `choice` one of fixed values, `ref` the code of another
 * item (`nullable`: empty is written as null, not left out), `bool` a yes/no.
 */
export type FieldSpec =
  | { key: AdminField; type: 'text' | 'markdown' | 'list'; required?: boolean }
  | { key: AdminField; type: 'int'; required?: boolean }
  | { key: AdminField; type: 'bool'; initial: boolean }
  | { key: AdminField; type: 'choice'; choices: readonly string[]; required?: boolean }
  | { key: AdminField; type: 'ref'; ref: RefKind; required?: boolean; nullable?: boolean; extra?: readonly string[] };

const names: FieldSpec[] = [
  { key: 'zh', type: 'text', required: true },
  { key: 'en', type: 'text', required: true },
];

/** The fields of each kind's body, in the order of the form; the code is asked for apart. */
export const kindFields: Record<ReferenceSection, FieldSpec[]> = {
  category: [
    ...names,
    { key: 'parent', type: 'ref', ref: 'category', nullable: true },
    { key: 'sla', type: 'choice', choices: slaClasses },
    { key: 'keywords', type: 'list' },
    { key: 'active', type: 'bool', initial: true },
  ],
  unit: [
    ...names,
    { key: 'type', type: 'text', required: true },
    { key: 'districtCode', type: 'ref', ref: 'district' },
    { key: 'streetCode', type: 'ref', ref: 'street' },
    { key: 'contact', type: 'text' },
    { key: 'active', type: 'bool', initial: true },
  ],
  routingRule: [
    { key: 'category', type: 'ref', ref: 'category', required: true },
    { key: 'districtCode', type: 'ref', ref: 'district', nullable: true },
    { key: 'streetCode', type: 'ref', ref: 'street', nullable: true },
    // The lead is the street's or the district's office of the address, or one fixed unit.
    { key: 'target', type: 'ref', ref: 'unit', required: true, extra: ['street', 'district'] },
    { key: 'also', type: 'list' },
  ],
  slaPolicy: [
    ...names,
    { key: 'dispatchMinutes', type: 'int', required: true },
    { key: 'feedbackMinutes', type: 'int', required: true },
    { key: 'feedbackWorkingDays', type: 'int' },
  ],
  calendarDay: [...names, { key: 'workday', type: 'bool', initial: false }],
  requestType: names,
  wrapup: [...names, { key: 'order', type: 'int' }, { key: 'proposedFor', type: 'choice', choices: wrapUpOutcomes }],
  breakReason: [...names, { key: 'order', type: 'int' }],
  queue: names,
  article: [
    { key: 'category', type: 'ref', ref: 'category', required: true },
    { key: 'titleZh', type: 'text', required: true },
    { key: 'titleEn', type: 'text', required: true },
    { key: 'bodyZh', type: 'markdown', required: true },
    { key: 'bodyEn', type: 'markdown', required: true },
    { key: 'categories', type: 'list' },
    { key: 'keywords', type: 'list' },
    { key: 'status', type: 'choice', choices: ['draft', 'published'] },
  ],
};
