import { describe, expect, it } from 'vitest';
import { ARABIC_MONTHS, arabicDay, arabicPeriod, arabicZone, wallTime } from '../../../digests/render/arabic-dates.js';

describe('arabic dates', () => {
  it('has the twelve Levantine month names', () => {
    expect(ARABIC_MONTHS).toHaveLength(12);
    expect([ARABIC_MONTHS[0], ARABIC_MONTHS[2], ARABIC_MONTHS[10]]).toEqual(['كانون الثاني', 'آذار', 'تشرين الثاني']);
  });

  it.each([
    ['2024-03-03T20:59:00Z', 'Asia/Damascus', false, '3 آذار'],
    // 22:15 UTC is already the next day in Damascus (UTC+3).
    ['2024-03-03T22:15:00Z', 'Asia/Damascus', false, '4 آذار'],
    ['2024-03-03T22:15:00Z', 'UTC', false, '3 آذار'],
    ['2023-12-31T21:30:00Z', 'Asia/Baghdad', true, '1 كانون الثاني 2024'],
    ['2024-08-15', 'Asia/Damascus', false, '15 آب'],
    ['not a date', 'Asia/Damascus', false, null],
  ])('arabicDay(%s, %s, %s)', (iso, zone, withYear, expected) => {
    expect(arabicDay(iso, zone, withYear)).toBe(expected);
  });

  it('reads the wall clock of a zone', () => {
    expect(wallTime('2024-03-04T05:07:00Z', 'Asia/Damascus')).toEqual({ year: 2024, month: 3, day: 4, hour: 8, minute: 7 });
    expect(wallTime('2024-03-04T00:30:00Z', 'UTC')).toEqual({ year: 2024, month: 3, day: 4, hour: 0, minute: 30 });
  });

  it.each([
    [{ from: '2024-03-03T11:00:00Z', to: '2024-03-04T05:00:00Z' }, 'من 3 آذار الساعة 14:00 حتى 4 آذار 2024 الساعة 08:00 (بتوقيت دمشق)'],
    [{ from: '2024-03-04T05:00:00Z', to: '2024-03-04T11:30:00Z' }, 'يوم 4 آذار 2024 من الساعة 08:00 حتى الساعة 14:30 (بتوقيت دمشق)'],
    [{ from: '2023-12-31T12:00:00Z', to: '2024-01-01T12:00:00Z' }, 'من 31 كانون الأول 2023 الساعة 15:00 حتى 1 كانون الثاني 2024 الساعة 15:00 (بتوقيت دمشق)'],
    [{ from: null, to: '2024-03-04T05:00:00Z' }, 'حتى 4 آذار 2024 الساعة 08:00 (بتوقيت دمشق)'],
  ])('arabicPeriod %#', (period, expected) => {
    expect(arabicPeriod(period, 'Asia/Damascus')).toBe(expected);
  });

  it('refuses a period that does not end at an instant', () => {
    expect(() => arabicPeriod({ from: null, to: 'soon' }, 'Asia/Damascus')).toThrow(RangeError);
  });

  it.each([
    ['Asia/Damascus', 'بتوقيت دمشق'],
    ['Asia/Baghdad', 'بتوقيت بغداد'],
    ['UTC', 'بتوقيت غرينتش'],
    ['Asia/Tokyo', 'بتوقيت غرينتش+9'],
    ['Asia/Kolkata', 'بتوقيت غرينتش+5:30'],
    ['America/Sao_Paulo', 'بتوقيت غرينتش-3'],
    ['Etc/GMT', 'بتوقيت غرينتش'],
    // The offset at the given instant: Berlin in summer, then in winter.
    ['Europe/Berlin', 'بتوقيت غرينتش+2'],
  ])('arabicZone(%s)', (zone, expected) => {
    expect(arabicZone(zone, '2024-07-01T00:00:00Z')).toBe(expected);
  });

  it('shows the offset a zone had at the instant', () => {
    expect(arabicZone('Europe/Berlin', '2024-01-01T00:00:00Z')).toBe('بتوقيت غرينتش+1');
  });
});
