import type { z } from 'zod/mini';

/** Nested objects carry their unknown keys in one pass; a few rounds cover a schema that reports in stages. */
const MAX_ROUNDS = 4;

/**
 * S16: reads a server's answer the way a phone running an older cached app must, ignoring fields it
 * does not know. The schemas stay strict (a request with an unknown field is still refused, and tests
 * still catch a server sending a field by mistake), so this parses strictly and, only when every
 * problem is an unknown key, drops those keys and parses again. Any other problem (a missing field, a
 * wrong type) is still a mismatch, answered as "please reload" by the caller.
 */
export function parseLenient<S extends z.ZodMiniType>(schema: S, value: unknown): ReturnType<S['safeParse']> {
  let current = value;
  let copied = false;
  for (let round = 0; ; round++) {
    const result = schema.safeParse(current) as ReturnType<S['safeParse']>;
    if (result.success || round === MAX_ROUNDS) return result;
    const issues = result.error.issues;
    if (!issues.every((i) => i.code === 'unrecognized_keys')) return result;
    if (!copied) current = structuredClone(current);
    copied = true;
    for (const issue of issues) {
      const holder = issue.path.reduce<unknown>(
        (node, key) => (node as Record<PropertyKey, unknown> | null)?.[key],
        current,
      );
      if (holder && typeof holder === 'object' && issue.code === 'unrecognized_keys')
        for (const key of issue.keys) delete (holder as Record<string, unknown>)[key];
    }
  }
}
