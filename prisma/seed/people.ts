// Synthetic families for the seed: names, household make-up by size, ages, health and labour,
// and ID numbers (GB 11643) that are unique by construction. Nobody here is a real person:
// names are random combinations and the ID numbers carry the made-up province code 99.
import type { HealthStatus, LabourAbility, Relation, Sex } from '../../lib/generated/prisma/enums';
import { idCheckChar } from '../../lib/validation';
import type { Random } from './random';

// ───────────────────────── names ─────────────────────────

/** Common surnames with rough relative frequencies (per mille); heteronyms such as 曾/单/解 are left out. */
const SURNAME_WEIGHTS: [string, number][] = (
  '王71 李70 张68 刘54 陈46 杨31 黄22 赵22 吴20 周19 徐14 孙13 马13 朱12 胡11 郭11 何10 高10 林9 罗9 ' +
  '郑8 梁8 谢7 宋6 唐6 许6 韩6 冯6 邓5 曹5 彭5 肖5 田5 董5 袁5 潘4 于4 蒋4 蔡4 余4 杜4 叶4 程4 苏4 ' +
  '魏4 吕4 丁4 任3 沈3 姚3 卢3 姜3 崔3 钟3 谭3 陆3 汪3 范3 金3 石3 廖3 贾3 夏3 韦3 付3 方2 白2 邹2 ' +
  '孟2 熊2 秦2 邱2 江2 尹2 薛2 闫2 段2 雷2 侯2 龙2 史2 陶2 贺2 顾2 毛2 郝2 龚2 邵2 万2 钱2 严2 武2 ' +
  '戴2 孔2 汤2 牛2 包1 苟1 令1 巩1 慕1 裴1 蒲1 强1'
)
  .split(' ')
  .map((token) => [token[0], Number(token.slice(1))]);

const SURNAMES = SURNAME_WEIGHTS.map(([s]) => s);
const SURNAME_CUMULATIVE = (() => {
  let sum = 0;
  return SURNAME_WEIGHTS.map(([, w]) => (sum += w));
})();

export function pickSurname(random: Random): string {
  const x = random.next() * SURNAME_CUMULATIVE[SURNAME_CUMULATIVE.length - 1];
  let lo = 0;
  let hi = SURNAME_CUMULATIVE.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (SURNAME_CUMULATIVE[mid] > x) hi = mid;
    else lo = mid + 1;
  }
  return SURNAMES[lo];
}

/** A surname other than `not` (spouses, in-laws and mothers come from other families). */
export function otherSurname(random: Random, not: string): string {
  for (;;) {
    const s = pickSurname(random);
    if (s !== not) return s;
  }
}

type Era = 'old' | 'mid' | 'young';
const GIVEN: Record<Sex, Record<Era, [string, string]>> = {
  MALE: {
    old: [
      '德福贵富有长永宝进满金天玉万兴树正文世占双明忠建国学志振耀存',
      '明生财山林海旺贵喜全才成华荣发祥堂魁仁义福根田春元禄仓',
    ],
    mid: ['建志国军伟海俊红小永晓文立学卫新明东春勇红卫亚', '军伟强平华斌峰涛刚杰辉明东鹏林勇宏兵波龙亮飞'],
    young: ['子浩宇俊博梓家佳一天明思文嘉皓泽睿若俊', '轩宇涵浩然辰睿杰博航豪阳鑫泽铭凯磊瑞晨'],
  },
  FEMALE: {
    old: ['秀桂玉凤金淑春翠兰菊彩巧美月素爱香梅银', '英兰珍芳花梅莲琴霞娥香凤芝云枝叶娟'],
    mid: ['丽艳小红春晓海燕秀玉彩丹美雪静亚', '丽燕红霞琴娟萍芳敏静玲艳梅婷莉'],
    young: ['欣梓雨思佳子诗语可一梦雅心紫婉静', '怡涵萱琪婷妍彤悦琳雯瑶然菲晴蕾'],
  },
};

function eraOf(birthYear: number): Era {
  return birthYear < 1965 ? 'old' : birthYear < 1990 ? 'mid' : 'young';
}

/** A one- or two-character given name in the style of the person's generation. */
export function givenName(random: Random, sex: Sex, birthYear: number): string {
  const [first, second] = GIVEN[sex][eraOf(birthYear)];
  if (random.chance(0.14)) return second[Math.floor(random.next() * second.length)];
  for (;;) {
    const a = first[Math.floor(random.next() * first.length)];
    const b = second[Math.floor(random.next() * second.length)];
    if (a !== b) return a + b;
  }
}

/** A made-up full name (for help-plan cadres and the like). */
export function randomFullName(
  random: Random,
  sex: Sex = random.chance(0.7) ? 'MALE' : 'FEMALE',
  birthYear = 1975,
): string {
  return pickSurname(random) + givenName(random, sex, birthYear);
}

