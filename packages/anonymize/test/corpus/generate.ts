/**
 * Writes the labelled scrubber corpus (SYNTHETIC: every name, number and address is invented).
 *
 *   npx tsx test/corpus/generate.ts        (from packages/anonymize)
 *
 * - `synthetic.jsonl`: short comments in English, Roman Urdu and Urdu script built from templates with a
 *   seeded generator (mulberry32, seed 20250701), so the file is reproducible byte for byte.
 * - `hard-cases.jsonl`: the hand-written cases of `hard-cases.txt` (spaced, bracketed, inside links,
 *   Urdu digits, Arabic letter forms, harmless numbers), where `{TYPE|text}` marks a labelled span.
 *
 * Each line: { "id", "lang": "en" | "roman" | "ur", "text", "spans": [{ "start", "end", "type" }] } with
 * UTF-16 offsets into `text`. Names are generic common Pakistani names put together at random.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

type Lang = 'en' | 'roman' | 'ur';
interface Span {
  start: number;
  end: number;
  type: string;
}
interface Entry {
  id: string;
  lang: Lang;
  text: string;
  spans: Span[];
}

const here = dirname(fileURLToPath(import.meta.url));

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
const random = mulberry32(20250701);
const int = (lo: number, hi: number): number => lo + Math.floor(random() * (hi - lo + 1));
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const digits = (n: number): string => Array.from({ length: n }, () => String(int(0, 9))).join('');
const chance = (p: number): boolean => random() < p;

const URDU_DIGITS = '۰۱۲۳۴۵۶۷۸۹';
const ARABIC_DIGITS = '٠١٢٣٤٥٦٧٨٩';
const toUrduDigits = (s: string, table = URDU_DIGITS): string => s.replace(/[0-9]/g, (d) => table[Number(d)]!);

// ---- values ---------------------------------------------------------------------------------------

function mobile(): string {
  return `03${int(0, 4)}${int(0, 9)}${digits(7)}`;
}
function phone(lang: Lang): string {
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
function cnic(lang: Lang): string {
  const a = `${int(1, 7)}${digits(4)}`;
  const b = digits(7);
  const c = digits(1);
  const value = pick([`${a}-${b}-${c}`, `${a}${b}${c}`, `${a} ${b} ${c}`, `${a}-${b}-${c}`]);
  return lang === 'ur' && chance(0.5) ? toUrduDigits(value) : value;
}

const GIVEN_F = [
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
const GIVEN_M = [
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
const FAMILY = [
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
const URDU_GIVEN = [
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
const URDU_FAMILY = ['خان', 'ملک', 'قریشی', 'صدیقی', 'شیخ', 'رضا', 'شاہ', 'اعوان', 'بٹ'];

function latinName(tokens: number, lower: boolean): string {
  const parts = [pick(chance(0.5) ? GIVEN_F : GIVEN_M)];
  if (tokens > 1) parts.push(pick(FAMILY));
  const name = parts.join(' ');
  return lower ? name.toLowerCase() : name;
}
function urduName(tokens: number): string {
  return tokens > 1 ? `${pick(URDU_GIVEN)} ${pick(URDU_FAMILY)}` : pick(URDU_GIVEN);
}
function handleName(): string {
  return `${pick([...GIVEN_F, ...GIVEN_M]).toLowerCase()}${pick(['_', '.', '', '_official_'])}${pick([pick(FAMILY).toLowerCase(), String(int(1, 99)), 'pk'])}`;
}
function email(): string {
  const user = `${pick([...GIVEN_F, ...GIVEN_M]).toLowerCase()}${pick(['.', '_', ''])}${pick([pick(FAMILY).toLowerCase(), String(int(70, 2005))])}`;
  return `${user}@${pick(['gmail.com', 'yahoo.com', 'hotmail.com', 'outlook.com', 'example.pk', 'mail.example.com.pk'])}`;
}
function url(): string {
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
function iban(): string {
  const bban = `${pick(BANKS)}${digits(16)}`;
  const compact = `PK${ibanCheck(bban)}${bban}`;
  return chance(0.4) ? compact.replace(/(.{4})(?=.)/g, '$1 ') : compact;
}
function passport(): string {
  const letters = 'ABCDEFGHJKLMNPRSTUVWXYZ';
  return `${letters[int(0, letters.length - 1)]}${letters[int(0, letters.length - 1)]}${digits(7)}`;
}
const SECTORS = ['G-10/2', 'F-7/3', 'I-8/4', 'G-9/1', 'F-11/2', 'E-11/3', 'G-13/4', 'I-10/1'];
const AREAS = ['Gulberg III', 'Model Town', 'Johar Town', 'Bahria Town', 'Gulshan-e-Iqbal', 'DHA Phase 5', 'Satellite Town', 'Faisal Town'];
function address(lang: Lang): string {
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
function dob(lang: Lang): string {
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

const harmless = (lang: Lang): string => {
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

type Slot = { type: string; value: (lang: Lang) => string };
type Part = string | Slot;
const S = (type: string, value: (lang: Lang) => string): Slot => ({ type, value });
const PHONE = S('PHONE', phone);
const CNIC = S('CNIC', cnic);
const EMAIL = S('EMAIL', () => email());
const URL = S('URL', () => url());
const HANDLE = S('HANDLE', () => `@${handleName()}`);
const IBAN = S('IBAN', () => iban());
const PASSPORT = S('PASSPORT', () => passport());
const ADDRESS = S('ADDRESS', address);
const DOB = S('DOB', dob);
const NAME = (tokens: 1 | 2 | 0, lower = false): Slot =>
  S('NAME', (lang) => (lang === 'ur' ? urduName(tokens === 0 ? int(1, 2) : tokens) : latinName(tokens === 0 ? int(1, 2) : tokens, lower)));

const TEMPLATES: Record<Lang, Part[][]> = {
  en: [
    ['If anyone has the video contact me at ', PHONE, '.'],
    ['My number is ', PHONE, ', please call after 8 pm.'],
    ['Call ', PHONE, ' for help.'],
    ['My CNIC is ', CNIC, ' and they still refused the complaint.'],
    ['CNIC: ', CNIC],
    ['Email me at ', EMAIL, ' if you want to talk.'],
    ['Send proof to ', EMAIL],
    ['She shared it here: ', URL],
    ['The clip is still on ', URL, ' even after reporting.'],
    ['Follow ', HANDLE, ' who keeps posting leaked videos.'],
    ['The account ', HANDLE, ' threatened me.'],
    ['Send the money to ', IBAN, ' they said.'],
    ['My passport number is ', PASSPORT, '.'],
    ['Passport no: ', PASSPORT],
    ['I live at ', ADDRESS, ', Islamabad.'],
    ['They came to ', ADDRESS, ' to threaten us.'],
    ['DOB: ', DOB],
    ['My date of birth is ', DOB, '.'],
    ['I was born on ', DOB, ' in Multan.'],
    ['My name is ', NAME(0), ' and I was blamed for my own leak.'],
    ['my name is ', NAME(1, true), ' and i want justice'],
    ['Hi, I am ', NAME(0), ' from Lahore.'],
    ['This is ', NAME(1), ', my account was hacked.'],
    ['My sister ', NAME(1), ' was harassed online.'],
    ['Name: ', NAME(2)],
    ['Call me ', NAME(1), ', my number is ', PHONE, '.'],
    ['I am ', NAME(2), ', CNIC ', CNIC, ', DOB ', DOB, '.'],
    ['Contact ', NAME(1), ' on ', PHONE, ' or ', EMAIL, '.'],
    ['WhatsApp ', URL, ' or email ', EMAIL],
  ],
  roman: [
    ['Mera number ', PHONE, ' hai, koi madad kare.'],
    ['mujhe ', PHONE, ' pe call karein'],
    ['Is number se call aati hai ', PHONE],
    ['mera shanakhti card number ', CNIC, ' hai'],
    ['CNIC ', CNIC, ' de diya tha FIA ko'],
    ['mujhe ', EMAIL, ' pe email karein'],
    ['link ye hai ', URL, ' report karo'],
    ['ye banda ', HANDLE, ' videos share karta hai'],
    ['paise is account mein bhejo ', IBAN],
    ['mera passport number ', PASSPORT, ' hai'],
    ['hamara ghar ', ADDRESS, ' mein hai'],
    ['wo log ', ADDRESS, ' tak aa gaye'],
    ['meri date of birth ', DOB, ' hai'],
    ['meri paidaish ', DOB, ' ki hai'],
    ['mera naam ', NAME(0), ' hai aur mujhe blame kiya gaya'],
    ['mera nam ', NAME(1, true), ' hai'],
    ['main ', NAME(1), ' hoon, meri video leak hui'],
    ['mai ', NAME(1, true), ' hun aur mein pareshan hun'],
    ['meri behen ', NAME(1), ' ko blackmail kiya gaya'],
    ['mera bhai ', NAME(1), ' bhi pareshan hai'],
    ['uska naam ', NAME(2), ' hai jis ne video leak ki'],
    ['mera naam ', NAME(1), ' hai, number ', PHONE, ' hai'],
    ['mujh se ', PHONE, ' ya ', EMAIL, ' pe rabta karein'],
  ],
  ur: [
    ['میرا نمبر ', PHONE, ' ہے۔'],
    ['اس نمبر پر رابطہ کریں ', PHONE],
    ['میرا شناختی کارڈ نمبر ', CNIC, ' ہے۔'],
    ['میرا نام ', NAME(0), ' ہے اور مجھے ہی قصوروار ٹھہرایا گیا۔'],
    ['میرا نام ', NAME(1), ' ہے۔'],
    ['میں ', NAME(1), ' ہوں اور میری ویڈیو لیک ہوئی۔'],
    ['میری بہن ', NAME(1), ' کو بلیک میل کیا گیا۔'],
    ['ہمارا پتہ ', ADDRESS, ' ہے۔'],
    ['تاریخ پیدائش: ', DOB],
    ['میری تاریخ پیدائش ', DOB, ' ہے۔'],
    ['ای میل کریں ', EMAIL],
    ['یہ لنک دیکھیں ', URL],
    ['پاسپورٹ نمبر ', PASSPORT],
    ['میرا نام ', NAME(1), ' ہے، نمبر ', PHONE, ' ہے۔'],
  ],
};

/** Arabic letter forms and diacritics that Urdu writers' keyboards produce (same length, or marks). */
function urduVariant(s: string): string {
  let out = s;
  if (chance(0.2)) out = out.replace(/ی/g, 'ي');
  if (chance(0.2)) out = out.replace(/ک/g, 'ك');
  if (chance(0.1)) out = out.replace(/نام/g, 'نَام');
  if (chance(0.1)) out = out.replace(/میرا/g, 'مير\u200Cا');
  return out;
}

