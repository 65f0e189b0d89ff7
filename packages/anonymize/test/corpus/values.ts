/**
 * Shared pieces of the labelled scrubber corpus generator (SYNTHETIC: every name, number and address is
 * invented): the seeded random generator, value makers (phones, CNICs, names, emails, links, IBANs,
 * passports, addresses, dates of birth), harmless filler and `assemble`, which turns template parts into
 * a labelled entry. Used by `generate.ts` (tier 1) and `forms.ts` (tier 2).
 */
export type Lang = 'en' | 'roman' | 'ur';
export interface Span {
  start: number;
  end: number;
  type: string;
  /** The written form of a tier-2 value (`spelled-en`, `platform-roman`, …), for recall per form. */
  form?: string;
}
/** A stretch that shares the shape of personal data but is not (`call 1122`): it must be kept. */
export interface Decoy {
  start: number;
  end: number;
  form: string;
}
export interface Entry {
  id: string;
  lang: Lang;
  text: string;
  spans: Span[];
  /** 2 for the entries added with the hidden-number, handle and name-cue forms; absent for tier 1. */
  tier?: 2;
  decoys?: Decoy[];
}

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
let random = mulberry32(20250701);
/** Restarts the generator (tier 2 has its own seed, so tier 1 stays byte for byte as it was). */
export function reseed(seed: number): void {
  random = mulberry32(seed);
}
export const int = (lo: number, hi: number): number => lo + Math.floor(random() * (hi - lo + 1));
export const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
export const digits = (n: number): string => Array.from({ length: n }, () => String(int(0, 9))).join('');
export const chance = (p: number): boolean => random() < p;

export const URDU_DIGITS = '۰۱۲۳۴۵۶۷۸۹';
export const ARABIC_DIGITS = '٠١٢٣٤٥٦٧٨٩';
export const toUrduDigits = (s: string, table = URDU_DIGITS): string => s.replace(/[0-9]/g, (d) => table[Number(d)]!);

// ---- values ---------------------------------------------------------------------------------------

export function mobile(): string {
  return `03${int(0, 4)}${int(0, 9)}${digits(7)}`;
}
export function phone(lang: Lang): string {
  const m = mobile();
  const n = m.slice(1); // 3001234567
  const landlines = [
    () => `042-3${digits(7)}`,
    () => `(042) 3${digits(7)}`,
    () => `021-3${digits(7)}`,
    () => `051-${int(2, 9)}${digits(6)}`,
    () => `(091) 5${digits(6)}`,
    () => `061-${int(4, 6)}${digits(6)}`,
  ];
  const formats = [
    () => `${m.slice(0, 4)}-${m.slice(4)}`,
    () => m,
    () => `+92 ${n.slice(0, 3)} ${n.slice(3)}`,
    () => `+92${n}`,
    () => `0092 ${n.slice(0, 3)} ${n.slice(3)}`,
    () => `+92-${n.slice(0, 3)}-${n.slice(3, 6)}-${n.slice(6)}`,
    () => `${m.slice(0, 4)} ${m.slice(4, 7)} ${m.slice(7)}`,
    () => `(${m.slice(0, 4)}) ${m.slice(4)}`,
    () => `${m.slice(0, 4)} ${m.slice(4)}`,
    () => `0${n.slice(0, 3)}.${n.slice(3)}`,
    () => pick(landlines)(),
  ];
  const value = pick(formats)();
  if (lang === 'ur' && chance(0.5)) return toUrduDigits(value, chance(0.8) ? URDU_DIGITS : ARABIC_DIGITS);
  if (lang === 'roman' && chance(0.1)) return toUrduDigits(value);
  return value;
}
export function cnic(lang: Lang): string {
  const a = `${int(1, 7)}${digits(4)}`;
  const b = digits(7);
  const c = digits(1);
  const value = pick([`${a}-${b}-${c}`, `${a}${b}${c}`, `${a} ${b} ${c}`, `${a}-${b}-${c}`]);
  return lang === 'ur' && chance(0.5) ? toUrduDigits(value) : value;
}

