import type { Words } from './words';

/** Breaks with their reasons, raised hands, and time in each state: the agent's status bar and the lead's agents table. */
export const agentStateZhCN = {
  breakTitle: '示忙原因',
  withReason: '{{state}}·{{reason}}',
  handRaised: '已举手 {{duration}}',
  handRaisedTitle: '班长已看到您的举手；再按 Alt+H 放下',
  handAnswered: '{{name}} 已应答，马上过来',
  needHelp: '{{count}} 位坐席举手求助',
  needHelpWho: '{{name}}（{{duration}}）',
  answerHint: '按 Alt+Shift+H 应答等得最久的一位',
  answer: '应答',
  answered: '已应答 {{name}}，对方会看到您正过来',
  noHandRaised: '现在没有人举手。',
  help: '求助',
  todayShort: '今日 空闲·通话·话后·示忙',
  todayOf: {
    available: '今日空闲',
    on_call: '今日通话',
    wrap_up: '今日话后',
    break: '今日示忙',
  },
};

export const agentStateEn: Words<typeof agentStateZhCN> = {
  breakTitle: 'Why the break',
  withReason: '{{state}} · {{reason}}',
  handRaised: 'Hand raised {{duration}}',
  handRaisedTitle: 'The team leads see your hand; Alt+H again lowers it',
  handAnswered: '{{name}} answered and is on the way',
  needHelp: '{{count}} agents need help',
  needHelpWho: '{{name}} ({{duration}})',
  answerHint: 'Alt+Shift+H answers the one waiting longest',
  answer: 'Answer',
  answered: 'Answered {{name}}: they see you are on the way',
  noHandRaised: 'Nobody has a hand raised now.',
  help: 'Help',
  todayShort: 'Today: available · call · wrap-up · break',
  todayOf: {
    available: 'Available today',
    on_call: 'On calls today',
    wrap_up: 'Wrap-up today',
    break: 'On break today',
  },
};

/** The actions' words, spread into the `actions` of each language. */
export const agentStateActionsZhCN = {
  raiseHand: { label: '举手求助 / 放下', description: '请班长过来帮忙，班长的监控里立即可见；再按一次放下' },
  answerHand: { label: '应答举手', description: '班长应答等得最久的举手坐席，对方会看到您正过来' },
};

export const agentStateActionsEn: Words<typeof agentStateActionsZhCN> = {
  raiseHand: { label: 'Raise / lower hand', description: 'Ask a team lead over; the leads see it at once. Press again to lower it' },
  answerHand: {
    label: 'Answer a raised hand',
    description: 'A team lead answers the agent waiting longest, who sees the lead is on the way',
  },
};
