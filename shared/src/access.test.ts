import { ageBandOf, agesOn, isAgeBandBound, maskIdNumber, maskIdNumberToCity } from './access';

describe('what roles see of personal data', () => {
  it('masks ID numbers to the last 4 characters for roles that may reveal them, to the city part for the others', () => {
    expect(maskIdNumber('63019919880229017X')).toBe('6301**********017X');
    expect(maskIdNumberToCity('63019919880229017X')).toBe('6301**************');
    expect(maskIdNumberToCity(null)).toBeNull();
  });

  it('puts birth dates in fixed 5-year bands, with the ages a band spans on a day', () => {
    expect(ageBandOf('1988-02-29')).toEqual({ bornFrom: '1985-01-01', bornUntil: '1989-12-31' });
    expect(ageBandOf('1990-01-01')).toEqual({ bornFrom: '1990-01-01', bornUntil: '1994-12-31' });
    expect(isAgeBandBound('1985-01-01', false)).toBe(true);
    expect(isAgeBandBound('1989-12-31', true)).toBe(true);
    expect(isAgeBandBound('1986-01-01', false)).toBe(false);
    expect(isAgeBandBound('1985-01-02', false)).toBe(false);
    expect(agesOn(ageBandOf('1988-02-29'), '2026-06-15')).toEqual({ minAge: 36, maxAge: 41 });
    expect(agesOn(ageBandOf('2025-03-01'), '2026-06-15')).toEqual({ minAge: 0, maxAge: 1 });
  });
});
