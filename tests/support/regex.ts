/**
 * Matches `text` literally inside a RegExp. Voucher codes end in a check symbol that may be `*` or `$`,
 * and day labels carry parentheses: an unescaped interpolation turns them into operators.
 */
export const literal = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
