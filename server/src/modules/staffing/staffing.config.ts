/**
 * The staffing rules a district may tune, read once from the environment
 * (defaults run out of the box). Tests change them in place.
 */
export interface StaffingRules {
  /** How many grids one member of staff may serve at once (GRID_MEMBER_MAX_GRIDS). */
  maxGridsPerStaff: number;
  /** An absence longer than this many days leaves the member's grids with a gap (GRID_MEMBER_ABSENCE_GAP_DAYS). */
  absenceGapDays: number;
}

function integer(name: string, fallback: number, min: number, max: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max)
    throw new Error(`${name} must be a whole number from ${min} to ${max}, got "${raw}"`);
  return value;
}

export const staffingRules: StaffingRules = {
  maxGridsPerStaff: integer('GRID_MEMBER_MAX_GRIDS', 3, 1, 50),
  absenceGapDays: integer('GRID_MEMBER_ABSENCE_GAP_DAYS', 7, 0, 365),
};

/** Longest span `dutyGaps` answers for in one request. */
export const MAX_DUTY_DAYS = 92;