export const GIVEN_F = [
  'Ayesha',
  'Fatima',
  'Zainab',
  'Maryam',
  'Sana',
  'Hina',
  'Sadia',
  'Amna',
  'Nida',
  'Rabia',
  'Sidra',
  'Iqra',
  'Kiran',
  'Mehwish',
  'Mahnoor',
  'Anum',
  'Bushra',
  'Hira',
  'Komal',
  'Laiba',
  'Maira',
  'Rimsha',
  'Saba',
  'Zoya',
  'Hafsa',
  'Khadija',
  'Shazia',
  'Zarmeena',
  'Shanzay',
  'Dureshehwar',
  'Mehrunisa',
  'Aleezay',
  'Nimra',
  'Warda',
  'Muskan',
  'Sundas',
];
export const GIVEN_M = [
  'Ali',
  'Ahmed',
  'Hamza',
  'Hassan',
  'Usman',
  'Umar',
  'Bilal',
  'Imran',
  'Faisal',
  'Asad',
  'Adnan',
  'Arslan',
  'Danish',
  'Fahad',
  'Haider',
  'Junaid',
  'Kashif',
  'Naveed',
  'Rizwan',
  'Saad',
  'Salman',
  'Shoaib',
  'Talha',
  'Waqas',
  'Yasir',
  'Zeeshan',
  'Zubair',
  'Abdullah',
  'Ibrahim',
  'Shayan',
  'Daniyal',
  'Moiz',
  'Azlan',
  'Rayyan',
  'Hasnain',
  'Sheheryar',
];
export const FAMILY = [
  'Khan',
  'Malik',
  'Butt',
  'Qureshi',
  'Siddiqui',
  'Sheikh',
  'Chaudhry',
  'Raza',
  'Shah',
  'Baloch',
  'Awan',
  'Rana',
  'Memon',
  'Abbasi',
  'Kazmi',
  'Ansari',
  'Javed',
  'Iqbal',
  'Akhtar',
  'Mughal',
  'Khattak',
  'Soomro',
  'Lodhi',
  'Paracha',
  'Tiwana',
  'Kasuri',
];
export const URDU_GIVEN = [
  'عائشہ',
  'فاطمہ',
  'زینب',
  'مریم',
  'ثنا',
  'حنا',
  'سعدیہ',
  'آمنہ',
  'ندا',
  'رابعہ',
  'سدرہ',
  'کرن',
  'مہوش',
  'علی',
  'احمد',
  'حمزہ',
  'حسن',
  'عثمان',
  'عمر',
  'بلال',
  'عمران',
  'فیصل',
  'اسد',
  'دانش',
  'جنید',
  'سلمان',
  'طلحہ',
  'یاسر',
];
export const URDU_FAMILY = ['خان', 'ملک', 'قریشی', 'صدیقی', 'شیخ', 'رضا', 'شاہ', 'اعوان', 'بٹ'];