// ───────────────────────── families ─────────────────────────

export type MemberDraft = {
  relation: Relation;
  sex: Sex;
  /** Whole years at the seed date. */
  age: number;
  surname: string;
};

export type Member = MemberDraft & {
  name: string;
  /** Days since 1970-01-01. */
  birthDay: number;
  health: HealthStatus;
  labour: LabourAbility;
  inSchool: boolean;
};

const clamp = (value: number, min: number, max: number) => Math.max(min, Math.min(max, value));
const otherSex = (sex: Sex): Sex => (sex === 'MALE' ? 'FEMALE' : 'MALE');
const randomSex = (random: Random): Sex => (random.chance(0.52) ? 'MALE' : 'FEMALE');

/** Household sizes 1–7: poor households are smaller and older on average. Overall mean ≈ 3.4. */
const SIZE_WEIGHTS_POOR = [0, 15, 23, 21, 19, 12, 7, 3];
const SIZE_WEIGHTS_OTHER = [0, 8.5, 20, 23, 24.5, 14.5, 7, 2.5];

function weighted(random: Random, weights: readonly number[]): number {
  let total = 0;
  for (const w of weights) total += w;
  let x = random.next() * total;
  for (let i = 0; i < weights.length; i++) {
    x -= weights[i];
    if (x < 0) return i;
  }
  return weights.length - 1;
}

/** Family builder: a head and relatives whose ages fit together (parents ~22–34 years older, and so on). */
class Family {
  readonly members: MemberDraft[] = [];
  /** The surname the children take: the husband's. */
  lineSurname: string;
  constructor(
    private readonly random: Random,
    head: { sex: Sex; age: number; surname: string },
  ) {
    this.members.push({ relation: 'HEAD', ...head });
    this.lineSurname = head.surname;
  }
  get head() {
    return this.members[0];
  }
  spouse(): MemberDraft {
    const { random, head } = this;
    const gap = head.sex === 'MALE' ? random.int(-1, 5) : -random.int(-1, 5);
    const spouse: MemberDraft = {
      relation: 'SPOUSE',
      sex: otherSex(head.sex),
      age: clamp(head.age - gap, 18, 95),
      surname: otherSurname(random, head.surname),
    };
    if (spouse.sex === 'MALE') this.lineSurname = spouse.surname;
    this.members.push(spouse);
    return spouse;
  }
  /** `count` children of the head, spaced 1–5 years, the eldest born when the mother was 20–30. */
  children(count: number, opts: { minAge?: number; maxEldest?: number } = {}): MemberDraft[] {
    const { random, head } = this;
    const mother = head.sex === 'FEMALE' ? head : (this.members.find((m) => m.relation === 'SPOUSE') ?? head);
    let age = Math.min(mother.age - random.int(20, 30), opts.maxEldest ?? 99);
    const made: MemberDraft[] = [];
    for (let i = 0; i < count; i++) {
      const child: MemberDraft = {
        relation: 'CHILD',
        sex: randomSex(random),
        age: Math.max(opts.minAge ?? 0, age),
        surname: this.lineSurname,
      };
      made.push(child);
      this.members.push(child);
      age -= random.int(1, 5);
    }
    return made;
  }
  /** The head's own parents (one: more often the mother, widowed). */
  parents(count: 1 | 2): void {
    const { random, head } = this;
    const fatherAge = clamp(head.age + random.int(22, 32), 40, 96);
    const mother: MemberDraft = {
      relation: 'PARENT',
      sex: 'FEMALE',
      age: clamp(fatherAge - random.int(0, 4), 40, 96),
      surname: otherSurname(random, head.surname),
    };
    const father: MemberDraft = { relation: 'PARENT', sex: 'MALE', age: fatherAge, surname: head.surname }; // the head has the father's surname
    if (count === 2) this.members.push(father, mother);
    else this.members.push(random.chance(0.65) ? mother : father);
  }
  /** A married child living at home (usually a son with his wife; sometimes a daughter with a live-in son-in-law). */
  marriedChild(): { child: MemberDraft; inLaw: MemberDraft } {
    const { random } = this;
    const [child] = this.children(1, { minAge: 20 });
    child.sex = random.chance(0.88) ? 'MALE' : 'FEMALE';
    const inLaw: MemberDraft = {
      relation: 'CHILD_IN_LAW',
      sex: otherSex(child.sex),
      age: clamp(child.age + random.int(-4, 2), 19, 90),
      surname: otherSurname(random, child.surname),
    };
    this.members.push(inLaw);
    return { child, inLaw };
  }
  /** Grandchildren of the head: children of `parentAge` (or left behind with grandparents). */
  grandchildren(count: number, parentAge: number): void {
    const { random } = this;
    let age = clamp(parentAge - random.int(21, 30), 0, 20);
    for (let i = 0; i < count; i++) {
      this.members.push({
        relation: 'GRANDCHILD',
        sex: randomSex(random),
        age: Math.max(0, age),
        surname: this.lineSurname,
      });
      age -= random.int(1, 4);
    }
  }
}

