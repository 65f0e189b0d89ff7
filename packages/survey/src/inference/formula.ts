import { LeakriskError } from '../errors.js';

/** A parsed model formula `response ~ term + term + …` (R's `terms(formula)`). */
export interface ModelFormula {
  response: string;
  /**
   * Terms in R's order (main effects first, then two-way interactions, …); each lists its variables
   * in order of their first appearance in the formula, as R writes them.
   */
  terms: string[][];
  intercept: boolean;
  /** All variables on the right-hand side, in order of first appearance. */
  variables: string[];
}

/**
 * Parses a model formula in R's notation: `y ~ a + b + c`, interactions `a:b`, crossings `a*b`
 * (= `a + b + a:b`), `- 1` or `+ 0` to drop the intercept, backticks around unusual names.
 * Terms are ordered by their number of variables, as R's `terms()` does.
 */
export function parseFormula(text: string, where = 'formula'): ModelFormula {
  const fail = (problem: string): never => {
    throw new LeakriskError(
      `cannot read the model formula "${text}": ${problem}`,
      { column: where },
      'write it as in R, e.g. "vb1 ~ age + gender + area" (interactions as a:b or a*b)',
    );
  };
  const tilde = text.indexOf('~');
  if (tilde < 0 || text.indexOf('~', tilde + 1) >= 0) fail('it needs exactly one "~"');
  const lhs = tokenize(text.slice(0, tilde), fail);
  if (lhs.length !== 1 || lhs[0]!.kind !== 'name') fail('the left of "~" must be one variable');
  const response = (lhs[0] as NameToken).name;
  const tokens = tokenize(text.slice(tilde + 1), fail);
  if (tokens.length === 0) fail('nothing on the right of "~"');
  let intercept = true;
  const collected: string[][] = [];
  let sign = 1;
  let expectOperand = true;
  let k = 0;
  while (k < tokens.length) {
    const token = tokens[k]!;
    if (expectOperand) {
      if (token.kind === 'op' && (token.op === '+' || token.op === '-')) {
        if (token.op === '-') sign = -sign;
        k++;
        continue;
      }
      if (token.kind === 'number') {
        if (token.value === 0) intercept = sign < 0;
        else if (token.value === 1) intercept = sign > 0;
        else fail(`"${token.value}" is not a term`);
        k++;
        expectOperand = false;
        continue;
      }
      // A product a:b*c…
      const groups: string[][] = [[]];
      for (;;) {
        const t = tokens[k];
        if (t === undefined || t.kind !== 'name') fail('a variable name is expected');
        groups[groups.length - 1]!.push((t as NameToken).name);
        k++;
        const next = tokens[k];
        if (next !== undefined && next.kind === 'op' && next.op === ':') {
          k++;
          continue;
        }
        if (next !== undefined && next.kind === 'op' && next.op === '*') {
          groups.push([]);
          k++;
          continue;
        }
        break;
      }
      const expanded = expandCrossing(groups);
      if (sign < 0) fail('removing terms other than the intercept is not supported');
      collected.push(...expanded);
      expectOperand = false;
      continue;
    }
    if (token.kind === 'op' && (token.op === '+' || token.op === '-')) {
      sign = token.op === '-' ? -1 : 1;
      expectOperand = true;
      k++;
      continue;
    }
    fail(`unexpected "${describe(token)}"`);
  }
  if (expectOperand) fail('it ends with an operator');
  // R's terms() lists the variables in order of first appearance in the formula, and writes each
  // term's variables in that order (`y ~ g*area + age:area` has the term `area:age`).
  const variables: string[] = [];
  for (const term of collected) for (const v of term) if (!variables.includes(v)) variables.push(v);
  const seen = new Set<string>();
  const unique: string[][] = [];
  for (const term of collected) {
    const vars = [...new Set(term)].sort((a, b) => variables.indexOf(a) - variables.indexOf(b));
    const key = [...vars].sort().join(':');
    if (seen.has(key)) continue;
    seen.add(key);
    unique.push(vars);
  }
  const terms = unique
    .map((term, index) => ({ term, index }))
    .sort((a, b) => a.term.length - b.term.length || a.index - b.index)
    .map((entry) => entry.term);
  return { response, terms, intercept, variables };
}

function expandCrossing(groups: string[][]): string[][] {
  // a*b*c = all non-empty sub-products, ordered as R expands them.
  let out: string[][] = [];
  for (const group of groups) {
    const next: string[][] = [...out, group];
    for (const existing of out) next.push([...existing, ...group]);
    out = next;
  }
  return out;
}

type NameToken = { kind: 'name'; name: string };
type Token = NameToken | { kind: 'op'; op: '+' | '-' | ':' | '*' } | { kind: 'number'; value: number };

function describe(token: Token): string {
  return token.kind === 'name' ? token.name : token.kind === 'op' ? token.op : String(token.value);
}

function tokenize(text: string, fail: (problem: string) => never): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (/\s/.test(ch)) {
      i++;
    } else if (ch === '+' || ch === '-' || ch === ':' || ch === '*') {
      tokens.push({ kind: 'op', op: ch });
      i++;
    } else if (ch === '`') {
      const end = text.indexOf('`', i + 1);
      if (end < 0) fail('an opening backtick has no closing one');
      tokens.push({ kind: 'name', name: text.slice(i + 1, end) });
      i = end + 1;
    } else if (/[0-9]/.test(ch)) {
      const match = /^[0-9]+/.exec(text.slice(i))!;
      tokens.push({ kind: 'number', value: Number(match[0]) });
      i += match[0].length;
    } else if (/[A-Za-z._]/.test(ch)) {
      const match = /^[A-Za-z._][A-Za-z0-9._]*/.exec(text.slice(i))!;
      tokens.push({ kind: 'name', name: match[0] });
      i += match[0].length;
    } else {
      fail(`the character "${ch}" is not allowed (use backticks around unusual names)`);
    }
  }
  return tokens;
}