function assemble(id: string, lang: Lang, parts: Part[]): Entry {
  let text = '';
  const spans: Span[] = [];
  for (const part of parts) {
    if (typeof part === 'string') {
      text += lang === 'ur' ? urduVariant(part) : part;
    } else {
      let value = part.value(lang);
      if (part.type === 'NAME' && lang === 'ur' && chance(0.15)) value = value.replace(/ی/g, 'ي').replace(/ہ/g, 'ه');
      spans.push({ start: text.length, end: text.length + value.length, type: part.type });
      text += value;
    }
  }
  return { id, lang, text, spans };
}

function synthetic(count: number): Entry[] {
  const entries: Entry[] = [];
  const langs: Lang[] = ['en', 'roman', 'ur'];
  for (let i = 0; i < count; i++) {
    const lang = langs[i % 3]!;
    const parts: Part[] = [];
    const sentences = int(1, 3);
    let withPii = chance(0.6);
    for (let s = 0; s < sentences; s++) {
      if (s > 0) parts.push(' ');
      if (withPii) {
        parts.push(...pick(TEMPLATES[lang]));
        withPii = chance(0.25);
      } else {
        parts.push(harmless(lang));
      }
    }
    entries.push(assemble(`syn-${String(i + 1).padStart(4, '0')}`, lang, parts));
  }
  return entries;
}

