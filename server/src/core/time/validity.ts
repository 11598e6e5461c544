/**
 * The one time convention (docs/time.md).
 *
 * Storage: a half-open PostgreSQL `daterange` [from, to); an open end means
 * still valid. The database refuses overlaps with EXCLUDE constraints.
 * API and dashboard: the first day and the LAST day, both inclusive; null
 * for an open end. Conversion between the two happens here and nowhere else.
 */
export interface Validity {
  /** First day of validity. */
  from: string;
  /** Last day of validity (inclusive); null while still valid. */
  until: string | null;
}

const DAY_MS = 86_400_000;

/** Calendar arithmetic on YYYY-MM-DD strings, free of time zones. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** `[2014-09-29,2015-01-01)` → { from: 2014-09-29, until: 2014-12-31 }. */
export function toValidity(range: string): Validity {
  const match = /^[[(]([^,]*),([^)\]]*)[)\]]$/.exec(range);
  if (!match) throw new Error(`Not a date range: ${range}`);
  const [, lower, upper] = match;
  return { from: lower, until: upper ? addDays(upper, -1) : null };
}

/** First and last day (inclusive; null = open) → the stored range `[from, lastDay + 1)`. */
export function toRange(from: string, until: string | null | undefined): string {
  return `[${from},${until ? addDays(until, 1) : ''})`;
}

/** The stored range that starts on `from` and is still open. */
export const openFrom = (from: string) => toRange(from, null);

/** Whether a validity covers a date. */
export function covers(validity: Validity, date: string): boolean {
  return validity.from <= date && (validity.until === null || date <= validity.until);
}
