/**
 * What a phone number may hold: digits and the usual separators ("010-1234-5678", "+82 10 …"), at
 * most 20 characters. Checked where it is typed (checkout, the counter) and again by the protocol.
 */
export const PHONE_PATTERN = /^[0-9+\-() ]*$/;
export const MAX_PHONE_LENGTH = 20;

export function isPhone(text: string): boolean {
  return text.length <= MAX_PHONE_LENGTH && PHONE_PATTERN.test(text);
}
