/**
 * Whether an answer option is a non-answer — the respondent preferred not to say, refused, or gave
 * no answer — judged from its code and its labels in every language (English and Urdu wording). A
 * non-answer becomes a missing code, so it leaves means and proportions as R's `na.rm` would.
 * "Don't know" is an answer (a level of its own), never a non-answer; and codes such as 88, 99, −99
 * count only when their label says so.
 *
 * @example isNonAnswer('99', ['Refused to answer', 'جواب دینے سے انکار']) // true
 * @example isNonAnswer('dont_know', ["Don't know", 'معلوم نہیں'])          // false
 * @example isNonAnswer('99', ['99 or more'])                               // false
 */
export function isNonAnswer(code: string, labels: readonly string[]): boolean {
  const texts = [code.replace(/_/g, ' '), ...labels];
  if (texts.some((text) => DONT_KNOW.some((pattern) => pattern.test(text)))) return false;
  if (NON_ANSWER_CODE.test(code)) return true;
  return labels.some((label) => NON_ANSWER_WORDING.some((pattern) => pattern.test(label)));
}

const NON_ANSWER_CODE =
  /^(prefer_?not(_?to)?(_?(say|answer|tell|disclose|respond))?|pnts|refus(ed|e|al)|no_?answer|no_?response|declined?(_?to_?answer)?|not_?answered)$/i;

const NON_ANSWER_WORDING: readonly RegExp[] = [
  /\bprefer(s|red)?\s+not\s+(to\s+)?(say|answer|tell|disclose|respond|share)\b/i,
  /\brather\s+not\s+(say|answer|tell)\b/i,
  /\b(don'?t|do\s+not)\s+want\s+to\s+(say|answer|tell|share)\b/i,
  /\brefus(ed|es|e|al)\b/i,
  /\bno\s+(answer|response|reply)\b/i,
  /\bnot\s+answered\b/i,
  /\bdeclined?(\s+to\s+(answer|say|respond))?\b/i,
  /انکار/, // refusal: "جواب دینے سے انکار"
  /بتانا\s*نہیں\s*چاہت/, // "بتانا نہیں چاہتے / چاہتی": prefer not to say
  /نہیں\s*بتانا\s*چاہت/,
  /کوئی\s*جواب\s*نہیں/, // no answer
  /جواب\s*نہیں\s*(دینا|دیا|دی|دے)/, // did not / does not want to answer
];

const DONT_KNOW: readonly RegExp[] = [
  /\b(don'?t|do\s+not|dont)\s+know\b/i,
  /\bnot\s+sure\b/i,
  /^\s*dk\s*$/i,
  /معلوم\s*نہیں/,
  /نہیں\s*معلوم/,
  /پت[ہا]\s*نہیں/,
  /نہیں\s*جانت/,
];
