import { FAMILY, FEMALE_GIVEN, MALE_GIVEN, WELL_KNOWN, type Name } from './names.js';
import type { Random } from './random.js';

/** A fake person: given and family name in Latin and Urdu script. */
export interface FakePerson {
  given: Name;
  family: Name;
  /** "Given Family" in Latin script. */
  latin: string;
  /** "Given Family" in Urdu script. */
  urdu: string;
}

/** A fake name for a respondent of `gender` (a female or male given name; either for others). */
export function fakePerson(random: Random, gender: string): FakePerson {
  for (;;) {
    const pool = gender === 'female' ? FEMALE_GIVEN : gender === 'male' ? MALE_GIVEN : random.chance(0.5) ? FEMALE_GIVEN : MALE_GIVEN;
    const given = random.pick(pool);
    const family = random.pick(FAMILY);
    if (given[0] === family[0]) continue;
    const latin = `${given[0]} ${family[0]}`;
    if (WELL_KNOWN.has(latin)) continue;
    return { given, family, latin, urdu: `${given[1]} ${family[1]}` };
  }
}

/** How the name is written in the raw file: mostly "Given Family", sometimes with "Muhammad", in lower or upper case. */
export function writtenName(random: Random, person: FakePerson, gender: string): string {
  const u = random.uniform();
  let name = gender === 'male' && u < 0.25 ? `Muhammad ${person.latin}` : person.latin;
  if (u > 0.95) name = name.toLowerCase();
  else if (u > 0.92) name = name.toUpperCase();
  return name;
}

/**
 * Mobile numbers in every local way of writing them, all for the same digits
 * 03XX-NNNNNNN (operator prefixes 0300–0349).
 */
const PHONE_FORMATS = [
  (p: string, s: string) => `0${p}-${s}`, // 0300-1234567
  (p: string, s: string) => `0${p}${s}`, // 03001234567
  (p: string, s: string) => `+92 ${p} ${s}`, // +92 300 1234567
  (p: string, s: string) => `+92${p}${s}`, // +923001234567
  (p: string, s: string) => `0092 ${p} ${s}`, // 0092 300 1234567
  (p: string, s: string) => `+92-${p}-${s.slice(0, 3)}-${s.slice(3)}`, // +92-300-123-4567
  (p: string, s: string) => `0${p} ${s.slice(0, 3)} ${s.slice(3)}`, // 0300 123 4567
] as const;

export function fakePhone(random: Random, format = random.int(0, PHONE_FORMATS.length - 1)): string {
  const prefix = String(300 + random.int(0, 49));
  const subscriber = String(random.int(0, 9999999)).padStart(7, '0');
  return PHONE_FORMATS[format]!(prefix, subscriber);
}

/** First digit of a CNIC by province of issue (NADRA's locality codes). */
const CNIC_PROVINCE_DIGIT: Readonly<Record<string, string>> = {
  khyber_pakhtunkhwa: '1',
  punjab: '3',
  sindh: '4',
  balochistan: '5',
  islamabad: '6',
};

/**
 * A CNIC number `LLLLL-NNNNNNN-G`: locality code starting with the province digit, seven digits, and a
 * last digit that is odd for men and even for women (as on real cards). Written with dashes 70% of the time.
 */
export function fakeCnic(random: Random, province: string, gender: string, dashes = random.chance(0.7)): string {
  const locality = (CNIC_PROVINCE_DIGIT[province] ?? '3') + String(random.int(1000, 9999));
  const middle = String(random.int(0, 9999999)).padStart(7, '0');
  const parity = gender === 'female' ? 0 : gender === 'male' ? 1 : random.int(0, 1);
  const last = String(2 * random.int(0, 4) + parity);
  return dashes ? `${locality}-${middle}-${last}` : `${locality}${middle}${last}`;
}

const MAIL_DOMAINS = ['gmail.com', 'gmail.com', 'gmail.com', 'yahoo.com', 'hotmail.com', 'outlook.com'] as const;

export function fakeEmail(random: Random, person: FakePerson): string {
  const given = person.given[0].toLowerCase();
  const family = person.family[0].toLowerCase();
  const digits = random.chance(0.6) ? String(random.int(1, 99)) : '';
  const local = random.pick([`${given}.${family}${digits}`, `${given}${family}${digits}`, `${given}_${family}${digits}`, `${given}${digits || '786'}`]);
  return `${local}@${random.pick(MAIL_DOMAINS)}`;
}

export function fakeHandle(random: Random, person: FakePerson): string {
  const given = person.given[0].toLowerCase();
  const family = person.family[0].toLowerCase();
  return random.pick([`@${given}_${family}`, `@${given}.${family}${random.int(1, 99)}`, `@${given}${random.int(10, 999)}`, `@the_${given}_official`]);
}

export function fakeUrl(random: Random, person: FakePerson): string {
  const handle = fakeHandle(random, person).slice(1);
  return random.pick([
    `https://www.tiktok.com/@${handle}`,
    `https://www.facebook.com/${handle}`,
    `https://instagram.com/${handle}`,
    `https://www.facebook.com/profile.php?id=1000${random.int(10000000, 99999999)}`,
    `http://viral-clips.example/watch?v=${random.int(100000, 999999)}`,
  ]);
}