function maleHead(random: Random, p = 0.93): Sex {
  return random.chance(p) ? 'MALE' : 'FEMALE';
}

function start(random: Random, surname: string, minAge: number, maxAge: number, sex: Sex = maleHead(random)): Family {
  return new Family(random, { sex, age: random.int(minAge, maxAge), surname });
}

/** An older couple with a married child and `kids` grandchildren (three generations). */
function threeGenerations(random: Random, surname: string, kids: number, minHead = 46, maxHead = 76): Family {
  const f = start(random, surname, Math.max(minHead, kids > 0 ? 50 : 46), maxHead);
  f.spouse();
  const { child, inLaw } = f.marriedChild();
  f.grandchildren(kids, child.sex === 'FEMALE' ? child.age : inLaw.age);
  return f;
}

/** A couple (head 26–56) with children; parents of the head optional. */
function nuclear(random: Random, surname: string, kids: number, parents: 0 | 1 | 2): Family {
  const f = start(random, surname, parents > 0 ? 30 : 26, parents === 2 ? 52 : parents === 1 ? 56 : 55);
  f.spouse();
  f.children(kids);
  if (parents !== 0) f.parents(parents);
  return f;
}

/** Picks a family shape for the size and builds its members (relation, sex, age, surname). */
export function buildFamily(random: Random, poor: boolean, headSurname: string): MemberDraft[] {
  const size = weighted(random, poor ? SIZE_WEIGHTS_POOR : SIZE_WEIGHTS_OTHER);
  const r = random.next();
  const s = headSurname;
  let family: Family;
  switch (size) {
    case 1: {
      const old = random.chance(poor ? 0.82 : 0.62);
      family = start(random, s, old ? 60 : 24, old ? 90 : 59, maleHead(random, old ? 0.55 : 0.8));
      break;
    }
    case 2:
      if (r < 0.55) (family = start(random, s, 55, 86)).spouse();
      else if (r < 0.78) (family = start(random, s, 22, 38)).spouse();
      else {
        family = start(random, s, 44, 84, maleHead(random, 0.45)); // a widowed parent with a grown or school-age child
        family.children(1, { minAge: 12 });
      }
      break;
    case 3:
      if (r < 0.66) family = nuclear(random, s, 1, 0);
      else if (r < 0.8) {
        family = start(random, s, 24, 40);
        family.spouse();
        family.parents(1);
      } else if (r < 0.9) {
        family = start(random, s, 30, 55, maleHead(random, 0.4)); // a single parent with two children
        family.children(2);
      } else {
        family = start(random, s, 56, 78); // grandparents with a left-behind grandchild
        family.spouse();
        family.grandchildren(1, family.head.age - random.int(22, 30));
      }
      break;
    case 4:
      if (r < 0.6) family = nuclear(random, s, 2, 0);
      else if (r < 0.82) family = nuclear(random, s, 1, 1);
      else if (r < 0.92) family = threeGenerations(random, s, 0);
      else {
        family = start(random, s, 54, 76);
        family.spouse();
        family.grandchildren(2, family.head.age - random.int(22, 30));
      }
      break;
    case 5:
      if (r < 0.35) family = nuclear(random, s, 2, 1);
      else if (r < 0.5) family = nuclear(random, s, 3, 0);
      else if (r < 0.9) family = threeGenerations(random, s, 1);
      else family = nuclear(random, s, 1, 2);
      break;
    case 6:
      if (r < 0.35) family = nuclear(random, s, 2, 2);
      else if (r < 0.8) family = threeGenerations(random, s, 2);
      else family = nuclear(random, s, 3, 1);
      break;
    default:
      if (r < 0.45) family = threeGenerations(random, s, 3, 52, 78);
      else if (r < 0.75) family = nuclear(random, s, 3, 2);
      else {
        family = threeGenerations(random, s, 2, 50, 76);
        // an unmarried younger child, or now and then the head's brother
        if (random.chance(0.8)) family.children(1, { minAge: 14, maxEldest: family.members[2].age - 2 });
        else
          family.members.push({
            relation: 'SIBLING',
            sex: 'MALE',
            age: clamp(family.head.age + random.int(-8, 8), 30, 90),
            surname: family.head.surname,
          });
      }
  }
  return family.members;
}

// ───────────────────────── health, labour, schooling ─────────────────────────

