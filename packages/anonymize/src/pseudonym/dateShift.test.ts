import { describe, expect, it } from 'vitest';
import { distinctTexts, isLeakriskError, textColumn } from '@leakrisk/survey';
import { dateShiftDays, dateShifter, shiftDate, shiftDateColumn } from './dateShift.js';

const key = new TextEncoder().encode('0123456789abcdef0123456789abcdef');
const otherKey = new TextEncoder().encode('fedcba9876543210fedcba9876543210');
const dayNumber = (iso: string): number => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;

describe('dateShiftDays', () => {
  it('is the same for the same respondent and key, within ±maxDays', () => {
    for (let i = 0; i < 500; i++) {
      const shift = dateShiftDays(`R-${i}`, key, 30);
      expect(dateShiftDays(`R-${i}`, key, 30)).toBe(shift);
      expect(Number.isInteger(shift)).toBe(true);
      expect(Math.abs(shift)).toBeLessThanOrEqual(30);
    }
  });

  it('depends on the key', () => {
    let differ = 0;
    for (let i = 0; i < 200; i++) if (dateShiftDays(`R-${i}`, key, 30) !== dateShiftDays(`R-${i}`, otherKey, 30)) differ++;
    // with 61 possible shifts, about 200 * 60/61 ≈ 197 differ; 180 is far in the tail
    expect(differ).toBeGreaterThan(180);
  });

  it('is uniform on -maxDays..maxDays (chi-square, 5 cells of width 1, 12,000 respondents)', () => {
    const counts = [0, 0, 0, 0, 0];
    for (let i = 0; i < 12_000; i++) counts[dateShiftDays(`resp-${i}`, key, 2) + 2]! += 1;
    const expected = 12_000 / 5;
    const chi2 = counts.reduce((sum, c) => sum + (c - expected) ** 2 / expected, 0);
    // chi-square with 4 df: the 0.999 quantile is 18.47
    expect(chi2).toBeLessThan(18.47);
  });

  it('is zero for maxDays 0 and refuses a negative or fractional maxDays', () => {
    expect(dateShiftDays('R-1', key, 0)).toBe(0);
    expect(() => dateShiftDays('R-1', key, -1)).toThrow(/is not allowed/);
    expect(() => dateShiftDays('R-1', key, 1.5)).toThrow(/is not allowed/);
  });
});

