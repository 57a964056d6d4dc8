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
  {
    code: 'kb-heating-not-warm',
    category: 'heating.temperature',
    titleZh: '暖气不热怎么报修',
    titleEn: 'Reporting a radiator that is not warm',
    bodyZh:
      '先检查暖气阀门是否打开、暖气片是否需要排气。仍不热的，联系所在小区的供热单位报修（北京热力集团客服热线96069，其他供热单位以缴费单上的电话为准），供热单位应在规定时间内上门测温处理。',
    bodyEn:
      'First check that the radiator valves are open and bleed trapped air. If it stays cold, report it to the heating company of the estate (Beijing District Heating Group: 96069; other companies: the number on the heating bill), which must come to measure and fix it within the set time.',
  },
  {
    code: 'kb-heating-fee',
    category: 'heating.fee',
    titleZh: '供暖费缴纳与发票',
    titleEn: 'Paying heating fees and getting a receipt',
    bodyZh:
      '居民供暖费一般在供暖季开始前向供热单位缴纳，可通过供热单位营业厅、银行或线上渠道办理，缴费后可申请开具发票。收费标准以本市价格主管部门公布的为准；未缴费的，供热单位不得停止对同一楼内其他住户的供暖。',
    bodyEn:
      'Residents pay the heating fee to their heating company before the season starts, at its office, a bank or online, and may ask for a receipt. Rates are those published by the city price authority; a neighbour not paying must not stop heating for the rest of the building.',
  },
  {
    code: 'kb-heating-leak',
    category: 'heating.leak',
    titleZh: '暖气漏水应急处理',
    titleEn: 'A leaking radiator or heating pipe',
    bodyZh:
      '发现暖气片或管道漏水，先关闭进水和回水阀门，用容器接水并移开电器，再联系供热单位或物业抢修。漏水影响楼下住户的，及时告知邻居。',
    bodyEn:
      'Close the supply and return valves, catch the water and move electrical devices away, then call the heating company or the property manager for repair. Tell the neighbours below if the water reaches them.',
  },
  {
    code: 'kb-housing-fund-loan',
    category: 'housing.fund',
    titleZh: '住房公积金贷款申请',
    titleEn: 'Applying for a housing provident fund loan',
    bodyZh:
      '连续足额缴存住房公积金满一定期限的职工，购买自住住房时可申请公积金贷款，额度与缴存年限、账户余额和还款能力有关。可拨打12329住房公积金服务热线或登录北京住房公积金网查询条件和额度。',
    bodyEn:
      'Employees who have paid into the fund in full for the required period may borrow from it to buy their own home; the amount depends on years of payment, the balance and repayment ability. The housing fund hotline 12329 and the fund’s website give the conditions.',
  },
  {
    code: 'kb-social-insurance-flexible',
    category: 'labor.social-insurance',
    titleZh: '灵活就业人员缴纳社保',
    titleEn: 'Social insurance for the self-employed',
    bodyZh:
      '本市户籍灵活就业人员可在户籍所在地街道（乡镇）社保所办理养老、失业、医疗保险参保登记，按月缴费，可通过北京人社App或银行代扣。非本市户籍人员的参保条件以市人力社保局规定为准。',
    bodyEn:
      'Self-employed people registered in Beijing sign up for pension, unemployment and medical insurance at the social insurance office of their street or township and pay monthly, through the Beijing HR & Social Security app or a bank debit. Rules for others are set by the city’s HR bureau.',
  },
  {
    code: 'kb-id-card-replacement',
    category: 'civil.documents',
    titleZh: '身份证丢失补办',
    titleEn: 'Replacing a lost ID card',
    bodyZh: '身份证丢失后可到户籍所在地或居住地派出所申请补领，异地补领已全国通办。补领期间需要乘车、住宿的，可申请临时身份证明。',
    bodyEn:
      'A lost ID card is replaced at the police station of the household registration or of the place one lives; replacement works anywhere in the country. A temporary identity certificate covers travel and hotels meanwhile.',
  },
  {
    code: 'kb-hukou-settlement',
    category: 'civil.documents',
    titleZh: '户口迁移与积分落户',
    titleEn: 'Moving household registration and points-based settlement',
    bodyZh:
      '户口迁入本市需符合人才引进、投靠、积分落户等政策条件。积分落户每年申报一次，申报时间、条件和材料以市人力资源和社会保障局当年公告为准；户口迁移手续在派出所办理。',
    bodyEn:
      'Moving one’s household registration to Beijing requires qualifying as recruited talent, joining family, or points-based settlement. Points-based applications open once a year as announced by the HR bureau; the transfer itself is done at the police station.',
  },
  {
    code: 'kb-traffic-violation',
    category: 'parking.illegal',
    titleZh: '交通违章查询与处理',
    titleEn: 'Checking and settling traffic violations',
    bodyZh:
      '机动车违章记录可通过交管12123 App查询，并在线缴纳罚款、处理违法记录；对处罚有异议的，可向作出处罚的交通支队申请复核。发现他人违章停车堵路的，可拨打122报警。',
    bodyEn:
      'Violations are checked in the Traffic Management 12123 app, where fines are paid and records settled; a disputed penalty can be reviewed by the traffic unit that issued it. Cars parked illegally blocking a road are reported to 122.',
  },
  {
    code: 'kb-night-construction',
    category: 'noise.construction',
    titleZh: '夜间施工噪音',
    titleEn: 'Construction noise at night',
    bodyZh:
      '每日22时至次日6时，禁止在居民区附近进行产生噪声的建筑施工作业；抢修、抢险或因工艺要求必须连续施工的，应取得证明并公告附近居民。夜间施工扰民的，可拨打12345反映，由属地街道和城管执法部门处理。',
    bodyEn:
      'From 22:00 to 06:00 noisy construction near homes is forbidden; emergency repairs or work that must run continuously need a certificate and a notice to residents. Night-time construction noise is reported to 12345 and handled by the street office and urban law enforcement.',
  },
  {
    code: 'kb-renovation-noise',
    category: 'noise.neighbourhood',
    titleZh: '邻居装修噪音扰民',
    titleEn: 'Noise from a neighbour’s renovation',
    bodyZh:
      '住宅装修应遵守小区管理规约和物业的装修管理规定，午休和夜间时段不得进行电钻、切割等高噪声作业。邻居装修扰民的，可先与邻居或物业沟通，仍不改正的可向社区居委会或街道反映。',
    bodyEn:
      'Renovation follows the estate’s rules and the property manager’s renovation regulations: no drilling or cutting at midday rest or at night. Talk to the neighbour or the property manager first; if it goes on, report it to the residents’ committee or the street office.',
  },
  {
    code: 'kb-property-fee',
    category: 'property.fee',
    titleZh: '物业费收费争议',
    titleEn: 'Disputes over property management fees',
    bodyZh:
      '物业费按物业服务合同约定的标准和方式收取，物业企业应公示收费项目和标准。对收费或服务质量有异议的，可要求物业说明，也可向街道（乡镇）或区住房城乡建设委反映；不得以停水停电等方式催缴物业费。',
    bodyEn:
      'Fees follow the property service contract, and the company must publish its charges. Residents who dispute a charge or the service can ask the company to explain, or go to the street office or the district housing commission; cutting water or power to collect fees is not allowed.',
  },
  {
    code: 'kb-elevator-trapped',
    category: 'property.elevator',
    titleZh: '电梯困人怎么办',
    titleEn: 'Trapped in a lift',
    bodyZh:
      '被困电梯时保持冷静，按下轿厢内紧急呼叫按钮或拨打电梯内张贴的救援电话、北京市电梯应急处置服务平台96333，不要扒门或试图爬出轿厢。必要时拨打119。',
    bodyEn:
      'Stay calm, press the alarm button or call the rescue number posted in the lift or Beijing’s lift emergency line 96333; do not force the doors or climb out. Call 119 if needed.',
  },
  {
    code: 'kb-water-outage',
    category: 'water.outage',
    titleZh: '停水查询与报修',
    titleEn: 'Water outages: checking and reporting',
    bodyZh:
      '先询问物业或邻居是否为小区内部停水。计划停水信息可在北京市自来水集团官网或公众号查询，突发停水或水管爆裂可拨打自来水集团客服热线96116报修。',
    bodyEn:
      'First ask the property manager or neighbours whether it is the estate’s own supply. Planned outages are listed by Beijing Waterworks Group online; sudden outages and burst pipes are reported to its hotline 96116.',
  },
];
