import type { EntityManager } from 'typeorm';
import { CalendarDayKind } from '@community-grid/shared';
import { addDays } from '../../core/time/validity';

/** Monday to Friday, unless the calendar says otherwise. */
const isWeekday = (day: string) => {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return weekday >= 1 && weekday <= 5;
};

/** Longest stretch of days without a working day we accept before deciding the calendar is wrong. */
const MAX_NON_WORKING_RUN = 60;

/**
 * Working days: Monday to Friday, except public holidays, plus make-up
 * working days on weekends, as officials keep them in `calendar_day`.
 * Due dates count working days *after* the day an affair was accepted.
 */
export class WorkingCalendar {
  constructor(private readonly exceptions: ReadonlyMap<string, CalendarDayKind>) {}

  /** The calendar as officials keep it (a few dozen rows a year: read whole). */
  static async load(em: EntityManager): Promise<WorkingCalendar> {
    const rows: Array<{ day: string; kind: CalendarDayKind }> = await em.query('SELECT day::text AS day, kind FROM calendar_day');
    return new WorkingCalendar(new Map(rows.map((row) => [row.day, row.kind])));
  }

  isWorkingDay(day: string): boolean {
    const exception = this.exceptions.get(day);
    if (exception === CalendarDayKind.WORKDAY) return true;
    if (exception === CalendarDayKind.HOLIDAY) return false;
    return isWeekday(day);
  }

  /** The `n`-th working day after `from` (`from` itself not counted); `from` when n is 0. */
  addWorkingDays(from: string, n: number): string {
    let day = from;
    let idle = 0;
    for (let left = n; left > 0;) {
      day = addDays(day, 1);
      if (this.isWorkingDay(day)) {
        left--;
        idle = 0;
      } else if (++idle > MAX_NON_WORKING_RUN) {
        throw new Error(`The working-day calendar has no working day for ${MAX_NON_WORKING_RUN} days after ${day}`);
      }
    }
    return day;
  }

  /** Working days from `from` up to the day before `until` ([from, until)). */
  workingDaysBetween(from: string, until: string): number {
    let count = 0;
    for (let day = from; day < until; day = addDays(day, 1)) if (this.isWorkingDay(day)) count++;
    return count;
  }
}
