import { retryDelayMs } from './backoff';
import { HEADER_DEVICE, HEADER_PROTOCOL, PROTOCOL_VERSION } from '../protocol/version';

/**
 * Reads the server's poke stream (S8). EventSource cannot send the device header, so this is
 * Server-Sent Events over fetch: same format, same Last-Event-ID resumption, our own reconnects.
 * Returns a stop function; pokes carry only a version.
 */
export function openPokeStream(
  url: string,
  opts: { deviceToken?: string; onPoke: (version: number) => void; onState?: (connected: boolean) => void },
): () => void {
  const controller = new AbortController();
  let lastId: string | null = null;
  let failures = 0;

  async function connectOnce(): Promise<void> {
    const headers: Record<string, string> = {
      accept: 'text/event-stream',
      [HEADER_PROTOCOL]: String(PROTOCOL_VERSION),
    };
    if (opts.deviceToken) headers[HEADER_DEVICE] = opts.deviceToken;
    if (lastId) headers['last-event-id'] = lastId;
    const res = await fetch(url, { headers, signal: controller.signal, credentials: 'same-origin' });
    if (!res.ok || !res.body) throw new Error(`stream ${res.status}`);
    opts.onState?.(true);
    failures = 0;
    const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += value;
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const event = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        let data = '';
        for (const line of event.split('\n')) {
          if (line.startsWith('id:')) lastId = line.slice(3).trim();
          else if (line.startsWith('data:')) data += line.slice(5).trim();
        }
        if (!data) continue;
        try {
          const { version } = JSON.parse(data) as { version: unknown };
          if (typeof version === 'number') opts.onPoke(version);
        } catch {
          /* a malformed event is skipped; the periodic pull covers it */
        }
      }
    }
  }

  void (async () => {
    while (!controller.signal.aborted) {
      try {
        await connectOnce();
      } catch {
        /* offline or server down: reconnect below */
      }
      opts.onState?.(false);
      if (controller.signal.aborted) return;
      failures++;
      // The same backoff as the sync runner: reconnecting is how a device learns the server is back.
      const delay = retryDelayMs(failures);
      await new Promise((r) => setTimeout(r, delay));
    }
  })();
  return () => controller.abort();
}
