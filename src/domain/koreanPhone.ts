/**
 * Whether a number can be dialled in Korea: a mobile (010-1234-5678), a landline with its area code
 * (02-123-4567, 031-123-4567), an internet or personal number (070, 050x) or a shop's 8-digit
 * representative number (1588-1234). "+82 10 …" is the same number dialled from abroad.
 * The charset rule (domain/phone.ts) says what may be stored; this says what a shop can call back.
 * A number that passes the first but not this one is refused at checkout: "010-123" or "12345"
 * reaches nobody, and a shop with an order and no way to reach the customer is the defect (#16).
 */
const KOREAN_NUMBER = [
  /^01[016789]\d{7,8}$/, // mobile
  /^02\d{7,8}$/, // Seoul
  /^0[3-6][1-5]\d{7,8}$/, // other area codes
  /^070\d{7,8}$/, // internet telephone
  /^050\d{8,9}$/, // personal / safe numbers (0502…, 0505…)
  /^1[5-9]\d{6}$/, // representative numbers (1588-…, 1644-…)
];

export function koreanDigits(text: string): string {
  const digits = text.replace(/[\s\-().]/g, '');
  // +82 10 1234 5678 → 01012345678: the trunk 0 is dropped after a country code.
  return digits.startsWith('+82') ? `0${digits.slice(3).replace(/^0/, '')}` : digits;
}

export function isKoreanPhone(text: string): boolean {
  const digits = koreanDigits(text.trim());
  return KOREAN_NUMBER.some((p) => p.test(digits));
}
