import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Duplex } from 'node:stream';
import type { z } from 'zod/mini';
import { errorMessage, type ErrorBody, type ErrorCode } from '../../protocol/errors';
import { pickLang, type Lang } from '../../protocol/lang';

/** An answer we meant to give: a status, a code from the protocol, and which fields were wrong. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    readonly fields?: string[],
    readonly retryAfterSec?: number,
  ) {
    super(code);
    this.name = 'ApiError';
  }
}

export function langOf(req: FastifyRequest): Lang {
  return pickLang(req.headers['accept-language']);
}

/** Validates one part of a request; a failure names the offending fields, never echoes their values. */
export function parseInput<S extends z.ZodMiniType>(schema: S, value: unknown): z.output<S> {
  // No default for a missing value: a JSON `null` body is wrong, not an empty object.
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issues = result.error.issues;
  // Unknown keys are reported by name (bounded), so a client learns which field to drop.
  const names = issues.flatMap((i) =>
    i.code === 'unrecognized_keys'
      ? i.keys.map((k) => [...i.path, k].join('.').slice(0, 64))
      : [i.path.join('.')],
  );
  const fields = [...new Set(names.filter(Boolean))].slice(0, 20);
  // A domain rule that has its own code (slug_invalid, password_too_short) says so in the message.
  const specific = issues
    .map((i) => i.message)
    .find((m) => m === 'slug_invalid' || m === 'password_too_short' || m === 'text_invalid');
  throw new ApiError(400, (specific as ErrorCode | undefined) ?? 'invalid_input', fields);
}

const FASTIFY_CODES: Record<string, [number, ErrorCode]> = {
  FST_ERR_CTP_INVALID_JSON_BODY: [400, 'invalid_json'],
  FST_ERR_CTP_EMPTY_JSON_BODY: [400, 'invalid_json'],
  FST_ERR_CTP_BODY_TOO_LARGE: [413, 'body_too_large'],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: [415, 'unsupported_media_type'],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: [400, 'invalid_input'],
  FST_ERR_CTP_INVALID_TYPE: [415, 'unsupported_media_type'],
  FST_ERR_BAD_URL: [400, 'invalid_input'],
  FST_ERR_MAX_PARAM_LENGTH: [414, 'invalid_input'],
};

function toErrorAnswer(err: FastifyError | ApiError | Error): {
  status: number;
  code: ErrorCode;
  fields?: string[];
} {
  if (err instanceof ApiError) return { status: err.status, code: err.code, fields: err.fields };
  const fe = err as FastifyError;
  const known = fe.code ? FASTIFY_CODES[fe.code] : undefined;
  if (known) return { status: known[0], code: known[1] };
  // JSON.parse errors and prototype-poisoning refusals arrive as plain 400s.
  if (err instanceof SyntaxError || fe.statusCode === 400) return { status: 400, code: 'invalid_json' };
  if (fe.statusCode === 413) return { status: 413, code: 'body_too_large' };
  if (fe.statusCode === 404) return { status: 404, code: 'not_found' };
  if (fe.statusCode === 405) return { status: 405, code: 'method_not_allowed' };
  if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500)
    return { status: fe.statusCode, code: 'invalid_input' };
  if (isDatabaseDown(err)) return { status: 503, code: 'unavailable' };
  return { status: 500, code: 'internal' };
}

function isDatabaseDown(err: Error): boolean {
  const code = (err as { code?: string }).code ?? '';
  return ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', '57P01', '57P03', '08006', '08001'].includes(code);
}

/** A not-found GET may still be a page of the single-page app; `fallback` answers those. */
export type NotFoundFallback = (req: FastifyRequest, reply: FastifyReply) => unknown;

/**
 * Every error answer, from a route or from the router itself (Fastify's `frameworkErrors`: bad URL
 * encoding, over-long parameters), takes the same {code, message} shape.
 */
export function answerError(err: FastifyError | ApiError | Error, req: FastifyRequest, reply: FastifyReply) {
  const { status, code, fields } = toErrorAnswer(err);
  if (status >= 500) req.log.error({ err }, 'request failed');
  if (err instanceof ApiError && err.retryAfterSec !== undefined) {
    reply.header('retry-after', String(err.retryAfterSec));
  }
  const body: ErrorBody = { code, message: errorMessage(code, langOf(req)) };
  if (fields?.length) body.fields = fields;
  return reply.status(status).send(body);
}

export function installErrorHandling(app: FastifyInstance, fallback?: NotFoundFallback): void {
  app.setErrorHandler(answerError);
  app.setNotFoundHandler((req, reply) => {
    if (fallback && (req.method === 'GET' || req.method === 'HEAD') && !req.url.startsWith('/api/')) {
      return fallback(req, reply);
    }
    const body: ErrorBody = { code: 'not_found', message: errorMessage('not_found', langOf(req)) };
    return reply.status(404).send(body);
  });
}

/**
 * Node's own answers before a request reaches Fastify (issue #15): a request whose headers or body
 * did not arrive within the timeouts, headers too large, or bytes that are not HTTP. They still
 * take the {code, message} shape; there is no Accept-Language to read yet, so the message is Korean.
 */
export function clientErrorAnswer(err: Error & { code?: string }, socket: Duplex): void {
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, reason, code]: [number, string, ErrorCode] =
    err.code === 'ERR_HTTP_REQUEST_TIMEOUT'
      ? [408, 'Request Timeout', 'request_timeout']
      : err.code === 'HPE_HEADER_OVERFLOW'
        ? [431, 'Request Header Fields Too Large', 'invalid_input']
        : [400, 'Bad Request', 'invalid_input'];
  const body = JSON.stringify({ code, message: errorMessage(code, pickLang(undefined)) } satisfies ErrorBody);
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${reason}\r\nconnection: close\r\ncontent-type: application/json; charset=utf-8\r\n` +
        `content-length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
    );
  }
  socket.destroy(err);
}
