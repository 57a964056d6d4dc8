/** The workstation's panes, in the order of the navigation and of Alt+1 … Alt+5. */
export const paneIds = ['intake', 'history', 'routing', 'monitor', 'admin'] as const;
export type PaneId = (typeof paneIds)[number];

/** The panes only some roles see: the others are not offered them (and the server refuses them anyway). */
export const paneRoles: Partial<Record<PaneId, readonly string[]>> = { admin: ['admin'] };

export const paneShownTo = (pane: PaneId, role: string | undefined) =>
  !paneRoles[pane] || (role !== undefined && paneRoles[pane].includes(role));