describe('shiftDate', () => {
  it('moves a date by the respondent shift and keeps intervals between a respondent dates', () => {
    const shift = dateShiftDays('R-7', key, 30);
    const a = shiftDate('2024-02-27', 'R-7', key, 30);
    const b = shiftDate('2024-03-02', 'R-7', key, 30);
    expect(dayNumber(a) - dayNumber('2024-02-27')).toBe(shift);
    expect(dayNumber(b) - dayNumber(a)).toBe(4); // 2024 is a leap year: Feb 27 → Mar 2 is 4 days
    expect(a).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('crosses month and year ends correctly', () => {
    expect(shiftDate('2023-12-31', 'R-1', key, 0)).toBe('2023-12-31');
    const shift = dateShiftDays('R-1', key, 400);
    const shifted = shiftDate('2023-12-31', 'R-1', key, 400);
    expect(dayNumber(shifted) - dayNumber('2023-12-31')).toBe(shift);
  });

  it('keeps an empty cell empty', () => {
    expect(shiftDate('', 'R-1', key, 30)).toBe('');
  });

  it('refuses impossible dates and other forms, naming the place but not the value', () => {
    for (const bad of ['2023-02-29', '2024-13-01', '12-03-2024', '2024-3-1', 'yesterday']) {
      try {
        shiftDate(bad, 'R-1', key, 30, { file: 'raw.csv', row: 12, column: 'interview_date' });
        expect.unreachable();
      } catch (error) {
        expect(isLeakriskError(error)).toBe(true);
        const err = error as { format(): string };
        expect(err.format()).toContain('raw.csv');
        expect(err.format()).toContain('row 12');
        expect(err.format()).toContain('column "interview_date"');
        expect(err.format()).not.toContain(bad);
      }
    }
  });

  it('refuses a date without a respondent id', () => {
    expect(() => shiftDate('2024-01-01', '', key, 30)).toThrow(/no respondent id/);
  });
});

describe('dateShifter', () => {
  it('gives the shifts of dateShiftDays', () => {
    for (const maxDays of [0, 1, 14, 30, 36_500]) {
      const shift = dateShifter(key, maxDays);
      for (const id of ['R-1', '', 'ü', 'x'.repeat(200), 'a\ud800', ...Array.from({ length: 300 }, (_, i) => `R${i}`)]) {
        // The id sits at an offset inside a larger buffer.
        const bytes = Buffer.concat([Buffer.from('..'), Buffer.from(id, 'utf8'), Buffer.from('..')]);
        expect(shift(bytes, 2, bytes.length - 2)).toBe(dateShiftDays(id, key, maxDays));
      }
    }
  });

  it('gives the shifts released before the hash moved to node:crypto (same key, same ids)', () => {
    // Made by the hand-written HMAC-SHA-256 this package carried until then.
    const shift = dateShifter(key, 30);
    const days = ['R000001', '03001234567', 'ü-اردو', 'x'.repeat(70)].map((id) => {
      const bytes = Buffer.from(id, 'utf8');
      return shift(bytes, 0, bytes.length);
    });
    expect(days).toEqual([9, -2, -9, -7]);
  });

  it('checks maxDays when called, as dateShiftDays does', () => {
    const shift = dateShifter(key, 40_000);
    expect(() => shift(Buffer.from('R-1'), 0, 3)).toThrow(/at most 40000 days/);
  });
});

describe('shiftDateColumn', () => {
  const where = { file: 'raw.csv', column: 'interview_date' };

  it('shifts each row as shiftDate does, keeping missing cells', () => {
    const dates = ['2024-03-01', '', '2024-03-01', 'NA', '99', '2023-12-31', '2024-02-29'];
    const ids = ['R1', 'R2', 'R3', 'R4', 'R5', 'R6', 'R1'];
    const out = shiftDateColumn(distinctTexts(textColumn(dates)), textColumn(ids).utf8(), key, 30, new Set(['99']), where);
    const cells = [...out.dates];
    expect(cells).toEqual(dates.map((d, i) => (d === '' || d === 'NA' || d === '99' ? d : shiftDate(d, ids[i]!, key, 30))));
    expect(out.cells).toBe(4);
    expect(out.changed).toBe(cells.filter((c, i) => c !== dates[i]).length);
  });

  it('uses the row number without a respondent column', () => {
    const out = shiftDateColumn(distinctTexts(textColumn(['2024-01-10', '2024-01-10'])), undefined, key, 14, undefined, where);
    expect([...out.dates]).toEqual([shiftDate('2024-01-10', '1', key, 14), shiftDate('2024-01-10', '2', key, 14)]);
  });

  it('names the first bad row: a date that is not a date, or a date without a respondent', () => {
    const error = (dates: string[], ids: string[]) => {
      try {
        shiftDateColumn(distinctTexts(textColumn(dates)), textColumn(ids).utf8(), key, 14, undefined, where);
      } catch (e) {
        return e as { row?: number; message: string };
      }
      throw new Error('expected an error');
    };
    expect(error(['2024-01-01', '2024-02-30', '2024-01-01'], ['R1', 'R2', ''])).toMatchObject({
      row: 2,
      message: expect.stringMatching(/not a calendar date/),
    });
    expect(error(['2024-01-01', '2024-01-01', '2024-02-30'], ['R1', '', 'R3'])).toMatchObject({ row: 2, message: expect.stringMatching(/no respondent id/) });
  });
});
