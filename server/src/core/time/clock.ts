/**
 * "Today" for the whole product: a calendar date in the district's time zone
 * (Asia/Shanghai), whatever zone the machine runs in. Everything that asks
 * "as of today" asks a Clock, so tests can fix today and move it across midnight.
 */
export const DISTRICT_TIME_ZONE = 'Asia/Shanghai';

export interface Clock {
  /** Today as YYYY-MM-DD in the district's time zone. */
  today(): string;
}

const formatter = new Intl.DateTimeFormat('en-CA', { timeZone: DISTRICT_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

/** The calendar date of an instant in the district's time zone. */
export function calendarDate(instant: Date): string {
  return formatter.format(instant);
}

export const systemClock: Clock = { today: () => calendarDate(new Date()) };

/** A clock that says what it is told: for tests, and for `TODAY=YYYY-MM-DD` demos. */
export class FixedClock implements Clock {
  constructor(private date: string) {}

  today(): string {
    return this.date;
  }

  set(date: string): void {
    this.date = date;
  }
}
