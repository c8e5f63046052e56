import { addDays, dayBefore, halfYearStart, localDateTime, timeZone, today } from './dates';

// "Today" and local times are the county's (the configured zone), not the server's UTC clock: a
// certificate expires, and a transfer takes effect, on the day people there see on the calendar.

const zone = process.env.TZ;
afterEach(() => {
  jest.useRealTimers();
  if (zone === undefined) delete process.env.TZ;
  else process.env.TZ = zone;
});

it('finds the day before, across months, leap days and years', () => {
  expect(dayBefore('2025-03-10')).toBe('2025-03-09');
  expect(dayBefore('2024-03-01')).toBe('2024-02-29');
  expect(dayBefore('2025-03-01')).toBe('2025-02-28');
  expect(dayBefore('2025-01-01')).toBe('2024-12-31');
});

it('finds the half-year a day falls in (案卷评查 每半年1次)', () => {
  expect(halfYearStart('2026-01-01')).toBe('2026-01-01');
  expect(halfYearStart('2026-06-30')).toBe('2026-01-01');
  expect(halfYearStart('2026-07-01')).toBe('2026-07-01');
  expect(halfYearStart('2026-12-31')).toBe('2026-07-01');
});

it('adds calendar days across months and years, backwards too', () => {
  expect(addDays('2026-02-20', 15)).toBe('2026-03-07');
  expect(addDays('2026-01-10', -15)).toBe('2025-12-26');
  expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
});

it('uses Asia/Shanghai unless TZ names another zone', () => {
  delete process.env.TZ;
  expect(timeZone()).toBe('Asia/Shanghai');
  process.env.TZ = 'Europe/Berlin';
  expect(timeZone()).toBe('Europe/Berlin');
});

it('starts the county’s day at its midnight, not at UTC’s', () => {
  delete process.env.TZ;
  jest.useFakeTimers({ now: new Date('2025-06-30T15:59:59Z') });
  expect(today()).toBe('2025-06-30');
  jest.setSystemTime(new Date('2025-06-30T16:00:00Z')); // midnight in Shanghai
  expect(today()).toBe('2025-07-01');
  process.env.TZ = 'America/New_York';
  expect(today()).toBe('2025-06-30');
});

it('reads an instant as the county’s wall clock, on a 24-hour clock', () => {
  delete process.env.TZ;
  expect(localDateTime('2026-11-30T19:49:05Z')).toBe('2026-12-01 03:49:05');
  expect(localDateTime(new Date('2026-12-01T04:00:00Z'))).toBe('2026-12-01 12:00:00');
  expect(localDateTime('2026-11-30T16:00:00Z')).toBe('2026-12-01 00:00:00');
});
