import { fakeCnic, fakeEmail, fakeHandle, fakePhone, fakeUrl, type FakePerson } from './identifiers.js';
import type { Random } from './random.js';

/**
 * Free-text comments as respondents write them, in English, Urdu script and Roman Urdu. Some carry
 * personal data the anonymizer must scrub (phone numbers, CNICs, emails, handles, URLs, names after
 * "my name is" cues); others carry harmless numbers it must leave alone (amounts, years, times,
 * percentages, counts). All fictional.
 */
type Template = readonly string[];

const PLAIN: Record<'en' | 'ur' | 'roman', Template> = {
  en: [
    'Platforms must act faster when private videos are leaked.',
    'People should stop forwarding such videos in WhatsApp groups.',
    'Schools should teach children about online safety.',
    'Nobody deserves to have their private pictures shared.',
    'The reporting process is too slow and confusing.',
    'Please make these questions available in Sindhi and Pashto too.',
    'Women are blamed for everything, this must change.',
    'People say "she asked for it", which is simply wrong.',
    'I did not know there was a law about this. Thank you for asking.',
    'Good survey, but some questions were difficult.',
  ],
  ur: [
    'پلیٹ فارمز کو لیک ویڈیوز فوراً ہٹانی چاہییں۔',
    'ایسی ویڈیوز آگے بھیجنا بند ہونا چاہیے۔',
    'خواتین کو ہر بات کا الزام دیا جاتا ہے، یہ رویہ بدلنا چاہیے۔',
    'سائبر کرائم کی شکایت کا طریقہ بہت مشکل ہے۔',
    'بچوں کو اسکول میں آن لائن تحفظ کے بارے میں سکھانا چاہیے۔',
    'کسی کی نجی تصاویر پھیلانا گناہ بھی ہے اور جرم بھی۔',
    'اچھا سروے ہے، شکریہ۔',
  ],
  roman: [
    'Leaked videos share karna bilkul ghalat hai.',
    'Log victim ko hi blame karte hain, ye theek nahi.',
    'Platforms ko jaldi action lena chahiye.',
    'Mujhe nahi pata tha ke iska koi qanoon hai.',
    'Survey acha tha, shukriya.',
  ],
};

const HARMLESS: Record<'en' | 'ur' | 'roman', Template> = {
  en: [
    'I spent Rs {amount} on mobile data last month.',
    'My account was hacked in {year} and nobody helped.',
    'I usually go online after {time} at night.',
    'Around {pct}% of my friends have faced some harassment.',
    'I reported a fake account {count} times but it is still there.',
    'The survey took {count} minutes.',
    'Since {year} things have become worse for women online.',
  ],
  ur: [
    'میں نے پچھلے مہینے موبائل ڈیٹا پر {amount} روپے خرچ کیے۔',
    'میرا اکاؤنٹ {year} میں ہیک ہوا تھا۔',
    'میں عموماً رات {time} کے بعد آن لائن {come_ur} ہوں۔',
    'میں نے جعلی اکاؤنٹ کو {count} بار رپورٹ کیا مگر کچھ نہیں ہوا۔',
    'میری کلاس کے تقریباً {pct}% طلبہ کو آن لائن ہراسانی کا سامنا ہوا۔',
  ],
  roman: [
    'Mera account {year} mein hack hua tha.',
    'Maine Rs {amount} ka internet package liya tha.',
    'Raat {time} ke baad online {hota} hoon.',
    'Maine {count} dafa report kiya lekin kuch nahi hua.',
  ],
};

const PERSONAL: Record<'en' | 'ur' | 'roman', Template> = {
  en: [
    'You can call me on {phone} if you need more details.',
    'My number is {phone}, please send me the results.',
    'My CNIC is {cnic}, they asked for it when I complained.',
    'Contact me at {email}.',
    'Please follow up with me: {email}',
    'Someone made a fake account of me: {handle}',
    'This page keeps sharing leaked videos: {url}',
    'My name is {name} and I want to help with this research.',
    'my name is {name}, call me at {phone}',
  ],
  ur: [
    'میرا نمبر {phone} ہے، نتائج بھیج دیں۔',
    'میرا نام {name_ur} ہے اور میں اس تحقیق میں مدد کرنا {want_ur} ہوں۔',
    'میرا شناختی کارڈ نمبر {cnic} ہے۔',
    'مجھ سے {email} پر رابطہ کریں۔',
    'یہ صفحہ لیک ویڈیوز پھیلا رہا ہے: {url}',
  ],
  roman: [
    'Mera number {phone} hai, results bhej dein.',
    'mera naam {name} hai, mujhse rabta karein.',
    'Meri ID {handle} hai Instagram pe.',
    'Is link pe dekhein: {url}',
    'Mujhe {email} pe email karein.',
    'Mera naam {name} hai aur mera number {phone} hai.',
  ],
};

/** The kinds of comment, with their shares among non-empty comments. */
const KIND_SHARES = [0.45, 0.25, 0.3] as const;
const LANGUAGE_SHARES = [0.4, 0.35, 0.25] as const;
const LANGUAGES = ['en', 'ur', 'roman'] as const;

/** A comment, or '' (about 60% of respondents leave it empty). */
export function fakeComment(random: Random, person: FakePerson, province: string, gender: string): string {
  if (!random.chance(0.4)) return '';
  const language = LANGUAGES[pickShare(random, LANGUAGE_SHARES)]!;
  const kind = pickShare(random, KIND_SHARES);
  const template = random.pick((kind === 0 ? PLAIN : kind === 1 ? HARMLESS : PERSONAL)[language]);
  return template.replace(/\{(\w+)\}/g, (_, slot: string) => fill(slot, random, person, province, gender));
}

function pickShare(random: Random, shares: readonly number[]): number {
  let u = random.uniform();
  for (let i = 0; i < shares.length - 1; i++) {
    if (u < shares[i]!) return i;
    u -= shares[i]!;
  }
  return shares.length - 1;
}

function fill(slot: string, random: Random, person: FakePerson, province: string, gender: string): string {
  switch (slot) {
    case 'phone':
      return fakePhone(random);
    case 'cnic':
      return fakeCnic(random, province, gender);
    case 'email':
      return fakeEmail(random, person);
    case 'handle':
      return fakeHandle(random, person);
    case 'url':
      return fakeUrl(random, person);
    case 'name':
      return person.latin;
    case 'name_ur':
      return person.urdu;
    // Urdu verbs agree with the writer's gender.
    case 'want_ur':
      return gender === 'female' ? 'چاہتی' : 'چاہتا';
    case 'come_ur':
      return gender === 'female' ? 'آتی' : 'آتا';
    case 'hota':
      return gender === 'female' ? 'hoti' : 'hota';
    case 'amount':
      return String(random.pick([100, 200, 300, 500, 800, 1000, 1500, 2000, 5000]));
    case 'year':
      return String(random.int(2016, 2025));
    case 'time':
      return `${random.int(8, 11)}:${random.pick(['00', '15', '30', '45'])}`;
    case 'pct':
      return String(random.int(2, 9) * 10);
    case 'count':
      return String(random.int(2, 25));
    default:
      return slot;
  }
}
