/**
 * Tier 2 of the labelled scrubber corpus (SYNTHETIC: invented names, handles and numbers, made from the
 * same generic name lists and random digits as tier 1): the forms of personal data a plain scrubber
 * misses, each labelled with its `form`, and decoys that share their shape and must be kept.
 *
 * Forms: `spaced-digits` (`0 3 0 0 1 2 …`, `0-3-0-0…`, CNICs too), `letter-digits` (`03OO-l234567`),
 * `spelled-en`, `spelled-roman`, `spelled-ur` (digits in words, with double/triple), `mixed-spelled`
 * (digits and words), `line-broken` (a number split by a line break), `urdu-digits` (Urdu and
 * Arabic-Indic digits, one by one or grouped), `platform-en`, `platform-roman`, `platform-ur` (handles
 * without `@` after a platform cue), `name-roman`, `name-ur` (names after Roman Urdu and Urdu cues).
 * Decoys: `spelled-count`, `name-refusal`, `called-word`, `platform-talk`, `service-number`,
 * `harmless-number`.
 */
import {
  ARABIC_DIGITS,
  assemble,
  chance,
  digits,
  type Entry,
  handleName,
  harmless,
  int,
  type Lang,
  latinName,
  mobile,
  type Part,
  pick,
  type Slot,
  toUrduDigits,
  URDU_DIGITS,
  urduName,
} from './values.js';

/** Entries per form and per decoy kind. */
const PER_FORM = 48;
const PER_DECOY = 48;

const F = (type: string, form: string, value: (lang: Lang) => string): Slot => ({ type, form, value });
const D = (kind: string, values: Record<Lang, readonly string[]>): Slot => ({ decoy: kind, value: (lang) => pick(values[lang]) });

// ---- numbers ----------------------------------------------------------------------------------------

const cnicDigits = (): string => `${int(1, 7)}${digits(12)}`;
const EN = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
const ROMAN: string[][] = [
  ['sifar', 'zero', 'sifr'],
  ['ek', 'aik'],
  ['do'],
  ['teen', 'tin'],
  ['char', 'chaar'],
  ['paanch', 'panch'],
  ['chay', 'chhe', 'che'],
  ['saat', 'sat'],
  ['aath', 'ath'],
  ['nau', 'no'],
];
const URDU: string[][] = [['صفر'], ['ایک'], ['دو'], ['تین'], ['چار'], ['پانچ'], ['چھ', 'چھے'], ['سات'], ['آٹھ'], ['نو']];

/** Digits in words, with `double`/`triple` for repeats now and then. */
function spell(value: string, words: (d: number) => string, multipliers: [string, string] | undefined, separator: string): string {
  const out: string[] = [];
  for (let i = 0; i < value.length; ) {
    const d = Number(value[i]);
    let same = 1;
    while (value[i + same] === value[i] && same < 3) same++;
    if (multipliers !== undefined && same === 3 && chance(0.5)) {
      out.push(`${multipliers[1]} ${words(d)}`);
      i += 3;
    } else if (multipliers !== undefined && same >= 2 && chance(0.5)) {
      out.push(`${multipliers[0]} ${words(d)}`);
      i += 2;
    } else {
      out.push(words(d));
      i += 1;
    }
  }
  return out.join(separator);
}
const english = (d: number): string => (d === 0 && chance(0.15) ? 'oh' : EN[d]!);
const roman = (d: number): string => pick(ROMAN[d]!);
const urdu = (d: number): string => pick(URDU[d]!);
const capitalise = (s: string): string => (chance(0.3) ? s[0]!.toUpperCase() + s.slice(1) : s);

function inWords(value: string, lang: Lang): string {
  if (lang === 'ur') return spell(value, urdu, chance(0.3) ? ['ڈبل', 'ٹرپل'] : undefined, pick([' ', ' ', '، ']));
  if (lang === 'roman') return spell(value, roman, chance(0.4) ? ['double', 'triple'] : undefined, pick([' ', ' ', ', ']));
  return capitalise(spell(value, english, chance(0.5) ? ['double', 'triple'] : undefined, pick([' ', ' ', ', ', '-'])));
}
const urduDigitsSometimes = (value: string, lang: Lang): string =>
  lang === 'ur' && chance(0.6) ? toUrduDigits(value, chance(0.75) ? URDU_DIGITS : ARABIC_DIGITS) : value;

