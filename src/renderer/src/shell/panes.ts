/** The workstation's panes, in the order of the navigation and of Alt+1 … Alt+4. */
export const paneIds = ['intake', 'history', 'routing', 'monitor'] as const;
export type PaneId = (typeof paneIds)[number];
