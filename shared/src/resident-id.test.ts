import { Gender } from './enums';
import { isPhoneNumber } from './phone';
import { isIsoDate, makeResidentId, parseResidentId, residentIdCheckCharacter, residentIdProblem } from './resident-id';

describe('resident ID numbers (GB 11643-1999)', () => {
  it('computes the MOD 11-2 check character, including X', () => {
    // The standard's own worked example.
    expect(residentIdCheckCharacter('11010519491231002')).toBe('X');
    expect(residentIdProblem('11010519491231002X')).toBeNull();
    expect(residentIdProblem('110105194912310021')).toBe('has a wrong check character');
  });

  it('reads the birth date and gender it encodes', () => {
    expect(parseResidentId('11010519491231002X')).toEqual({ regionCode: '110105', birthDate: '1949-12-31', gender: Gender.FEMALE });
    const male = makeResidentId('630199', '1988-02-29', 17, Gender.MALE);
    expect(parseResidentId(male)).toEqual({ regionCode: '630199', birthDate: '1988-02-29', gender: Gender.MALE });
  });

  it('rejects wrong shapes and impossible dates', () => {
    expect(residentIdProblem('63019919880229001')).toBe('must be 17 digits followed by a digit or X');
    expect(residentIdProblem('63019919880229001x')).toBe('must be 17 digits followed by a digit or X');
    const feb30 = '63019919870230001';
    expect(residentIdProblem(feb30 + residentIdCheckCharacter(feb30))).toBe('contains an impossible birth date');
    expect(parseResidentId(feb30 + '0')).toBeNull();
  });

  it('knows calendar dates and phone numbers', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('0000-01-01')).toBe(false);
    expect(isIsoDate('0001-01-01')).toBe(true);
    expect(isPhoneNumber('10000000001')).toBe(true);
    expect(isPhoneNumber('0971-5550100')).toBe(true);
    expect(isPhoneNumber('5550100')).toBe(false);
  });
});
