import { describe, expect, it } from 'vitest';
import { chinaCalendar, isRestDay, lastOnTimeDay, makeCalendar } from '../../src/engine';

describe('counting "within 3 months" by the Civil Code, TJ-NOTIFY-3M', () => {
  it('ends a period that starts on 2024-11-30 on 2025-02-28, as February has no 30th (FACTS.md example)', () => {
    expect(lastOnTimeDay('2024-11-30', 3)).toEqual({ periodEnd: '2025-02-28', lastOnTimeDay: '2025-02-28', holidayAdjusted: true, movedBy: 0 });
  });

  it('moves a period ending on 2025-10-01, inside the National Day holiday, to 2025-10-09 (FACTS.md example)', () => {
    expect(lastOnTimeDay('2025-07-01', 3)).toMatchObject({ periodEnd: '2025-10-01', lastOnTimeDay: '2025-10-09', movedBy: 8 });
  });

  it('ends a period that starts on 2023-11-30 on the leap day 2024-02-29', () => {
    expect(lastOnTimeDay('2023-11-30', 3).lastOnTimeDay).toBe('2024-02-29');
  });

  it('moves a period ending on Sunday 2025-11-30 to Monday 2025-12-01', () => {
    expect(lastOnTimeDay('2025-08-30', 3)).toMatchObject({ periodEnd: '2025-11-30', lastOnTimeDay: '2025-12-01', movedBy: 1 });
  });

  it('keeps a period ending on Sunday 2025-09-28, an official make-up working day, where it is', () => {
    expect(isRestDay(chinaCalendar, '2025-09-28')).toBe(false);
    expect(lastOnTimeDay('2025-06-28', 3)).toMatchObject({ lastOnTimeDay: '2025-09-28', movedBy: 0, holidayAdjusted: true });
  });

  it('reports a period ending beyond the holiday data as not adjusted, never guessing', () => {
    const last = chinaCalendar.lastYear;
    expect(lastOnTimeDay(`${last}-10-15`, 3)).toEqual({
      periodEnd: `${last + 1}-01-15`,
      lastOnTimeDay: `${last + 1}-01-15`,
      holidayAdjusted: false,
      movedBy: 0,
    });
  });

  it('reports a period ending before the holiday data (Saturday 2000-04-01) as not adjusted, never guessing', () => {
    expect(chinaCalendar.firstYear).toBeGreaterThan(2000);
    expect(lastOnTimeDay('2000-01-01', 3)).toEqual({ periodEnd: '2000-04-01', lastOnTimeDay: '2000-04-01', holidayAdjusted: false, movedBy: 0 });
  });

  it('stops adjusting, and says so, when the search for a working day runs past the end of the data', () => {
    const cal = makeCalendar({ holidays: { '2030-12-31': 'x' }, workdays: {} });
    expect(lastOnTimeDay('2030-09-30', 3, cal)).toMatchObject({ periodEnd: '2030-12-30', holidayAdjusted: true });
    expect(lastOnTimeDay('2030-10-31', 2, cal)).toEqual({ periodEnd: '2030-12-31', lastOnTimeDay: '2030-12-31', holidayAdjusted: false, movedBy: 0 });
  });

  it('knows its holiday data from 2004 onwards and that it covers the Opinions start year', () => {
    expect(chinaCalendar.firstYear).toBeLessThanOrEqual(2023);
    expect(chinaCalendar.lastYear).toBeGreaterThanOrEqual(2026);
  });
});
