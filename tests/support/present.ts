/** A value the test expects to be there (a list's last item, a row found): fails the test naming what was missing otherwise. */
export function present<T>(value: T | null | undefined, what: string): T {
  if (value === null || value === undefined) throw new Error(`Expected ${what}, found ${value}`);
  return value;
}