/** [chronic, serious, disabled] chances by age band; poor households have more illness and disability. */
function healthChances(age: number): [number, number, number] {
  if (age < 16) return [0.005, 0.002, 0.006];
  if (age < 45) return [0.03, 0.007, 0.015];
  if (age < 60) return [0.1, 0.02, 0.025];
  if (age < 70) return [0.22, 0.04, 0.035];
  return [0.33, 0.07, 0.05];
}

export function healthFor(random: Random, age: number, poor: boolean): HealthStatus {
  const [c, s, d] = healthChances(age);
  const k = poor ? 2.2 : 1;
  const x = random.next();
  if (x < d * k) return 'DISABLED';
  if (x < (d + s) * k) return 'SERIOUS';
  if (x < (d + s + c) * k) return 'CHRONIC';
  return 'HEALTHY';
}

export function inSchoolFor(random: Random, age: number): boolean {
  if (age < 6) return false;
  if (age <= 15) return random.chance(0.985); // compulsory education
  if (age <= 18) return random.chance(0.65);
  if (age <= 22) return random.chance(0.3);
  return false;
}

/** Children and pupils are no labour; the old and the sick are weak or none. */
export function labourFor(random: Random, age: number, health: HealthStatus, inSchool: boolean): LabourAbility {
  if (age < 16 || inSchool) return 'NONE';
  if (health === 'SERIOUS') return random.chance(0.6) ? 'NONE' : 'WEAK';
  if (health === 'DISABLED') return random.chance(0.55) ? 'NONE' : 'WEAK';
  let labour: LabourAbility = 'NORMAL';
  if (age >= 70) labour = random.chance(0.55) ? 'NONE' : 'WEAK';
  else if (age >= 60) labour = random.chance(0.5) ? 'NORMAL' : random.chance(0.8) ? 'WEAK' : 'NONE';
  if (health === 'CHRONIC' && labour === 'NORMAL' && random.chance(0.5)) labour = 'WEAK';
  return labour;
}

// ───────────────────────── ID numbers ─────────────────────────

const DAY_MS = 86_400_000;

type DayInfo = { iso: string; compact: string; year: number };
const dayCache = new Map<number, DayInfo>();

/** A day number (days since 1970-01-01) as "YYYY-MM-DD", "YYYYMMDD" and year; cached (a million people share ~40,000 days). */
export function dayInfo(day: number): DayInfo {
  let info = dayCache.get(day);
  if (info === undefined) {
    const iso = new Date(day * DAY_MS).toISOString().slice(0, 10);
    dayCache.set(day, (info = { iso, compact: iso.replace(/-/g, ''), year: Number(iso.slice(0, 4)) }));
  }
  return info;
}

/**
 * The ID numbers of one village. Sequence digits (15–17) are `slot * 2 + (male ? 1 : 0)`, where the
 * slot is the village's place in its county (township index × 25 + village index, < 500): so two
 * villages never share a sequence and the 17th digit is odd for men. Within the village, one person per
 * birth date and sex: a second one born the same day is moved to the nearest free day (±1, ±2, ...).
 * Every number in the data set is then unique, whatever the order villages are seeded in.
 */
export class VillageIds {
  private readonly used = new Set<number>();
  private readonly countyCode: string;
  /** Digits 15–17 for women and men. */
  private readonly sequence: [string, string];
  constructor(
    villageCode: string,
    private readonly lastDay: number,
  ) {
    this.countyCode = villageCode.slice(0, 6);
    const township = Number(villageCode.slice(6, 9)) - 101;
    const village = Number(villageCode.slice(9, 12)) - 201;
    if (!(township >= 0 && township < 20 && village >= 0 && village < 25))
      throw new Error(`Seed ID numbers need townships 101–120 and villages 201–225 (got ${villageCode})`);
    const slot = township * 25 + village;
    this.sequence = [String(slot * 2).padStart(3, '0'), String(slot * 2 + 1).padStart(3, '0')];
  }

  /** Reserves a birth day near `day` for this sex and returns the day and the ID number. */
  take(day: number, sex: Sex): { day: number; id: string } {
    const bit = sex === 'MALE' ? 1 : 0;
    for (let step = 0; ; step++) {
      // 0, -1, +1, -2, +2, ...; never after the last allowed day (no one is born in the future)
      const candidate = day + (step % 2 === 1 ? -((step + 1) >> 1) : step >> 1);
      if (candidate > this.lastDay) continue;
      const key = candidate * 2 + bit;
      if (this.used.has(key)) continue;
      this.used.add(key);
      const first17 = this.countyCode + dayInfo(candidate).compact + this.sequence[bit];
      return { day: candidate, id: first17 + idCheckChar(first17) };
    }
  }
}
