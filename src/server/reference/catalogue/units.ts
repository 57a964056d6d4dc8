/**
 * Handling units besides the street/township offices and district governments, which are made
 * from the division list (reference-data.ts). Codes are stable: routing rules and tickets keep them.
 */
export const municipalUnits: [code: string, zh: string, en: string][] = [
  ['dept:urban', '北京市城市管理委员会', 'Beijing Municipal Commission of Urban Management'],
  ['dept:water', '北京市水务局', 'Beijing Water Authority'],
  ['dept:housing', '北京市住房和城乡建设委员会', 'Beijing Municipal Commission of Housing and Urban-Rural Development'],
  ['dept:transport', '北京市交通委员会', 'Beijing Municipal Commission of Transport'],
  ['dept:traffic-police', '北京市公安局公安交通管理局', 'Beijing Traffic Management Bureau'],
  ['dept:public-security', '北京市公安局', 'Beijing Municipal Public Security Bureau'],
  ['dept:environment', '北京市生态环境局', 'Beijing Municipal Ecology and Environment Bureau'],
  ['dept:market', '北京市市场监督管理局', 'Beijing Municipal Administration for Market Regulation'],
  ['dept:hrss', '北京市人力资源和社会保障局', 'Beijing Municipal Human Resources and Social Security Bureau'],
  ['dept:education', '北京市教育委员会', 'Beijing Municipal Education Commission'],
  ['dept:health', '北京市卫生健康委员会', 'Beijing Municipal Health Commission'],
  ['dept:medical-insurance', '北京市医疗保障局', 'Beijing Municipal Medical Insurance Bureau'],
  ['dept:civil-affairs', '北京市民政局', 'Beijing Municipal Civil Affairs Bureau'],
  ['dept:landscape', '北京市园林绿化局', 'Beijing Municipal Forestry and Parks Bureau'],
  ['dept:planning', '北京市规划和自然资源委员会', 'Beijing Municipal Commission of Planning and Natural Resources'],
  ['dept:housing-fund', '北京住房公积金管理中心', 'Beijing Housing Provident Fund Management Centre'],
  ['company:water', '北京市自来水集团', 'Beijing Waterworks Group'],
  ['company:power', '国网北京市电力公司', 'State Grid Beijing Electric Power Company'],
  ['company:gas', '北京燃气集团', 'Beijing Gas Group'],
  ['company:heating', '北京市热力集团', 'Beijing District Heating Group'],
  ['company:telecom', '通信运营商北京分公司', 'Telecom operators, Beijing branches'],
];

/** The name of a street/township's own office, by the kind of division it is. */
export function streetOfficeName(streetName: string): { zh: string; kind: 'subdistrict' | 'area' | 'town' | 'township' | 'zone' } {
  if (streetName.endsWith('街道')) return { zh: `${streetName}办事处`, kind: 'subdistrict' };
  if (streetName.endsWith('地区')) return { zh: `${streetName}办事处`, kind: 'area' };
  if (streetName.endsWith('镇')) return { zh: `${streetName}人民政府`, kind: 'town' };
  if (streetName.endsWith('乡')) return { zh: `${streetName}人民政府`, kind: 'township' };
  return { zh: `${streetName}管理委员会`, kind: 'zone' };
}
