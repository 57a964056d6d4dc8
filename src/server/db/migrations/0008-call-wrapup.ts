/**
 * The wrap-up code an agent gives a call after hanging up (reference data of kind `wrapup`), who
 * gave it and when: the call record the centre reports on says what each call was about.
 */
export const callWrapUp = {
  version: 8,
  name: 'call-wrapup',
  sql: `
    ALTER TABLE calls ADD COLUMN wrapup_code text;
    ALTER TABLE calls ADD COLUMN wrapup_by text;
    ALTER TABLE calls ADD COLUMN wrapup_at timestamptz;
  `,
};