export function latinName(tokens: number, lower: boolean): string {
  const parts = [pick(chance(0.5) ? GIVEN_F : GIVEN_M)];
  if (tokens > 1) parts.push(pick(FAMILY));
  const name = parts.join(' ');
  return lower ? name.toLowerCase() : name;
}
export function urduName(tokens: number): string {
  return tokens > 1 ? `${pick(URDU_GIVEN)} ${pick(URDU_FAMILY)}` : pick(URDU_GIVEN);
}
export function handleName(): string {
  return `${pick([...GIVEN_F, ...GIVEN_M]).toLowerCase()}${pick(['_', '.', '', '_official_'])}${pick([pick(FAMILY).toLowerCase(), String(int(1, 99)), 'pk'])}`;
}
export function email(): string {
  const user = `${pick([...GIVEN_F, ...GIVEN_M]).toLowerCase()}${pick(['.', '_', ''])}${pick([pick(FAMILY).toLowerCase(), String(int(70, 2005))])}`;
  return `${user}@${pick(['gmail.com', 'yahoo.com', 'hotmail.com', 'outlook.com', 'example.pk', 'mail.example.com.pk'])}`;
}
export function url(): string {
  const h = handleName();
  return pick([
    () => `https://www.facebook.com/${h}`,
    () => `instagram.com/${h}`,
    () => `https://www.tiktok.com/@${h}`,
    () => `wa.me/92${mobile().slice(1)}`,
    () => `https://wa.me/92${mobile().slice(1)}`,
    () => `bit.ly/${h.slice(0, 3)}${digits(3)}`,
    () => `www.example.pk/${h}`,
    () => `youtu.be/${h.slice(0, 4)}X${digits(4)}`,
    () => `https://t.me/${h}`,
    () => `https://example.com/profile?id=${digits(6)}`,
  ])();
}
const BANKS = ['SCBL', 'HABB', 'MUCB', 'UNIL', 'ALFH', 'MEZN', 'NBPA', 'BAHL', 'ABPA', 'FAYS'];
function ibanCheck(bban: string): string {
  const rearranged = `${bban}PK00`.replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55));
  let remainder = 0;
  for (const ch of rearranged) remainder = (remainder * 10 + Number(ch)) % 97;
  return String(98 - remainder).padStart(2, '0');
}
export function iban(): string {
  const bban = `${pick(BANKS)}${digits(16)}`;
  const compact = `PK${ibanCheck(bban)}${bban}`;
  return chance(0.4) ? compact.replace(/(.{4})(?=.)/g, '$1 ') : compact;
}
export function passport(): string {
  const letters = 'ABCDEFGHJKLMNPRSTUVWXYZ';
  return `${letters[int(0, letters.length - 1)]}${letters[int(0, letters.length - 1)]}${digits(7)}`;
}
const SECTORS = ['G-10/2', 'F-7/3', 'I-8/4', 'G-9/1', 'F-11/2', 'E-11/3', 'G-13/4', 'I-10/1'];
const AREAS = ['Gulberg III', 'Model Town', 'Johar Town', 'Bahria Town', 'Gulshan-e-Iqbal', 'DHA Phase 5', 'Satellite Town', 'Faisal Town'];
export function address(lang: Lang): string {
  if (lang === 'ur') {
    const value = pick([
      () => `مکان نمبر ${int(1, 999)}، گلی نمبر ${int(1, 40)}`,
      () => `گھر نمبر ${int(1, 300)}، گلی نمبر ${int(1, 30)}، سیکٹر ${pick(SECTORS)}`,
      () => `گلی نمبر ${int(1, 30)}`,
      () => `مکان نمبر ${int(1, 999)}`,
    ])();
    return chance(0.4) ? toUrduDigits(value) : value;
  }
  return pick([
    () => `house no ${int(1, 999)}, street ${int(1, 60)}, ${pick(SECTORS)}`,
    () => `H# ${int(1, 500)}-${pick(['A', 'B', 'C'])}, Block ${pick(['C', 'D', '5', '13'])}, ${pick(AREAS)}`,
    () => `house ${int(1, 999)} street ${int(1, 60)}`,
    () => `flat ${int(1, 40)}, Block ${int(1, 20)}, ${pick(AREAS)}`,
    () => `gali no ${int(1, 40)}, mohalla ${int(1, 12)}`,
    () => `makan number ${int(1, 300)}, gali ${int(1, 30)}`,
    () => `sector ${pick(SECTORS)}`,
    () => `${pick(SECTORS)}`,
    () => `plot ${int(1, 900)}, ${pick(AREAS)}`,
  ])();
}
const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const MONTHS_UR = ['جنوری', 'فروری', 'مارچ', 'اپریل', 'مئی', 'جون', 'جولائی', 'اگست', 'ستمبر', 'اکتوبر', 'نومبر', 'دسمبر'];
export function dob(lang: Lang): string {
  const d = int(1, 28);
  const mo = int(1, 12);
  const y = int(1960, 2006);
  if (lang === 'ur') {
    const value = chance(0.5) ? `${d} ${MONTHS_UR[mo - 1]} ${y}` : `${String(d).padStart(2, '0')}-${String(mo).padStart(2, '0')}-${y}`;
    return chance(0.4) ? toUrduDigits(value) : value;
  }
  return pick([
    () => `${String(d).padStart(2, '0')}-${String(mo).padStart(2, '0')}-${y}`,
    () => `${d}/${mo}/${y}`,
    () => `${d} ${MONTHS_EN[mo - 1]} ${y}`,
    () => `${MONTHS_EN[mo - 1]} ${d}, ${y}`,
    () => `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`,
    () => `${d}.${String(mo).padStart(2, '0')}.${y}`,
  ])();
}

// ---- harmless filler --------------------------------------------------------------------------------

