import { normalizeForMatching } from './normalize.js';

/**
 * Words people use to dictate a number digit by digit, so that a phone number can be written without
 * digits ("zero three zero zero …", "sifar teen …", "صفر تین …"). Only single digits (and "das" /
 * "دس", ten) are listed: a phone is dictated digit by digit, while "twenty", "hazaar" or "sau" belong
 * to amounts and counts, which must stay. Several words are also ordinary words ("do", "no", "teen",
 * "char", "sat"); the detector only reads them inside a run long enough to be a phone number.
 */
const DIGIT_WORDS: Record<string, string> = {
  // English (and "oh"/"o" as people say zero)
  zero: '0',
  oh: '0',
  o: '0',
  one: '1',
  two: '2',
  three: '3',
  four: '4',
  five: '5',
  six: '6',
  seven: '7',
  eight: '8',
  nine: '9',
  // Roman Urdu with its common spellings
  sifar: '0',
  sifr: '0',
  sefar: '0',
  zeero: '0',
  ek: '1',
  aik: '1',
  ik: '1',
  ikk: '1',
  do: '2',
  doo: '2',
  teen: '3',
  tin: '3',
  teenn: '3',
  char: '4',
  chaar: '4',
  paanch: '5',
  panch: '5',
  panj: '5',
  paanj: '5',
  punch: '5',
  chay: '6',
  chey: '6',
  chhe: '6',
  chhay: '6',
  chhey: '6',
  che: '6',
  chah: '6',
  chha: '6',
  cheh: '6',
  chhah: '6',
  saat: '7',
  sat: '7',
  saath: '7',
  aath: '8',
  ath: '8',
  aat: '8',
  aathh: '8',
  nau: '9',
  no: '9',
  nao: '9',
  nou: '9',
  naw: '9',
  das: '10',
  // Urdu script (normalised when the map is built)
  صفر: '0',
  زیرو: '0',
  ایک: '1',
  اک: '1',
  دو: '2',
  تین: '3',
  چار: '4',
  پانچ: '5',
  چھ: '6',
  چھے: '6',
  چھہ: '6',
  سات: '7',
  آٹھ: '8',
  نو: '9',
  دس: '10',
};

/** "double five" = 55, "triple seven" = 777, in English, Roman Urdu spellings and Urdu script. */
const MULTIPLIERS: Record<string, number> = {
  double: 2,
  dubble: 2,
  dabal: 2,
  dbl: 2,
  triple: 3,
  tripple: 3,
  tripal: 3,
  treble: 3,
  ڈبل: 2,
  ٹرپل: 3,
};

function normalizedKeys<T>(table: Record<string, T>): ReadonlyMap<string, T> {
  const map = new Map<string, T>();
  for (const [word, value] of Object.entries(table)) map.set(normalizeForMatching(word).text, value);
  return map;
}

/** Lower-case (Latin) or normalised (Urdu) word → the digits it stands for. */
export const NUMBER_WORDS: ReadonlyMap<string, string> = normalizedKeys(DIGIT_WORDS);
/** Lower-case (Latin) or normalised (Urdu) word → how many times the next digit repeats. */
export const NUMBER_MULTIPLIERS: ReadonlyMap<string, number> = normalizedKeys(MULTIPLIERS);
