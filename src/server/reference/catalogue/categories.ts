/**
 * The dispatch catalogue: two levels, as a city hotline's knowledge base groups them.
 * `route` says who handles a leaf: the street/township office of the address, the district
 * government, or a named unit (see units.ts). `sla` picks the time limits (sla.ts).
 */
import type { SlaClass } from '../../../shared/domain/reference';

export type { SlaClass };
export type RouteTarget = 'street' | 'district' | `${'dept' | 'company'}:${string}`;

export interface CategoryGroup {
  code: string;
  zh: string;
  en: string;
  leaves: [code: string, zh: string, en: string, sla: SlaClass, route: RouteTarget, keywords: string][];
}

export const categoryGroups: CategoryGroup[] = [
  {
    code: 'heating',
    zh: '供暖',
    en: 'Heating',
    leaves: [
      ['heating.temperature', '室温不达标', 'Room temperature below standard', 'utility', 'company:heating', '暖气不热 温度低 室温 冷'],
      ['heating.outage', '停暖', 'Heating outage', 'utility', 'company:heating', '停暖 没暖气 暖气停了'],
      ['heating.leak', '暖气漏水', 'Radiator or pipe leak', 'utility', 'company:heating', '暖气漏水 跑水 暖气片'],
      ['heating.fee', '供暖费', 'Heating fees', 'general', 'company:heating', '供暖费 采暖费 缴费 发票'],
      ['heating.season', '供暖时间', 'Heating season dates', 'general', 'dept:urban', '提前供暖 延长供暖 供暖季'],
    ],
  },
  {
    code: 'water',
    zh: '供水排水',
    en: 'Water and drainage',
    leaves: [
      ['water.outage', '停水', 'Water outage', 'utility', 'company:water', '停水 没水 断水'],
      ['water.pressure', '水压低', 'Low water pressure', 'utility', 'company:water', '水压 水小 高层没水'],
      ['water.quality', '水质问题', 'Water quality', 'utility', 'company:water', '水黄 水浑 异味 水质'],
      ['water.main-burst', '管道爆裂', 'Burst water main', 'emergency', 'company:water', '爆管 跑水 管道破裂 冒水'],
      ['water.drain-blocked', '排水不畅', 'Blocked drain or sewer overflow', 'utility', 'district', '下水道 堵塞 污水外溢 返水'],
      ['water.fee', '水费', 'Water bills', 'general', 'company:water', '水费 水表 缴费'],
    ],
  },
  {
    code: 'power',
    zh: '供电',
    en: 'Electricity',
    leaves: [
      ['power.outage', '停电', 'Power outage', 'utility', 'company:power', '停电 没电 断电 跳闸'],
      ['power.voltage', '电压不稳', 'Unstable voltage', 'utility', 'company:power', '电压 忽明忽暗 电压低'],
      ['power.fee', '电费', 'Electricity bills', 'general', 'company:power', '电费 电表 缴费'],
      ['power.hazard', '电力设施隐患', 'Hazardous power equipment', 'emergency', 'company:power', '电线 掉落 电线杆 变压器 冒烟'],
    ],
  },
  {
    code: 'gas',
    zh: '燃气',
    en: 'Gas',
    leaves: [
      ['gas.leak', '燃气泄漏', 'Gas leak', 'emergency', 'company:gas', '燃气 煤气 泄漏 味道 漏气'],
      ['gas.outage', '停气', 'Gas outage', 'utility', 'company:gas', '停气 没气 打不着火'],
      ['gas.fee', '燃气费', 'Gas bills and meters', 'general', 'company:gas', '燃气费 气表 充值 IC卡'],
    ],
  },
  {
    code: 'noise',
    zh: '噪声扰民',
    en: 'Noise',
    leaves: [
      ['noise.construction', '施工噪声', 'Construction noise', 'general', 'street', '施工 夜间施工 工地 噪音'],
      ['noise.neighbourhood', '社会生活噪声', 'Neighbourhood noise', 'general', 'street', '广场舞 装修 邻居 吵 噪音'],
      ['noise.commercial', '商业经营噪声', 'Noise from shops and venues', 'general', 'street', '商铺 音响 酒吧 KTV 噪音'],
      ['noise.traffic', '交通噪声', 'Traffic noise', 'complex', 'dept:transport', '鸣笛 高架 交通 噪音'],
    ],
  },
  {
    code: 'property',
    zh: '物业管理',
    en: 'Property management',
    leaves: [
      ['property.service', '物业服务质量', 'Quality of property services', 'general', 'street', '物业 服务差 不作为'],
      ['property.elevator', '电梯故障', 'Elevator breakdown', 'emergency', 'street', '电梯 困人 故障 停运'],
      ['property.fee', '物业收费', 'Property fees', 'general', 'street', '物业费 收费 乱收费'],
      ['property.facilities', '公共设施维修', 'Repair of shared facilities', 'general', 'street', '楼道灯 单元门 维修 公共设施'],
      ['property.parking', '小区停车', 'Parking inside estates', 'general', 'street', '小区 车位 停车 地锁'],
    ],
  },
  {
    code: 'labor',
    zh: '劳动保障',
    en: 'Labour and social insurance',
    leaves: [
      ['labor.wage-arrears', '拖欠工资', 'Unpaid wages', 'general', 'district', '拖欠工资 欠薪 讨薪 工资'],
      ['labor.contract', '劳动合同纠纷', 'Employment contract disputes', 'complex', 'district', '劳动合同 辞退 赔偿 加班'],
      ['labor.social-insurance', '社会保险', 'Social insurance contributions', 'general', 'dept:hrss', '社保 养老保险 失业保险 缴纳'],
      ['labor.employment', '就业服务', 'Employment services', 'general', 'dept:hrss', '就业 招聘 培训 失业登记'],
    ],
  },
  {
    code: 'traffic',
    zh: '交通出行',
    en: 'Transport',
    leaves: [
      ['traffic.signals', '信号灯故障', 'Traffic light failure', 'emergency', 'dept:traffic-police', '红绿灯 信号灯 不亮 故障'],
      ['traffic.bus', '公交服务', 'Bus services', 'general', 'dept:transport', '公交 线路 站点 司机 班次'],
      ['traffic.taxi', '出租车与网约车', 'Taxis and ride-hailing', 'general', 'dept:transport', '出租车 网约车 拒载 绕路'],
      ['traffic.subway', '地铁服务', 'Subway services', 'general', 'dept:transport', '地铁 站 换乘 安检'],
      ['traffic.congestion', '道路拥堵', 'Congestion', 'general', 'dept:traffic-police', '拥堵 堵车 交通组织'],
      ['traffic.road-damage', '道路破损', 'Damaged roads', 'general', 'district', '路面 坑 塌陷 破损'],
    ],
  },
  {
    code: 'parking',
    zh: '停车管理',
    en: 'Parking',
    leaves: [
      ['parking.illegal', '违章停车', 'Illegal parking', 'general', 'dept:traffic-police', '乱停车 占道 堵门 违停'],
      ['parking.fees', '停车收费', 'Parking charges', 'general', 'dept:transport', '停车费 收费 咪表'],
      ['parking.abandoned', '僵尸车', 'Abandoned vehicles', 'general', 'street', '僵尸车 废弃车辆 长期停放'],
      ['parking.bikes', '共享单车乱停', 'Badly parked shared bikes', 'general', 'street', '共享单车 乱停 堆放'],
    ],
  },
  {
    code: 'sanitation',
    zh: '市容环卫',
    en: 'Sanitation',
    leaves: [
      ['sanitation.garbage', '垃圾清运', 'Garbage collection', 'general', 'street', '垃圾 清运 堆积 没人收'],
      ['sanitation.sorting', '垃圾分类', 'Waste sorting', 'general', 'street', '垃圾分类 桶站 厨余'],
      ['sanitation.toilets', '公共厕所', 'Public toilets', 'general', 'street', '公厕 厕所 卫生'],
      ['sanitation.street-cleaning', '道路清扫', 'Street cleaning', 'general', 'street', '清扫 保洁 落叶 脏'],
      ['sanitation.snow', '积雪清扫', 'Snow clearing', 'utility', 'street', '积雪 结冰 扫雪 路滑'],
    ],
  },
  {
    code: 'environment',
    zh: '生态环境',
    en: 'Environment',
    leaves: [
      ['environment.air', '大气污染', 'Air pollution', 'general', 'dept:environment', '排放 黑烟 粉尘 异味'],
      ['environment.cooking-fumes', '餐饮油烟', 'Cooking fumes', 'general', 'street', '油烟 烧烤 饭馆 排烟'],
      ['environment.water-pollution', '水体污染', 'Water pollution', 'complex', 'dept:environment', '河道 污染 排污 发臭'],
      ['environment.burning', '露天焚烧', 'Open burning', 'general', 'street', '焚烧 烧垃圾 秸秆 冒烟'],
    ],
  },
  {
    code: 'urban',
    zh: '城市管理',
    en: 'Urban management',
    leaves: [
      ['urban.illegal-building', '违法建设', 'Illegal construction', 'complex', 'street', '违建 私搭乱建 加盖'],
      ['urban.street-vendors', '占道经营', 'Street vending', 'general', 'street', '摆摊 占道 游商 小贩'],
      ['urban.streetlights', '路灯故障', 'Streetlight failure', 'general', 'dept:urban', '路灯 不亮 灯杆'],
      ['urban.manholes', '井盖缺失破损', 'Missing or broken manhole cover', 'emergency', 'district', '井盖 缺失 塌陷 危险'],
      ['urban.advertising', '户外广告', 'Outdoor advertising', 'general', 'street', '广告牌 小广告 横幅'],
    ],
  },
  {
    code: 'education',
    zh: '教育',
    en: 'Education',
    leaves: [
      ['education.enrolment', '入学政策', 'School enrolment', 'general', 'dept:education', '入学 学区 幼升小 小升初'],
      ['education.fees', '学校收费', 'School fees', 'general', 'dept:education', '学费 乱收费 补课费'],
      ['education.tutoring', '校外培训', 'After-school tutoring', 'general', 'dept:education', '培训机构 退费 课外班'],
      ['education.kindergarten', '幼儿园', 'Kindergartens', 'general', 'district', '幼儿园 入园 托育'],
    ],
  },
  {
    code: 'health',
    zh: '医疗卫生',
    en: 'Health',
    leaves: [
      ['health.hospital-service', '医疗服务', 'Hospital services', 'general', 'dept:health', '医院 挂号 医生 态度'],
      [
        'health.medical-insurance',
        '医保报销',
        'Medical insurance claims',
        'general',
        'dept:medical-insurance',
        '医保 报销 医保卡 异地就医',
      ],
      ['health.vaccination', '疫苗接种', 'Vaccination', 'general', 'dept:health', '疫苗 接种 预约'],
      ['health.food-safety', '食品安全', 'Food safety', 'utility', 'dept:market', '食品 变质 食物中毒 过期'],
    ],
  },
  {
    code: 'housing',
    zh: '住房',
    en: 'Housing',
    leaves: [
      ['housing.quality', '房屋质量', 'Building defects', 'complex', 'dept:housing', '漏雨 墙体开裂 房屋质量 渗水'],
      ['housing.rental', '租房纠纷', 'Rental disputes', 'general', 'district', '房东 押金 中介 租房'],
      ['housing.public', '保障性住房', 'Public housing', 'complex', 'dept:housing', '公租房 保障房 共有产权 申请'],
      ['housing.renovation', '老旧小区改造', 'Renovation of old estates', 'complex', 'street', '老旧小区 改造 加装电梯'],
      ['housing.fund', '住房公积金', 'Housing provident fund', 'general', 'dept:housing-fund', '公积金 提取 贷款'],
    ],
  },
  {
    code: 'consumer',
    zh: '消费维权',
    en: 'Consumer rights',
    leaves: [
      ['consumer.quality', '商品质量', 'Product quality', 'general', 'dept:market', '质量问题 假货 退换'],
      ['consumer.prepaid', '预付卡退费', 'Prepaid card refunds', 'general', 'dept:market', '预付卡 办卡 跑路 退费 健身房'],
      ['consumer.pricing', '价格欺诈', 'Pricing fraud', 'general', 'dept:market', '价格 明码标价 欺诈 宰客'],
      ['consumer.online', '网购纠纷', 'Online shopping disputes', 'general', 'dept:market', '网购 快递 退货 平台'],
    ],
  },
  {
    code: 'civil',
    zh: '民政与社会服务',
    en: 'Civil affairs and social services',
    leaves: [
      ['civil.elderly', '养老服务', 'Care for the elderly', 'general', 'dept:civil-affairs', '养老 老人 养老院 助餐'],
      ['civil.assistance', '低保与社会救助', 'Minimum living allowance and relief', 'general', 'district', '低保 救助 困难 补贴'],
      ['civil.disability', '残疾人服务', 'Services for people with disabilities', 'general', 'district', '残疾 无障碍 残疾证'],
      ['civil.documents', '户籍与证件', 'Household registration and ID', 'general', 'dept:public-security', '户口 身份证 居住证 落户'],
    ],
  },
  {
    code: 'greening',
    zh: '园林绿化',
    en: 'Parks and trees',
    leaves: [
      ['greening.trees', '树木修剪与倒伏', 'Tree pruning and fallen trees', 'utility', 'street', '树 倒伏 修剪 树枝 挡光'],
      ['greening.green-space', '绿地破坏', 'Damage to green space', 'general', 'street', '绿地 毁绿 草坪'],
      ['greening.pests', '病虫害', 'Tree pests', 'general', 'dept:landscape', '虫子 病虫害 杨絮 柳絮'],
    ],
  },
  {
    code: 'safety',
    zh: '安全隐患',
    en: 'Safety hazards',
    leaves: [
      ['safety.fire-exits', '消防通道堵塞', 'Blocked fire exits', 'emergency', 'street', '消防通道 堵塞 占用 安全出口'],
      ['safety.ebike-charging', '电动车违规充电', 'Unsafe e-bike charging', 'emergency', 'street', '电动车 充电 飞线 楼道'],
      ['safety.dangerous-building', '危险建筑物', 'Dangerous structures', 'emergency', 'dept:housing', '危房 脱落 坠落 外墙'],
    ],
  },
  {
    code: 'telecom',
    zh: '通信服务',
    en: 'Telecommunications',
    leaves: [
      ['telecom.signal', '网络信号', 'Mobile and broadband coverage', 'general', 'company:telecom', '信号 网络 宽带 没信号'],
      ['telecom.billing', '通信资费', 'Telecom charges', 'general', 'company:telecom', '话费 扣费 套餐'],
    ],
  },
];
