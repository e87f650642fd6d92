/**
 * The client code calls fetch with same-origin paths ('/api/…') and relies on the browser's cookie
 * jar. In Node, this fetch does both: relative URLs go to `base`, and a session cookie is added.
 */
export function sameOriginFetch(base: string, cookie?: string, inner: typeof fetch = fetch): typeof fetch {
  return (input, init) => {
    const url = typeof input === 'string' && input.startsWith('/') ? `${base}${input}` : input;
    if (!cookie) return inner(url, init);
    const headers = new Headers(init?.headers);
    headers.set('cookie', cookie);
    return inner(url, { ...init, headers });
  };
}
