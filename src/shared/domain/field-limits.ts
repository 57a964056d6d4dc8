/**
 * How long each free-text field of a ticket may be, in UTF-16 code units (what a text field
 * counts). One table for the schemas that refuse longer text and for the counters the intake
 * form shows beside each field, so the two never disagree.
 */
export const fieldLimits = {
  callerName: 100,
  callerPhone: 32,
  addressDetail: 300,
  description: 4000,
  callerWants: 1000,
  /** A follow-up's note: the text of the repeat call. */
  followUpNote: 1000,
} as const;

export type LimitedField = keyof typeof fieldLimits;