function spaced(value: string, lang: Lang): string {
  const separator = pick([' ', ' ', ' ', '-', '.', ' - ', '/', '_', ', ', '  ']);
  let out = value.split('').join(separator);
  if (chance(0.2) && value.length === 11) out = `${value.slice(0, 4).split('').join(' ')} - ${value.slice(4).split('').join(' ')}`;
  return urduDigitsSometimes(out, lang);
}
function withLetters(value: string): string {
  const grouped = pick([
    `${value.slice(0, 4)}-${value.slice(4)}`,
    value,
    `${value.slice(0, 4)} ${value.slice(4)}`,
    `${value.slice(0, 4)} ${value.slice(4, 7)} ${value.slice(7)}`,
  ]);
  const zero = pick(['O', 'o', 'O']);
  const one = pick(['l', 'I']);
  let first = true;
  return grouped.replace(/[01]/g, (d) => {
    if (d === '0' && (first || chance(0.7))) {
      first = false;
      return zero;
    }
    return d === '1' && chance(0.6) ? one : d;
  });
}
function mixed(value: string, lang: Lang): string {
  const cut = pick([4, 4, 7]);
  const [head, tail] = [value.slice(0, cut), value.slice(cut)];
  const asDigits = (s: string): string => urduDigitsSometimes(s, lang);
  if (chance(0.5)) return `${asDigits(head)} ${inWords(tail, lang)}`;
  if (chance(0.5)) return `${inWords(head, lang)} ${asDigits(tail)}`;
  return `${asDigits(value.slice(0, 4))} ${inWords(value.slice(4, 7), lang)} ${asDigits(value.slice(7))}`;
}
function broken(value: string, lang: Lang): string {
  const out =
    value.length === 13
      ? pick([`${value.slice(0, 5)}-\n${value.slice(5, 12)}-${value.slice(12)}`, `${value.slice(0, 5)}\n${value.slice(5)}`])
      : pick([
          `${value.slice(0, 4)}\n${value.slice(4)}`,
          `${value.slice(0, 4)}-\n${value.slice(4)}`,
          `${value.slice(0, 4)}-${value.slice(4, 7)}\n${value.slice(7)}`,
          `+92 ${value.slice(1, 4)}\n${value.slice(4)}`,
          `${value.slice(0, 5)}\n${value.slice(5)}`,
          `${value.slice(0, 4)}\r\n${value.slice(4)}`,
        ]);
  return urduDigitsSometimes(out, lang);
}
function urduDigits(value: string): string {
  const table = chance(0.7) ? URDU_DIGITS : ARABIC_DIGITS;
  return toUrduDigits(
    pick([
      value.split('').join(' '),
      `${value.slice(0, 4)} ${value.slice(4, 7)} ${value.slice(7)}`,
      `${value.slice(0, 4)}\n${value.slice(4)}`,
      value.split('').join('-'),
    ]),
    table,
  );
}

const PHONE_AT: Record<Lang, ((x: Slot) => Part[])[]> = {
  en: [
    (x) => ['My number is ', x, ', call after 8 pm.'],
    (x) => ['call me on ', x],
    (x) => ['whatsapp: ', x],
    (x) => [x, ' is my number, text me'],
    (x) => ['His number was ', x, ' and he kept calling.'],
  ],
  roman: [(x) => ['mera number ', x, ' hai'], (x) => [x, ' pe call karo'], (x) => ['is number se call aati hai ', x], (x) => ['whatsapp karo ', x, ' pe']],
  ur: [(x) => ['میرا نمبر ', x, ' ہے۔'], (x) => [x, ' پر کال کریں'], (x) => ['اس نمبر سے کالیں آتی ہیں ', x], (x) => ['واٹس ایپ کریں ', x]],
};
const CNIC_AT: Record<Lang, ((x: Slot) => Part[])[]> = {
  en: [(x) => ['My CNIC is ', x, '.'], (x) => ['CNIC: ', x]],
  roman: [(x) => ['mera card number ', x, ' hai'], (x) => ['shanakhti card ', x, ' de diya tha']],
  ur: [(x) => ['میرا شناختی کارڈ نمبر ', x, ' ہے۔']],
};

interface Form {
  name: string;
  langs: readonly Lang[];
  /** Builds one entry's parts in `lang`. */
  parts: (lang: Lang) => Part[];
}

