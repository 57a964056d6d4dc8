import type { Random } from '../../src/server/seed/random';

/**
 * Citizens' complaints made from templates, by catalogue category: {place}, {n}, {time} and {who}
 * filled in at random. For tests and benchmarks that need text each leaf category can be told
 * apart by (the real messages the demo centre uses carry only seven level-1 labels).
 */
const templates: Record<string, string[]> = {
  'heating.temperature': [
    '{place}{n}号楼暖气不热，室温只有{t}度，家里有老人，希望尽快处理。',
    '来电人反映{place}供暖温度不达标，已经找过物业，物业说是热力公司的问题，一直没人来。',
    '{who}家里暖气片上面热下面凉，屋里冷得穿羽绒服，要求上门测温。',
  ],
  'heating.outage': ['{place}从{time}开始停暖，整栋楼都没有暖气，没有任何通知。', '{place}暖气突然停了，打热力公司电话打不通。'],
  'heating.leak': ['{place}{n}号楼楼道暖气管道漏水，水流到楼下，请尽快派人维修。'],
  'water.outage': [
    '{place}从{time}停水到现在，没有提前通知，家里做饭洗漱都成问题。',
    '{who}反映{place}停水，物业说是管道维修，但不知道什么时候恢复。',
  ],
  'water.quality': ['{place}自来水发黄有异味，烧开以后有沉淀，担心影响健康。'],
  'water.main-burst': ['{place}路口地下管道爆裂，大量冒水，路面已经积水，车辆无法通行。'],
  'water.drain-blocked': ['{place}下水道堵塞，污水漫到路面，臭味很大，已经好几天了。'],
  'power.outage': [
    '{place}{n}号楼停电{h}个小时了，冰箱里的东西都要坏了，请尽快恢复供电。',
    '{place}整个小区停电，电梯停运，有老人被困在家里下不了楼。',
  ],
  'gas.leak': ['{place}{n}号楼单元门口闻到很浓的燃气味，担心有泄漏，请立即派人检查。'],
  'noise.construction': [
    '{place}附近工地夜里{time}还在施工，噪音特别大，严重影响休息，已经持续一周。',
    '{who}投诉{place}工地天天晚上施工，打桩声音很大，孩子没法睡觉。',
  ],
  'noise.neighbourhood': [
    '{place}广场舞音响声音太大，每天晚上到十点多，影响老人和孩子休息。',
    '楼上邻居装修，周末一大早就开始电钻，和他们沟通没用。',
  ],
  'noise.commercial': ['{place}底商酒吧每天夜里音乐很吵，一直到凌晨两三点。'],
  'property.service': ['{place}物业不作为，楼道卫生没人打扫，报修也没人管，要求更换物业。'],
  'property.elevator': [
    '{place}{n}号楼电梯又坏了，这个月第三次了，楼里很多老人上下楼困难。',
    '{place}电梯困人，里面有人出不来，物业电话没人接。',
  ],
  'property.parking': ['{place}小区车位不够，外来车辆随便停，业主的车没地方停。'],
  'labor.wage-arrears': [
    '来电人在{place}附近工地干活，老板拖欠工资{n}万元，已经三个月了，找不到人。',
    '{who}反映所在公司拖欠两个月工资，公司位于{place}，要求帮助讨薪。',
  ],
  'labor.social-insurance': ['来电人咨询单位没有给缴纳社保应该怎么办，单位在{place}。'],
  'traffic.signals': ['{place}路口红绿灯不亮，车辆行人都很乱，很危险。'],
  'traffic.bus': ['{place}站的公交车经常不按时来，一等就是半个多小时，希望增加班次。'],
  'traffic.taxi': ['来电人在{place}打车，司机拒载还态度恶劣，车牌号已经记下。'],
  'traffic.road-damage': ['{place}路面有个大坑，晚上看不清，已经有人骑车摔倒了。'],
  'parking.illegal': ['{place}门口每天都有车乱停，堵住消防通道，出入很不方便。'],
  'parking.abandoned': ['{place}小区里有辆车停了一年多没动过，落满灰尘，占用车位。'],
  'parking.bikes': ['{place}地铁站口共享单车堆成山，行人都过不去。'],
  'sanitation.garbage': ['{place}垃圾桶满了好几天没人清运，味道很大，招苍蝇。'],
  'sanitation.snow': ['{place}人行道积雪结冰没人清扫，老人出门很危险。'],
  'environment.cooking-fumes': ['{place}楼下饭馆油烟直接往楼上排，家里没法开窗。'],
  'environment.burning': ['{place}附近有人焚烧垃圾，黑烟很大，味道刺鼻。'],
  'urban.illegal-building': ['{place}{n}号楼一层住户私自扩建，占用公共绿地。'],
  'urban.street-vendors': ['{place}路边摆摊的越来越多，占用人行道，晚上很吵。'],
  'urban.streetlights': ['{place}一段路的路灯都不亮，晚上走路很黑，不安全。'],
  'urban.manholes': ['{place}路边井盖丢了，是个黑洞，很容易掉进去，请尽快处理。'],
  'education.enrolment': ['来电人咨询孩子明年上小学，户口不在北京，住在{place}，需要准备什么材料。'],
  'education.tutoring': ['{who}在{place}一家培训机构交了{n}千元学费，现在机构关门了，要求退费。'],
  'health.medical-insurance': ['来电人咨询异地就医怎么备案，报销比例是多少。'],
  'health.food-safety': ['{who}在{place}一家餐馆吃饭后拉肚子，怀疑食物不干净。'],
  'housing.rental': ['来电人租住在{place}，房东不退押金，中介也不管。'],
  'housing.fund': ['来电人咨询租房提取公积金需要什么手续，每月能提多少。'],
  'consumer.prepaid': ['{who}在{place}的健身房办了{n}千元的卡，现在健身房关门了，老板联系不上。'],
  'consumer.quality': ['来电人在{place}商场买的电器用了一周就坏了，商家不给退换。'],
  'civil.elderly': ['来电人咨询{place}附近有没有老年餐桌，老人一个人在家做饭不方便。'],
  'civil.documents': ['来电人咨询居住证到期了怎么续签，需要带什么材料。'],
  'greening.trees': ['{place}小区里的树太高了，挡住了低层住户的阳光，希望修剪。', '昨晚大风，{place}路边一棵树倒了，压在车上。'],
  'safety.ebike-charging': ['{place}{n}号楼有人从楼上拉电线给电动车充电，楼道里也停满电动车，很危险。'],
  'safety.fire-exits': ['{place}消防通道被杂物和车辆堵住，万一着火消防车进不来。'],
  'telecom.signal': ['{place}手机信号很差，在家里打电话经常断线。'],
};

const fillers = ['', '', '', '希望尽快解决。', '麻烦你们了。', '之前也打过电话，没有解决。', '请给个答复。', '情况比较着急。'];
const who = ['来电人', '市民', '王女士', '李先生', '张阿姨', '刘先生', '陈女士', '赵大爷'];
const times = ['昨天下午', '今天早上', '前天晚上', '上周五', '凌晨', '昨天夜里'];

export const categoriesWithText = Object.keys(templates);

/** A caller's account of a problem in `category`, at `place`. */
export function describeProblem(random: Random, category: string, place: string): string {
  const template = random.pick(templates[category] ?? ['来电人反映{place}相关问题，要求尽快处理。']);
  const text = template
    .replaceAll('{place}', place)
    .replaceAll('{n}', String(random.int(1, 30)))
    .replaceAll('{t}', String(random.int(12, 16)))
    .replaceAll('{h}', String(random.int(2, 12)))
    .replaceAll('{time}', random.pick(times))
    .replaceAll('{who}', random.pick(who));
  return `${text}${random.pick(fillers)}`;
}
