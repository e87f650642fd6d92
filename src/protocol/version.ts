/**
 * Bumped whenever a wire shape changes incompatibly. A client sends it with every request; a server
 * that no longer speaks that version answers `client_too_old` ("please reload"), never a 500 (S14).
 */
export const PROTOCOL_VERSION = 1;
/** The oldest client protocol this server still accepts. */
export const MIN_CLIENT_PROTOCOL = 1;

export const HEADER_PROTOCOL = 'x-dangol-protocol';
export const HEADER_DEVICE = 'x-dangol-device';
export const SESSION_COOKIE = 'dangol_session';

/**
 * Reads a client's protocol header: plain digits only. A client older than we accept must reload;
 * one newer than this server (a rolling deploy, old process still up) should retry shortly.
 */
export function protocolVerdict(header: string): 'ok' | 'too_old' | 'unsupported' {
  if (!/^[0-9]{1,6}$/.test(header)) return 'unsupported';
  const v = Number(header);
  if (v < MIN_CLIENT_PROTOCOL) return 'too_old';
  return v > PROTOCOL_VERSION ? 'unsupported' : 'ok';
}