/** `{TYPE|text}` marks a labelled span in hard-cases.txt; lines are `lang<TAB>text`, `#` comments. */
function hardCases(): Entry[] {
  const lines = readFileSync(join(here, 'hard-cases.txt'), 'utf8').split('\n');
  const entries: Entry[] = [];
  for (const line of lines) {
    if (line.trim().length === 0 || line.startsWith('#')) continue;
    const tab = line.indexOf('\t');
    const lang = line.slice(0, tab) as Lang;
    const marked = line.slice(tab + 1);
    let text = '';
    const spans: Span[] = [];
    const re = /\{([A-Z]+)\|([^}]*)\}/g;
    let last = 0;
    for (let m = re.exec(marked); m !== null; m = re.exec(marked)) {
      text += marked.slice(last, m.index);
      spans.push({ start: text.length, end: text.length + m[2]!.length, type: m[1]! });
      text += m[2]!;
      last = m.index + m[0].length;
    }
    text += marked.slice(last);
    entries.push({ id: `hard-${String(entries.length + 1).padStart(3, '0')}`, lang, text, spans });
  }
  return entries;
}

const toJsonl = (entries: Entry[]): string => `${entries.map((entry) => JSON.stringify(entry)).join('\n')}\n`;
writeFileSync(join(here, 'synthetic.jsonl'), toJsonl(synthetic(900)));
writeFileSync(join(here, 'hard-cases.jsonl'), toJsonl(hardCases()));
