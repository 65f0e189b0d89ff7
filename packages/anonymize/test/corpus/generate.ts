/**
 * Writes the labelled scrubber corpus (SYNTHETIC: every name, number and address is invented).
 *
 *   npx tsx test/corpus/generate.ts        (from packages/anonymize)
 *
 * - `synthetic.jsonl`: short comments in English, Roman Urdu and Urdu script built from templates with a
 *   seeded generator (mulberry32, seed 20250701), so the file is reproducible byte for byte.
 *   Tier 1 (`syn-0001` … `syn-0900`) is the original corpus; tier 2 (`"tier": 2`, from `forms.ts`, its
 *   own seed 20250702) adds phones and CNICs written digit by digit, with O/l, spelled out or across
 *   lines, handles without `@` after a platform cue, names after Roman Urdu and Urdu cues, and decoys
 *   that share their shape. Tier 1 stays byte for byte what it was, so its figures stay comparable.
 * - `hard-cases.jsonl`: the hand-written cases of `hard-cases.txt` (spaced, bracketed, inside links,
 *   Urdu digits, Arabic letter forms, harmless numbers), where `{TYPE|text}` marks a labelled span.
 *   After the line `# @tier 2`, `{TYPE/form|text}` labels a span of a tier-2 form, `{~kind|text}` marks
 *   a decoy and `\n` in a line stands for a line break.
 *
 * Each line: { "id", "lang": "en" | "roman" | "ur", "text", "spans": [{ "start", "end", "type", "form"? }],
 * "tier"?: 2, "decoys"?: [{ "start", "end", "form" }] } with UTF-16 offsets into `text`. Names are
 * generic common Pakistani names put together at random.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { forms } from './forms.js';
import {
  address,
  assemble,
  cnic,
  dob,
  email,
  type Decoy,
  type Entry,
  harmless,
  handleName,
  iban,
  int,
  type Lang,
  latinName,
  type Part,
  passport,
  phone,
  pick,
  chance,
  reseed,
  S,
  type Slot,
  type Span,
  url,
  urduName,
} from './values.js';

const here = dirname(fileURLToPath(import.meta.url));

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

/**
 * `{TYPE|text}` marks a labelled span in hard-cases.txt; lines are `lang<TAB>text`, `#` comments. After
 * `# @tier 2`: `{TYPE/form|text}` (a labelled span of a form), `{~kind|text}` (a decoy), `\n` (a line break).
 */
function hardCases(): Entry[] {
  const lines = readFileSync(join(here, 'hard-cases.txt'), 'utf8').split('\n');
  const entries: Entry[] = [];
  let tier2 = false;
  for (const line of lines) {
    if (line.startsWith('# @tier 2')) tier2 = true;
    if (line.trim().length === 0 || line.startsWith('#')) continue;
    const tab = line.indexOf('\t');
    const lang = line.slice(0, tab) as Lang;
    const marked = tier2 ? line.slice(tab + 1).replace(/\\n/g, '\n') : line.slice(tab + 1);
    let text = '';
    const spans: Span[] = [];
    const decoys: Decoy[] = [];
    const re = /\{(~[a-z-]+|[A-Z]+(?:\/[a-z-]+)?)\|([^}]*)\}/g;
    let last = 0;
    for (let m = re.exec(marked); m !== null; m = re.exec(marked)) {
      text += marked.slice(last, m.index);
      const [label, value] = [m[1]!, m[2]!];
      const where = { start: text.length, end: text.length + value.length };
      if (label.startsWith('~')) decoys.push({ ...where, form: label.slice(1) });
      else {
        const [type, form] = label.split('/') as [string, string | undefined];
        spans.push(form === undefined ? { ...where, type } : { ...where, type, form });
      }
      text += value;
      last = m.index + m[0].length;
    }
    text += marked.slice(last);
    const entry: Entry = { id: `hard-${String(entries.length + 1).padStart(3, '0')}`, lang, text, spans };
    if (tier2) entry.tier = 2;
    if (decoys.length > 0) entry.decoys = decoys;
    entries.push(entry);
  }
  return entries;
}

const toJsonl = (entries: Entry[]): string => `${entries.map((entry) => JSON.stringify(entry)).join('\n')}\n`;
const tier1 = synthetic(900);
reseed(20250702);
const tier2 = forms(tier1.length + 1);
writeFileSync(join(here, 'synthetic.jsonl'), toJsonl([...tier1, ...tier2]));
writeFileSync(join(here, 'hard-cases.jsonl'), toJsonl(hardCases()));