/** A number form: a phone (or now and then a CNIC) written as `write` writes it, in a sentence. */
function numberForm(name: string, langs: readonly Lang[], write: (value: string, lang: Lang) => string, cnics = true): Form {
  return {
    name,
    langs,
    parts: (lang) =>
      cnics && chance(0.2)
        ? pick(CNIC_AT[lang])(F('CNIC', name, (l) => write(cnicDigits(), l)))
        : pick(PHONE_AT[lang])(F('PHONE', name, (l) => write(mobile(), l))),
  };
}

// ---- handles and names ------------------------------------------------------------------------------

/** A handle with a digit, `_` or `.`: what weak cues need. */
function shapedHandle(): string {
  const handle = handleName();
  return /[0-9_.]/.test(handle) ? handle : `${handle}${int(1, 99)}`;
}
const anyHandle = (): string => (chance(0.3) ? latinName(2, true).replace(' ', '') : shapedHandle());
const H = (form: string, shaped: boolean): Slot => F('HANDLE', form, () => (shaped ? shapedHandle() : anyHandle()));
const PROFILE = (form: string): Slot => F('HANDLE', form, (lang) => (lang === 'ur' ? urduName(int(1, 2)) : latinName(int(1, 2), chance(0.3))));

const PLATFORM_EN = 'platform-en';
const PLATFORM_ROMAN = 'platform-roman';
const PLATFORM_UR = 'platform-ur';
const platformTemplates: Record<string, Part[][]> = {
  [PLATFORM_EN]: [
    ['insta: ', H(PLATFORM_EN, false)],
    ['ig - ', H(PLATFORM_EN, false)],
    ['My tiktok id is ', H(PLATFORM_EN, false)],
    ['snap: ', H(PLATFORM_EN, false), ' if you want proof'],
    ['my instagram handle is ', H(PLATFORM_EN, false), '.'],
    ['twitter: ', H(PLATFORM_EN, false)],
    ['fb id: ', H(PLATFORM_EN, false)],
    ['find me on insta ', H(PLATFORM_EN, true)],
    ['add me on snapchat ', H(PLATFORM_EN, false)],
    ['Her insta is ', H(PLATFORM_EN, true), ' and she posts daily.'],
    ['tiktok username: ', H(PLATFORM_EN, false)],
  ],
  [PLATFORM_ROMAN]: [
    ['snapchat pe add karo ', H(PLATFORM_ROMAN, false)],
    ['meri insta id ', H(PLATFORM_ROMAN, false), ' hai'],
    ['insta pe ', H(PLATFORM_ROMAN, true), ' naam se id hai'],
    ['fb pe ', PROFILE(PLATFORM_ROMAN), ' naam se account hai'],
    ['tiktok pe ', H(PLATFORM_ROMAN, true), ' search karo'],
    ['meri tiktok id hai ', H(PLATFORM_ROMAN, false)],
    ['ig pe ', H(PLATFORM_ROMAN, true), ' follow karo'],
    ['facebook par ', PROFILE(PLATFORM_ROMAN), ' ke naam se id hai'],
    ['us ki insta id ', H(PLATFORM_ROMAN, true), ' hai, wahan se videos aati hain'],
    ['insta: ', H(PLATFORM_ROMAN, false), ' pe msg karo'],
  ],
  [PLATFORM_UR]: [
    ['میری انسٹا آئی ڈی ', H(PLATFORM_UR, false), ' ہے'],
    ['ٹک ٹاک پر ', H(PLATFORM_UR, false), ' سرچ کریں'],
    ['فیس بک پر ', PROFILE(PLATFORM_UR), ' کے نام سے اکاؤنٹ ہے'],
    ['اسنیپ چیٹ: ', H(PLATFORM_UR, false)],
    ['انسٹاگرام پر ', H(PLATFORM_UR, false), ' نام سے پیج ہے'],
  ],
};

