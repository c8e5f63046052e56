import { instantOfWallClock, wallClockOf } from './dates';

// A date-and-time input's wall-clock time in the county's zone (Asia/Shanghai by default) and the
// instant the API is sent, both ways.
describe('wall-clock times of the configured zone', () => {
  it('sends a time with its zone, seconds included', () => {
    expect(instantOfWallClock('2026-12-01T08:47')).toBe('2026-12-01T00:47:00.000Z');
    expect(instantOfWallClock('2026-12-01T08:47:30')).toBe('2026-12-01T00:47:30.000Z');
  });

  it('reads back what it sends, in any year', () => {
    for (const wall of ['2026-12-01T08:47', '1999-12-31T23:59', '0025-03-01T10:00', '0099-07-15T12:30']) {
      expect(wallClockOf(instantOfWallClock(wall))).toBe(wall);
    }
  });
});
