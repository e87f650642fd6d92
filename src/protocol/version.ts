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
