import { Gender } from './enums';

/**
 * The 18-character resident identity number of GB 11643-1999:
 * 6-digit region code, 8-digit birth date (YYYYMMDD), 3-digit sequence
 * (odd for men, even for women) and an ISO 7064 MOD 11-2 check character.
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARACTERS = '10X98765432';
const SHAPE = /^\d{17}[\dX]$/;

export function residentIdCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK_CHARACTERS[sum % 11];
}

export interface ResidentIdParts {
  regionCode: string;
  /** ISO date, YYYY-MM-DD. */
  birthDate: string;
  gender: Gender;
}

/** Why an ID number is invalid, or null when it is well formed with a correct check character. */
export function residentIdProblem(idNumber: string): string | null {
  if (!SHAPE.test(idNumber)) return 'must be 17 digits followed by a digit or X';
  if (!isIsoDate(birthDateOf(idNumber))) return 'contains an impossible birth date';
  if (residentIdCheckCharacter(idNumber.slice(0, 17)) !== idNumber[17]) return 'has a wrong check character';
  return null;
}

export function parseResidentId(idNumber: string): ResidentIdParts | null {
  if (residentIdProblem(idNumber)) return null;
  return {
    regionCode: idNumber.slice(0, 6),
    birthDate: birthDateOf(idNumber),
    gender: Number(idNumber[16]) % 2 === 1 ? Gender.MALE : Gender.FEMALE,
  };
}

/** Builds a valid ID number; used by the sample district generator and tests. */
export function makeResidentId(regionCode: string, birthDate: string, sequence: number, gender: Gender): string {
  let seq = sequence % 1000;
  const wantOdd = gender === Gender.MALE;
  if ((seq % 2 === 1) !== wantOdd) seq = (seq + 1) % 1000;
  const first17 = `${regionCode}${birthDate.replace(/-/g, '')}${String(seq).padStart(3, '0')}`;
  return first17 + residentIdCheckCharacter(first17);
}

function birthDateOf(idNumber: string): string {
  return `${idNumber.slice(6, 10)}-${idNumber.slice(10, 12)}-${idNumber.slice(12, 14)}`;
}

export function isIsoDate(value: string): boolean {
  // Year 0000 does not exist in PostgreSQL (1 BC is year 0001 BC there), nor in the calendar.
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || value.startsWith('0000')) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}
