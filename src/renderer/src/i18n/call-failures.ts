/**
 * What the agent is told when a call to the core fails: what did not happen, said before the reason
 * (`errors.*`). Kept apart from the other messages so each area's strings can grow on their own.
 */
export const callFailuresZhCN = {
  saveDraft: '草稿没有保存，关闭窗口会丢失刚才输入的内容：',
  restoreDraft: '上次的草稿没有恢复：',
  listDrafts: '草稿列表没有打开：',
  lookUpCaller: '来电人历史没有加载：',
  wrapUp: '话后小结没有保存：',
  findDuplicates: '疑似重复工单没有查出：',
  suggestCategories: '分类建议没有生成：',
  searchKnowledgeBase: '知识库没有打开：',
  createTicket: '工单没有登记：',
  followUp: '没有追加到工单：',
  answerFromKnowledgeBase: '知识库答复没有登记：',
  workStep: '这一步没有完成：',
  loadWorkList: '工作列表没有加载：',
  sendNotice: '公告没有发布：',
  withdrawNotice: '公告没有撤回：',
  linkIncident: '没有关联为同一事件：',
  loadRates: '指标没有取到：',
  exportRates: '指标没有导出：',
  unexpected: '出现意外错误（{{detail}}），请重试；再次出现请联系管理员。',
};

export const callFailuresEn: { [K in keyof typeof callFailuresZhCN]: string } = {
  saveDraft: 'The draft was not saved; closing the window would lose what was just typed: ',
  restoreDraft: 'The last draft was not restored: ',
  listDrafts: 'The drafts list did not open: ',
  lookUpCaller: "The caller's history was not loaded: ",
  wrapUp: 'The wrap-up code was not saved: ',
  findDuplicates: 'Likely duplicates could not be looked up: ',
  suggestCategories: 'No category suggestions: ',
  searchKnowledgeBase: 'The knowledge base did not open: ',
  createTicket: 'The ticket was not registered: ',
  followUp: 'The call was not added to the ticket: ',
  answerFromKnowledgeBase: 'The knowledge-base answer was not registered: ',
  workStep: 'This step was not done: ',
  loadWorkList: 'The work list was not loaded: ',
  sendNotice: 'The notice was not sent: ',
  withdrawNotice: 'The notice was not withdrawn: ',
  linkIncident: 'The tickets were not linked as one incident: ',
  loadRates: 'The rates could not be fetched: ',
  exportRates: 'The rates were not exported: ',
  unexpected: 'Something unexpected went wrong ({{detail}}); try again, and tell an administrator if it happens again.',
};