const NAME_ROMAN = 'name-roman';
const NAME_UR = 'name-ur';
const N = (lower: boolean): Slot => F('NAME', NAME_ROMAN, () => latinName(int(1, 2), lower && chance(0.4)));
const UN = (): Slot => F('NAME', NAME_UR, () => urduName(int(1, 2)));
const nameTemplates: Record<string, Part[][]> = {
  [NAME_ROMAN]: [
    ['meri behen ka naam ', N(true), ' hai'],
    ['us larki ka naam ', N(true), ' tha jis ki video leak hui'],
    ['mere dost ka naam hai ', N(true)],
    ['mujhe ', N(true), ' kehte hain'],
    ['log mujhe ', N(true), ' kehte hain'],
    ['ghar mein sab mujhe ', N(true), ' bulate hain'],
    ['mera naam ', N(true), ' hai aur main 25 saal ki hoon'],
    ['usay ', N(false), ' bulate hain sab'],
    ['hamari class mein ek larki thi, us ka naam ', N(true), ' tha'],
  ],
  [NAME_UR]: [
    ['میری بہن کا نام ', UN(), ' ہے'],
    ['اس لڑکی کا نام ', UN(), ' تھا'],
    ['مجھے ', UN(), ' کہتے ہیں'],
    ['سب مجھے ', UN(), ' بلاتے ہیں'],
    ['میرا نام ', UN(), ' ہے اور میں پریشان ہوں'],
    ['میرے دوست کا نام ', UN(), ' ہے'],
  ],
};
const cueForm = (name: string, lang: Lang, templates: Record<string, Part[][]>): Form => ({ name, langs: [lang], parts: () => pick(templates[name]!) });

const FORMS: readonly Form[] = [
  numberForm('spaced-digits', ['en', 'roman', 'ur'], spaced),
  numberForm('letter-digits', ['en', 'roman'], withLetters, false),
  numberForm('spelled-en', ['en', 'roman'], (value) => inWords(value, 'en')),
  numberForm('spelled-roman', ['roman'], (value) => inWords(value, 'roman')),
  numberForm('spelled-ur', ['ur'], (value) => inWords(value, 'ur')),
  numberForm('mixed-spelled', ['en', 'roman', 'ur'], mixed, false),
  numberForm('line-broken', ['en', 'roman', 'ur'], broken),
  numberForm('urdu-digits', ['ur', 'roman'], urduDigits, false),
  cueForm(PLATFORM_EN, 'en', platformTemplates),
  cueForm(PLATFORM_ROMAN, 'roman', platformTemplates),
  cueForm(PLATFORM_UR, 'ur', platformTemplates),
  cueForm(NAME_ROMAN, 'roman', nameTemplates),
  cueForm(NAME_UR, 'ur', nameTemplates),
];

// ---- decoys -------------------------------------------------------------------------------------------

