import type { ReferenceEntry } from '../../shared/domain/reference';
import type { Random } from './random';

/**
 * The demo centre's callers: who they are, where they live and how agents typed their numbers.
 * Most ring once; a tail rings again about the same trouble, and a few ring twenty to thirty times.
 */
export interface Caller {
  name: string | undefined;
  /** Digits as a switch reports them: 11 for a mobile, 010 and 8 for a Beijing landline. */
  number: string;
  street: Extract<ReferenceEntry, { kind: 'street' }>;
  address: string;
  /** The category this caller keeps ringing about (repeat callers usually ring about one thing). */
  concern: string;
  tickets: number;
}

const surnames =
  '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文';
const given = '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国建华志强淑珍玉兰凤英海燕文博子涵浩然欣怡梓萱宇轩思远雨桐佳怡';
const estates = ['小区', '东里', '西里', '南里', '北里', '家园', '花园', '嘉园', '一区', '二区', '三区', '新村', '公寓', '北街', '南街'];

function personName(random: Random): string | undefined {
  const surname = random.pick([...surnames]);
  const roll = random.next();
  // Agents usually write 王女士 / 李先生; some take the full name; some callers give none.
  if (roll < 0.45) return `${surname}${random.chance(0.55) ? '女士' : '先生'}`;
  if (roll < 0.8) {
    const chars = [...given];
    return `${surname}${random.pick(chars)}${random.chance(0.6) ? random.pick(chars) : ''}`;
  }
  return random.chance(0.3) ? '匿名' : undefined;
}

const mobilePrefixes = [
  '130',
  '131',
  '132',
  '133',
  '135',
  '136',
  '137',
  '138',
  '139',
  '150',
  '151',
  '152',
  '155',
  '156',
  '157',
  '158',
  '159',
  '166',
  '170',
  '173',
  '175',
  '176',
  '177',
  '178',
  '180',
  '181',
  '182',
  '183',
  '185',
  '186',
  '187',
  '188',
  '189',
  '191',
  '198',
  '199',
];

function phoneNumber(random: Random): string {
  if (random.chance(0.82)) return `${random.pick(mobilePrefixes)}${String(random.int(0, 99_999_999)).padStart(8, '0')}`;
  return `010${random.int(5, 8)}${String(random.int(0, 9_999_999)).padStart(7, '0')}`;
}

/** A number as one agent or another typed it: plain, spaced, hyphenated, with the country code, a landline without 010. */
export function typedPhone(random: Random, number: string): string {
  const roll = random.next();
  if (number.startsWith('010')) {
    const local = number.slice(3);
    if (roll < 0.5) return `010-${local}`;
    if (roll < 0.65) return number;
    if (roll < 0.8) return local;
    if (roll < 0.92) return `010 ${local.slice(0, 4)} ${local.slice(4)}`;
    return `+86 10 ${local.slice(0, 4)} ${local.slice(4)}`;
  }
  const [a, b, c] = [number.slice(0, 3), number.slice(3, 7), number.slice(7)];
  if (roll < 0.6) return number;
  if (roll < 0.75) return `${a} ${b} ${c}`;
  if (roll < 0.85) return `${a}-${b}-${c}`;
  if (roll < 0.92) return `+86 ${a} ${b} ${c}`;
  if (roll < 0.96) return `+86${number}`;
  return `0086 ${number}`;
}

/** 劲松东里12号楼3单元502: an estate named after the street, a building, an entrance and a flat. */
export function homeAddress(random: Random, streetName: string): string {
  const core = streetName.replace(/(街道|地区|镇|乡)$/, '') || streetName;
  if (random.chance(0.15)) return `${core}路${random.int(1, 260)}号`;
  const flat = `${random.int(1, random.chance(0.3) ? 28 : 6)}${String(random.int(1, 4)).padStart(2, '0')}`;
  return `${core}${random.pick(estates)}${random.int(1, 32)}号楼${random.int(1, 6)}单元${flat}`;
}

/**
 * How many tickets each caller has, for `count` tickets: a few with 20–30, some with 6–19, a long
 * tail with 2–5, everyone else once. Returned longest first.
 */
export function ticketsPerCaller(random: Random, count: number): number[] {
  const perCaller: number[] = [];
  let left = count;
  const add = (callers: number, min: number, max: number) => {
    for (let i = 0; i < callers && left >= min; i++) {
      const n = Math.min(left, random.int(min, max));
      perCaller.push(n);
      left -= n;
    }
  };
  add(Math.max(2, Math.round(count / 2400)), 20, 30);
  add(Math.round(count / 400), 6, 19);
  add(Math.round(count / 16), 2, 5);
  while (left-- > 0) perCaller.push(1);
  return perCaller;
}

/** The callers of `count` tickets, in the order their tickets are handed out (shuffled: a repeat caller's calls spread over the days). */
export function demoCallers(
  random: Random,
  count: number,
  streets: Extract<ReferenceEntry, { kind: 'street' }>[],
  pickCategory: () => string,
): Caller[] {
  const callers = ticketsPerCaller(random, count).map((tickets): Caller => {
    const street = random.pick(streets);
    return {
      name: personName(random),
      number: phoneNumber(random),
      street,
      address: homeAddress(random, street.body.zh),
      concern: pickCategory(),
      tickets,
    };
  });
  const calls = callers.flatMap((caller) => Array.from({ length: caller.tickets }, () => caller));
  for (let i = calls.length - 1; i > 0; i--) {
    const j = random.int(0, i);
    [calls[i], calls[j]] = [calls[j]!, calls[i]!];
  }
  return calls;
}
