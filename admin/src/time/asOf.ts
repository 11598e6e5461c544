import { useSyncExternalStore } from 'react';

/**
 * The day the dashboard reads the structure as of, shared by the tree, the
 * lists, the show pages and the data provider; null means today (the server's
 * today, in Asia/Shanghai). Kept for the browser tab (sessionStorage) so it
 * survives navigation and reloads, while a new session starts at today again.
 */
const KEY = 'cg.asOf';
const DAY = /^\d{4}-\d{2}-\d{2}$/;

const stored = typeof sessionStorage === 'undefined' ? null : sessionStorage.getItem(KEY);
let current: string | null = stored && DAY.test(stored) ? stored : null;
const listeners = new Set<() => void>();

export const getAsOf = (): string | null => current;

export function setAsOf(day: string | null): void {
  const next = day && DAY.test(day) ? day : null;
  if (next === current) return;
  current = next;
  if (next) sessionStorage.setItem(KEY, next);
  else sessionStorage.removeItem(KEY);
  listeners.forEach((listener) => listener());
}

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
};

/** The chosen day, or null for today; re-renders when it changes. */
export const useAsOf = (): string | null => useSyncExternalStore(subscribe, getAsOf);

/** The day shown: the chosen one, or today as the server knows it; re-renders when either changes. */
export const useShownDay = (): string => useSyncExternalStore(subscribe, () => current ?? districtToday());

const districtDate = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });
let serverToday: string | null = null;

/**
 * What the server answered as "today" (the asOf of a record read without a
 * day): its clock is the one that counts, and may differ from the browser's.
 */
export function noteServerToday(day: unknown): void {
  if (typeof day !== 'string' || !DAY.test(day) || day === serverToday) return;
  serverToday = day;
  // Pickers showing "today" redraw with the server's day.
  listeners.forEach((listener) => listener());
}

/** Today in the district's time zone as YYYY-MM-DD: the server's when known, else the browser's clock in Asia/Shanghai. */
export const districtToday = (): string => serverToday ?? districtDate.format(new Date());