interface DecoyKind {
  name: string;
  values: Record<Lang, readonly string[]>;
}
const DECOYS: readonly DecoyKind[] = [
  {
    name: 'spelled-count',
    values: {
      en: [
        'one two three times',
        'one, two, three, four, five, six, seven, eight, nine, ten',
        'two three times',
        'zero one two three four five six seven eight nine',
        'one by one',
        'no one',
        'two or three',
        'nine to five',
        'one two three four five',
        'seven eight nine ten',
      ],
      roman: [
        'ek do baar',
        'teen char din',
        'do teen log',
        'ek do teen char paanch chay saat aath nau das',
        'do chaar baar',
        'nau das din',
        'paanch saat log',
        'ek do teen',
      ],
      ur: ['ایک دو بار', 'دو تین دن', 'چار پانچ لوگ', 'ایک دو تین چار پانچ چھ سات آٹھ نو دس', 'سات آٹھ دن'],
    },
  },
  {
    name: 'name-refusal',
    values: {
      en: ['my name is not important', 'I will not tell my name', 'my name is none of your business'],
      roman: [
        'mera naam nahi bataunga',
        'mera naam mat poocho',
        'meri behen ka naam nahi likhungi',
        'uska naam kisi ko nahi pata',
        'mera naam secret hai',
        'us ka naam lena bhi gunah hai',
        'mera naam leak ho gaya',
      ],
      ur: ['میرا نام نہیں بتاؤں گا', 'اس کا نام نہیں لوں گی', 'میری بہن کا نام نہیں بتاؤں گی'],
    },
  },
  {
    name: 'called-word',
    values: {
      en: ['they call me crazy', 'people call it victim blaming', 'call me later'],
      roman: [
        'log mujhe pagal kehte hain',
        'mujhe besharam kehte hain',
        'ise blackmail kehte hain',
        'usay victim blaming kehte hain',
        'sab mujhe bura kehte hain',
        'mujhe kuch nahi kehte',
      ],
      ur: ['لوگ مجھے پاگل کہتے ہیں', 'اسے ہراسانی کہتے ہیں', 'اسے بلیک میلنگ کہتے ہیں', 'مجھے برا کہتے ہیں'],
    },
  },
  {
    name: 'platform-talk',
    values: {
      en: [
        'my tiktok account was hacked',
        'tiktok is haram according to some',
        'my insta id is private',
        'I saw it on Facebook yesterday',
        'snapchat: waste of time',
        'tiktok - bad influence',
        'my insta is private',
        'insta has 10k followers',
      ],
      roman: [
        'insta pe bohat log hain',
        'fb pe sab share karte hain',
        'tiktok pe video viral hui',
        'snapchat pe add karo mat',
        'ig pe reels dekhti hoon',
        'youtube pe 10k views',
        'meri insta id band hai',
        'insta pe 2 ghante lagti hoon',
      ],
      ur: ['انسٹا پر بہت لوگ ہیں', 'فیس بک پر ویڈیو شیئر ہوئی', 'ٹک ٹاک پر پابندی ہونی چاہیے'],
    },
  },
  {
    name: 'service-number',
    values: {
      en: ['call 1122', 'dial 15 or 1122', 'Edhi 115 came', 'the 1099 helpline', 'call 15 immediately', 'one one two two', 'call 1043 for women'],
      roman: ['15 pe call karo', '1122 wale aaye', '1099 helpline pe shikayat ki', '115 ko bulaya', 'ek ek do do pe call karo'],
      ur: ['۱۱۲۲ پر کال کریں', '۱۵ پر اطلاع دیں', 'ہیلپ لائن ۱۰۹۹', '1122 کو بلایا'],
    },
  },
  {
    name: 'harmless-number',
    values: {
      en: [
        'Rs 5000',
        'five thousand rupees',
        'I am 25',
        'at 10:30 pm',
        'in 2019, 2020 and 2021',
        'first, second and third time',
        'a 4 out of 5',
        'zero tolerance',
        'scale of 1 to 10',
        '24/7',
        'won 3 - 0',
        'Rs 300, 500, 1000, 2000',
        'on 12-05-2023',
        'strongly agree',
        '2 3 times',
      ],
      roman: [
        'main 25 saal ka hoon',
        'saat baje',
        'nau baje',
        'paanch hazaar rupay',
        'pehli doosri teesri baar',
        'do saal pehle',
        'Rs 1500 ka package',
        '10 baje',
        'meri umar 19 saal hai',
      ],
      ur: ['میری عمر ۲۵ سال ہے', 'نو بجے', 'پانچ ہزار روپے', 'پہلی دوسری تیسری بار', '۲۰۱۹ اور ۲۰۲۰ میں'],
    },
  },
];
const DECOY_AT: Record<Lang, ((x: Slot) => Part[])[]> = {
  en: [(x) => [x], (x) => ['Honestly, ', x, '.'], (x) => ['I wrote it down: ', x]],
  roman: [(x) => [x], (x) => ['sach ye hai ke ', x], (x) => [x, ', bas itna hi']],
  ur: [(x) => [x], (x) => ['سچ یہ ہے کہ ', x], (x) => [x, '۔']],
};

/** A tier-1 harmless sentence before or after, now and then, so the new forms sit among ordinary text. */
function withFiller(lang: Lang, parts: Part[]): Part[] {
  if (chance(0.7)) return parts;
  return chance(0.5) ? [harmless(lang), ' ', ...parts] : [...parts, ' ', harmless(lang)];
}

/** The tier-2 entries, numbered from `firstId` (`syn-0901` …). */
export function forms(firstId: number): Entry[] {
  const entries: Entry[] = [];
  const next = (lang: Lang, parts: Part[]): void => {
    const entry = assemble(`syn-${String(firstId + entries.length).padStart(4, '0')}`, lang, withFiller(lang, parts));
    entries.push({ ...entry, tier: 2 });
  };
  for (const form of FORMS) {
    for (let k = 0; k < PER_FORM; k++) {
      const lang = form.langs[k % form.langs.length]!;
      next(lang, form.parts(lang));
    }
  }
  const langs: Lang[] = ['en', 'roman', 'ur'];
  for (const kind of DECOYS) {
    for (let k = 0; k < PER_DECOY; k++) {
      const lang = langs[k % 3]!;
      next(lang, pick(DECOY_AT[lang])(D(kind.name, kind.values)));
    }
  }
  return entries;
}
