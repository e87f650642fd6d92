/** Asia/Seoul is where almost every Dangol shop is: first in the list, the rest in order. */
const HOME = 'Asia/Seoul';

let known: string[] | null = null;

/** The browser's IANA zones (the server checks the same names), with `current` kept even if unlisted. */
export function timeZoneChoices(current: string): string[] {
  known ??= typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [HOME];
  const rest = [...new Set([...known, current, 'UTC'])].filter((z) => z !== HOME).sort();
  return [HOME, ...rest];
}
