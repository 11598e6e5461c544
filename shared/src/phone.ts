/** Mainland mobile (11 digits from 1) or landline with area code (0971-6123456). */
const PHONE = /^(1\d{10}|0\d{2,3}-?\d{7,8})$/;

export function isPhoneNumber(value: string): boolean {
  return PHONE.test(value);
}