export const harmless = (lang: Lang): string => {
  const n = int(2, 95);
  const amount = pick([`Rs ${int(1, 99) * 100}`, `${int(1, 50)},000 rupees`, `PKR ${int(1, 9)},${int(100, 999)}`, `Rs. ${int(5, 500) * 10}`]);
  const year = String(int(2016, 2025));
  const en = [
    `Victims are blamed in ${n}% of the cases I have seen.`,
    `The video leaked in ${year} and people still talk about it.`,
    `I spend ${int(1, 9)} hours a day on TikTok.`,
    `They asked for ${amount} to delete the pictures.`,
    `I am ${int(18, 70)} years old and I think resharing is a crime.`,
    `Reported it at 10:${int(10, 59)} but nobody replied for ${int(2, 14)} days.`,
    `Out of ${int(10, 60)} friends only ${int(1, 9)} knew about PECA ${pick(['2016', 'section 21', '2025 amendment'])}.`,
    'People should stop sharing leaked videos.',
    'Blaming the girl is wrong, the one who leaked it is the criminal.',
    'Platforms remove such content too slowly.',
    `On 12-05-${year} the clip was everywhere on WhatsApp.`,
    `My account was hacked twice in ${year}.`,
    'I do not know where to report such things.',
    `FIA took ${int(2, 6)} months to respond.`,
  ];
  const roman = [
    `${n}% log victim ko hi blame karte hain.`,
    `Video ${year} mein leak hui thi aur ab tak log baat karte hain.`,
    `Main roz ${int(1, 9)} ghante TikTok chalati hoon.`,
    `Unhon ne pictures delete karne ke ${amount} maange.`,
    `Main ${int(18, 70)} saal ka hoon aur share karna ghalat hai.`,
    `${int(8, 11)} baje complaint ki thi magar ${int(2, 14)} din tak jawab nahi aaya.`,
    'Larki ko blame karna bilkul ghalat hai.',
    'Log leaked videos share karna band karein.',
    'mujhe nahi pata kahan report karein',
    `Mera account ${year} mein do dafa hack hua.`,
    `${int(2, 40)} logon ne video forward ki.`,
    'Main bohat pareshan hoon is sab se.',
  ];
  const ur = [
    `${n} فیصد لوگ متاثرہ لڑکی کو ہی قصوروار ٹھہراتے ہیں۔`,
    `ویڈیو ${year} میں لیک ہوئی تھی۔`,
    `میں روزانہ ${int(1, 9)} گھنٹے سوشل میڈیا استعمال کرتی ہوں۔`,
    'لیک شدہ ویڈیوز شیئر کرنا جرم ہے۔',
    'لڑکی کو الزام دینا غلط ہے۔',
    'مجھے نہیں معلوم کہ شکایت کہاں کروں۔',
    `انہوں نے ${int(1, 50)} ہزار روپے مانگے۔`,
    'میں بہت پریشان ہوں۔',
    `میری عمر ${int(18, 70)} سال ہے۔`,
  ];
  const value = pick(lang === 'en' ? en : lang === 'roman' ? roman : ur);
  return lang === 'ur' && chance(0.3) ? toUrduDigits(value) : value;
};

// ---- templates with labelled slots ----------------------------------------------------------------------

/** A labelled value (`type`, optionally its tier-2 `form`) or a decoy (`decoy`: its kind) in a template. */
export type Slot = { type: string; value: (lang: Lang) => string; form?: string; decoy?: undefined } | { decoy: string; value: (lang: Lang) => string };
export type Part = string | Slot;
export const S = (type: string, value: (lang: Lang) => string): Slot => ({ type, value });

/** Arabic letter forms and diacritics that Urdu writers' keyboards produce (same length, or marks). */
export function urduVariant(s: string): string {
  let out = s;
  if (chance(0.2)) out = out.replace(/ی/g, 'ي');
  if (chance(0.2)) out = out.replace(/ک/g, 'ك');
  if (chance(0.1)) out = out.replace(/نام/g, 'نَام');
  if (chance(0.1)) out = out.replace(/میرا/g, 'مير\u200Cا');
  return out;
}

export function assemble(id: string, lang: Lang, parts: Part[]): Entry {
  let text = '';
  const spans: Span[] = [];
  const decoys: Decoy[] = [];
  for (const part of parts) {
    if (typeof part === 'string') {
      text += lang === 'ur' ? urduVariant(part) : part;
    } else if (part.decoy !== undefined) {
      const value = part.value(lang);
      decoys.push({ start: text.length, end: text.length + value.length, form: part.decoy });
      text += value;
    } else {
      let value = part.value(lang);
      if (part.type === 'NAME' && lang === 'ur' && chance(0.15)) value = value.replace(/ی/g, 'ي').replace(/ہ/g, 'ه');
      const span: Span = { start: text.length, end: text.length + value.length, type: part.type };
      if (part.form !== undefined) span.form = part.form;
      spans.push(span);
      text += value;
    }
  }
  return decoys.length === 0 ? { id, lang, text, spans } : { id, lang, text, spans, decoys };
}
