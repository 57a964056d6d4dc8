import type { Messages } from './zh-CN';

export const en: Messages = {
  app: { title: 'Hotline Workstation', skipToContent: 'Skip to main content' },
  panes: {
    intake: { title: 'Intake', body: "The call intake form goes here: caller, request type, category, address and description." },
    history: { title: 'Caller history', body: "The caller's earlier tickets by phone number, offline too." },
    routing: { title: 'Routing', body: 'The handling unit proposed from category and jurisdiction, with the reason.' },
    monitor: { title: 'Queue monitor', body: 'Queues, agent states and SLA risk for team leads.' },
  },
  actions: {
    goIntake: { label: 'Go to intake', description: 'Open the call intake form' },
    goHistory: { label: 'Go to caller history', description: "See the caller's earlier tickets" },
    goRouting: { label: 'Go to routing', description: 'Choose the handling unit for a ticket' },
    goMonitor: { label: 'Go to queue monitor', description: 'See queues and agent states' },
    toggleLanguage: { label: 'Switch language', description: 'Switch between Chinese and English' },
    toggleTheme: { label: 'Toggle dark/light', description: 'Switch between the light and dark theme' },
    openPalette: { label: 'Command palette', description: 'Search for any action and run it' },
    openHelp: { label: 'Keyboard shortcuts', description: 'List every action with its shortcut' },
  },
  palette: { placeholder: 'Search actions…', nothingFound: 'No matching action' },
  help: { title: 'Keyboard shortcuts', action: 'Action', keys: 'Keys', hint: 'Press Esc to close', close: 'Close' },
  status: {
    connection: {
      not_configured: 'No server configured: working on this machine alone',
      online: 'Online',
      syncing: 'Syncing',
      unreachable: 'Server unreachable: working offline',
      signed_out: 'Signed out of the server',
    },
    outbox: '{{count}} waiting to sync',
    lastSync: 'Last sync: {{time}}',
    never: 'never',
    workstation: 'Workstation {{code}}',
    link: {
      connecting: 'Connecting to the workstation core…',
      open: 'Workstation core connected',
      closed: 'Lost the workstation core; reconnecting…',
    },
  },
  errors: {
    invalid_input: 'Some input is not valid; nothing was changed.',
    invalid_request: 'The request was malformed.',
    unknown_call: 'This workstation does not support that action; update it.',
    not_found: 'Not found.',
    conflict: 'That conflicts with the current state; nothing was changed.',
    unauthenticated: 'Sign in again to continue.',
    forbidden: 'You are not allowed to do that.',
    rate_limited: 'Too many attempts; wait a few minutes and try again.',
    unavailable: 'The workstation core cannot be reached; try again shortly.',
    internal: 'Internal workstation error; it was logged. Try again.',
  },
  language: { name: 'English' },
};
