/**
 * Knowledge-base articles the agent answers from on the call ("direct answer"). Demo content:
 * a centre replaces it with its own; facts that change yearly say where to confirm them.
 */
export interface Article {
  code: string;
  category: string;
  titleZh: string;
  titleEn: string;
  bodyZh: string;
  bodyEn: string;
}

export const articles: Article[] = [
  {
    code: 'kb-heating-season',
    category: 'heating.season',
    titleZh: '北京市供暖季起止时间',
    titleEn: 'Beijing heating season dates',
    bodyZh: '北京市法定供暖期为每年11月15日至次年3月15日。遇持续低温，市政府可决定提前或延长供暖，以市城市管理委员会发布的通知为准。',
    bodyEn:
      'The statutory heating season runs from 15 November to 15 March. In prolonged cold spells the city may start earlier or end later; the Municipal Commission of Urban Management announces it.',
  },
  {
    code: 'kb-heating-standard',
    category: 'heating.temperature',
    titleZh: '居民室温标准',
    titleEn: 'Indoor temperature standard for homes',
    bodyZh:
      '供暖期间居民住宅卧室、起居室室温应不低于18℃。室温不达标的，可向供热单位报修，供热单位应上门测温；经测温确认不达标的，可按规定申请退费。',
    bodyEn:
      'During the heating season bedrooms and living rooms must be at least 18 °C. Residents report shortfalls to their heating company, which must measure on site; a confirmed shortfall entitles them to a refund under the rules.',
  },
  {
    code: 'kb-residence-permit',
    category: 'civil.documents',
    titleZh: '居住证办理',
    titleEn: 'Applying for a residence permit',
    bodyZh:
      '在京居住满半年、有合法稳定就业、合法稳定住所或连续就读条件之一的非本市户籍人员，可持身份证和相关证明材料到居住地派出所或社区服务站申请居住证。',
    bodyEn:
      'People without Beijing household registration who have lived here for six months and have stable work, a stable home or continuous schooling may apply at the local police station or community service station with their ID card and proof.',
  },
  {
    code: 'kb-social-security-card',
    category: 'labor.social-insurance',
    titleZh: '社保卡挂失与补办',
    titleEn: 'Reporting a lost social security card',
    bodyZh:
      '社保卡丢失后应先挂失：可通过北京12333电话、北京人社App或合作银行网点办理临时挂失，再到银行网点申请补办。补卡期间可使用电子社保卡就医结算。',
    bodyEn:
      'A lost card must be reported first, by phone (12333), in the Beijing HR & Social Security app or at a partner bank; then a replacement is requested at the bank. The electronic card works for medical payments meanwhile.',
  },
  {
    code: 'kb-housing-fund-withdrawal',
    category: 'housing.fund',
    titleZh: '住房公积金提取条件',
    titleEn: 'When the housing provident fund can be withdrawn',
    bodyZh:
      '购买、建造、翻建、大修自住住房，偿还购房贷款本息，租房自住，以及离休、退休等情形可申请提取住房公积金。具体材料以北京住房公积金管理中心官网为准。',
    bodyEn:
      'Withdrawals are allowed to buy, build or renovate one’s home, repay a mortgage, pay rent, or on retirement, among others. The Housing Provident Fund Management Centre lists the documents needed.',
  },
  {
    code: 'kb-waste-sorting',
    category: 'sanitation.sorting',
    titleZh: '生活垃圾分类',
    titleEn: 'Household waste sorting',
    bodyZh: '北京市生活垃圾分为厨余垃圾、可回收物、有害垃圾和其他垃圾四类。大件垃圾和装修垃圾需预约清运，可联系物业或社区居委会。',
    bodyEn:
      'Beijing sorts household waste into four kinds: kitchen waste, recyclables, hazardous waste and other waste. Bulky and renovation waste needs a booked collection through the property manager or residents’ committee.',
  },
  {
    code: 'kb-wage-arrears',
    category: 'labor.wage-arrears',
    titleZh: '被拖欠工资怎么办',
    titleEn: 'What to do about unpaid wages',
    bodyZh: '劳动者可向用人单位所在区的劳动保障监察机构投诉，也可申请劳动争议仲裁。请保留劳动合同、考勤记录、工资条、聊天记录等证据。',
    bodyEn:
      'Workers can complain to the labour inspectorate of the district where the employer is based, or apply for labour arbitration. Keep the contract, attendance records, payslips and messages as evidence.',
  },
  {
    code: 'kb-prepaid-card',
    category: 'consumer.prepaid',
    titleZh: '预付卡商家停业退费',
    titleEn: 'Refunds when a prepaid-card business closes',
    bodyZh: '商家停业或拒绝履约的，消费者可保留购卡凭证、合同和消费记录，向市场监督管理部门投诉；涉嫌诈骗的可向公安机关报案。',
    bodyEn:
      'If a business closes or refuses to serve, keep the receipt, contract and usage records and complain to market regulation; suspected fraud can be reported to the police.',
  },
  {
    code: 'kb-gas-leak',
    category: 'gas.leak',
    titleZh: '闻到燃气味怎么办',
    titleEn: 'What to do if you smell gas',
    bodyZh: '立即关闭燃气阀门，打开门窗通风，不要开关电器、不要使用明火和手机，离开现场后拨打燃气抢修电话96777或119。',
    bodyEn:
      'Close the gas valve, open doors and windows, do not switch electrical devices or use flames or phones inside; once outside call the gas emergency line 96777 or 119.',
  },
  {
    code: 'kb-power-outage',
    category: 'power.outage',
    titleZh: '停电报修与停电信息查询',
    titleEn: 'Reporting a power cut and checking planned outages',
    bodyZh: '先确认家中总闸是否跳闸、电费是否欠缴。小区或片区停电可拨打95598报修，计划停电信息可在国家电网网上国网App查询。',
    bodyEn:
      'First check the home breaker and whether the bill is paid. For a building or area outage call 95598; planned outages are listed in State Grid’s app.',
  },
  {
    code: 'kb-school-enrolment',
    category: 'education.enrolment',
    titleZh: '义务教育入学政策',
    titleEn: 'Compulsory education enrolment',
    bodyZh: '义务教育阶段入学以各区教委当年发布的入学政策为准，一般每年5月开展信息采集。非京籍适龄儿童需提供父母在京工作居住等证明材料。',
    bodyEn:
      'Enrolment follows each district education commission’s yearly policy; registration usually opens in May. Children without Beijing registration need proof of their parents’ work and residence in Beijing.',
  },
  {
    code: 'kb-medical-insurance-remote',
    category: 'health.medical-insurance',
    titleZh: '异地就医备案',
    titleEn: 'Registering for medical treatment outside Beijing',
    bodyZh: '参保人可通过国家医保服务平台App或北京医保公共服务平台办理异地就医备案，备案后在就医地定点医疗机构可直接结算。',
    bodyEn:
      'Insured people register through the national medical insurance app or Beijing’s service platform; once registered, bills at designated hospitals elsewhere are settled directly.',
  },
];
