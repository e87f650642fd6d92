import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PATHS, type DrillRecord, type OrderPath, type ServerTruth } from './record';
import type { Verdict } from './verdict';

const PATH_LABEL: Record<OrderPath, string> = {
  online: 'online (phone screen, server up)',
  offline: 'offline, then synced (phone screen)',
  sms: 'SMS hand-off, imported on the tablet',
  phone_order: 'phone call, typed in on the second tablet',
  background: 'background phones (client code, no screen)',
};

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const secs = (ms: number | null) => (ms === null ? '—' : `${(ms / 1000).toFixed(1)} s`);

/**
 * The day at a glance: orders placed per shop-time bucket (bars), the outage (shaded), changes waiting
 * on phones and on tablets (lines), offline stretches (ticks along the bottom).
 */
export function timelineSvg(record: DrillRecord, minuteMs: number): string {
  const W = 900;
  const H = 320;
  const pad = { l: 50, r: 50, t: 30, b: 60 };
  const t0 = record.startedAt;
  const t1 = Math.max(record.endedAt, t0 + 1);
  const x = (t: number) => pad.l + ((t - t0) / (t1 - t0)) * (W - pad.l - pad.r);
  const plotH = H - pad.t - pad.b;
  const bucketMs = minuteMs * 5;
  const buckets = Math.max(1, Math.ceil((t1 - t0) / bucketMs));
  const counts = new Array<number>(buckets).fill(0);
  for (const o of record.orders) {
    const i = Math.floor((o.placedAt - t0) / bucketMs);
    if (i >= 0 && i < buckets) counts[i]!++;
  }
  const maxCount = Math.max(1, ...counts);
  const maxQueue = Math.max(1, ...record.samples.map((s) => Math.max(s.phoneQueue, s.tabletQueue)));
  const yBar = (n: number) => pad.t + plotH - (n / maxCount) * plotH;
  const yQ = (n: number) => pad.t + plotH - (n / maxQueue) * plotH;
  const parts: string[] = [];
  if (record.outage) {
    const a = x(record.outage.killedAt);
    const b = x(record.outage.backAt);
    parts.push(
      `<rect x="${a}" y="${pad.t}" width="${b - a}" height="${plotH}" fill="#f8d7da"/>`,
      `<text x="${(a + b) / 2}" y="${pad.t - 8}" text-anchor="middle" font-size="12" fill="#842029">server killed (SIGKILL) → back</text>`,
    );
  }
  counts.forEach((n, i) => {
    const bx = x(t0 + i * bucketMs);
    const bw = Math.max(1, x(t0 + (i + 1) * bucketMs) - bx - 1);
    parts.push(
      `<rect x="${bx}" y="${yBar(n)}" width="${bw}" height="${pad.t + plotH - yBar(n)}" fill="#9ec5fe"/>`,
    );
  });
  const line = (pick: (s: DrillRecord['samples'][number]) => number, color: string) =>
    `<polyline fill="none" stroke="${color}" stroke-width="2" points="${record.samples
      .map((s) => `${x(s.at).toFixed(1)},${yQ(pick(s)).toFixed(1)}`)
      .join(' ')}"/>`;
  parts.push(
    line((s) => s.phoneQueue, '#d63384'),
    line((s) => s.tabletQueue, '#198754'),
  );
  const devices = [...new Set(record.offline.map((o) => o.device))].sort();
  for (const o of record.offline) {
    const row = devices.indexOf(o.device);
    const y = H - pad.b + 14 + (row % 8) * 4;
    parts.push(
      `<line x1="${x(o.from)}" x2="${Math.max(x(o.to), x(o.from) + 2)}" y1="${y}" y2="${y}" stroke="#6c757d" stroke-width="3"/>`,
    );
  }
  // Axis in shop time: one label per shop hour.
  const hours = Math.floor((t1 - t0) / (minuteMs * 60));
  for (let h = 0; h <= hours; h++) {
    const tx = x(t0 + h * 60 * minuteMs);
    parts.push(
      `<line x1="${tx}" x2="${tx}" y1="${pad.t + plotH}" y2="${pad.t + plotH + 4}" stroke="#333"/>`,
      `<text x="${tx}" y="${pad.t + plotH + 50}" font-size="11" text-anchor="middle">${h} h</text>`,
    );
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="Timeline of the drill day" font-family="sans-serif">
<rect width="${W}" height="${H}" fill="white"/>
${parts.join('\n')}
<line x1="${pad.l}" x2="${W - pad.r}" y1="${pad.t + plotH}" y2="${pad.t + plotH}" stroke="#333"/>
<text x="${pad.l - 6}" y="${pad.t + 4}" font-size="11" text-anchor="end">${maxCount}</text>
<text x="${pad.l - 6}" y="${pad.t + plotH}" font-size="11" text-anchor="end">0</text>
<text x="${W - pad.r + 6}" y="${pad.t + 4}" font-size="11">${maxQueue}</text>
<text x="12" y="${pad.t + plotH / 2}" font-size="11" transform="rotate(-90 12 ${pad.t + plotH / 2})" text-anchor="middle">orders / 5 shop min</text>
<text x="${W - 12}" y="${pad.t + plotH / 2}" font-size="11" transform="rotate(90 ${W - 12} ${pad.t + plotH / 2})" text-anchor="middle">changes waiting</text>
<g font-size="11">
<rect x="${pad.l}" y="${H - 14}" width="10" height="10" fill="#9ec5fe"/><text x="${pad.l + 14}" y="${H - 5}">orders placed</text>
<rect x="${pad.l + 110}" y="${H - 14}" width="10" height="10" fill="#f8d7da"/><text x="${pad.l + 124}" y="${H - 5}">backend down</text>
<line x1="${pad.l + 220}" x2="${pad.l + 240}" y1="${H - 9}" y2="${H - 9}" stroke="#d63384" stroke-width="2"/><text x="${pad.l + 244}" y="${H - 5}">queued on phones</text>
<line x1="${pad.l + 360}" x2="${pad.l + 380}" y1="${H - 9}" y2="${H - 9}" stroke="#198754" stroke-width="2"/><text x="${pad.l + 384}" y="${H - 5}">queued on tablets</text>
<line x1="${pad.l + 500}" x2="${pad.l + 520}" y1="${H - 9}" y2="${H - 9}" stroke="#6c757d" stroke-width="3"/><text x="${pad.l + 524}" y="${H - 5}">a device offline</text>
</g>
</svg>`;
}

export function reportMarkdown(record: DrillRecord, truth: ServerTruth, v: Verdict, seconds: number): string {
  const f = v.figures;
  const o = record.options as {
    minutes: number;
    hours: number;
    rate: number;
    browserRate: number;
    outageMinutes: number;
  };
  const outageS = record.outage ? (record.outage.backAt - record.outage.killedAt) / 1000 : 0;
  const lines = [
    `# Outage drill — ${v.passed ? 'PASSED' : 'FAILED'}`,
    '',
    `Seed **${record.seed}** (replay: \`npm run drill -- --seed ${record.seed}\` with the same options) · ` +
      `${o.hours} shop hours in ${o.minutes} min · ${o.rate} orders/h (${o.browserRate}/h on Chromium screens) · ` +
      `backend SIGKILLed for ${o.outageMinutes} shop min (${outageS.toFixed(1)} s) · ${record.database} · run took ${seconds.toFixed(0)} s`,
    '',
    '## Figures',
    '',
    '| | |',
    '|---|---|',
    `| Orders placed | ${f.placed} |`,
    ...PATHS.map((p) => `| — ${PATH_LABEL[p]} | ${f.byPath[p]} |`),
    `| Reached the shop exactly once | ${f.reachedOnce} |`,
    `| Refused by the server and shown so on the phone | ${f.refused}${
      Object.keys(f.refusedByCode).length
        ? ` (${Object.entries(f.refusedByCode)
            .map(([c, n]) => `${c}: ${n}`)
            .join(', ')})`
        : ''
    } |`,
    `| Lost | ${f.lost} |`,
    `| Doubled | ${f.doubled} |`,
    `| Rejected by the shop (each with a reason) | ${f.rejected} |`,
    `| SMS hand-offs imported on the tablet | ${f.smsImported} |`,
    `| Kitchen slips printed | ${f.prints} |`,
    `| Sold-out marks | ${f.soldOutMarks} |`,
    `| Chat messages sent / on the server | ${f.chats.sent} / ${f.chats.onServer} |`,
    `| Offline stretches (phones and tablets) | ${f.offlineStretches} |`,
    `| Time to converge after the server's return (slowest device) | ${secs(f.convergeMs)} |`,
    `| Longest an order waited on a phone | ${secs(f.longestWaitMs)}${f.longestWaitOrder ? ` (${f.longestWaitOrder.slice(0, 8)})` : ''} |`,
    `| Orders on the server at the end | ${truth.orders.length} |`,
    '',
    '## Timeline',
    '',
    '![timeline](timeline.svg)',
    '',
    '## Verdict',
    '',
    v.passed
      ? 'Every rule held: exactly once, honest states, rejection reasons seen, devices in step within the limit, sold-out and quota.'
      : `${v.breaches.length} breach(es):`,
    ...v.breaches.slice(0, 200).map((b) => `- **${b.rule}** \`${b.subject}\`: ${b.detail}`),
    '',
    '## Convergence per device (ms after the server was back)',
    '',
    record.converge.map((c) => `${c.device}: ${c.ms ?? 'never'}`).join(' · '),
  ];
  if (record.notes.length) {
    lines.push('', '## Notes from the run', '', ...record.notes.slice(0, 100).map((n) => `- ${n}`));
    if (record.notes.length > 100) lines.push(`- … ${record.notes.length - 100} more in record.json`);
  }
  return lines.join('\n') + '\n';
}

/** drill-report/: report.md (+ timeline.svg), report.html (the same, picture inline) and record.json. */
export function writeReport(
  dir: string,
  record: DrillRecord,
  truth: ServerTruth,
  v: Verdict,
  seconds: number,
): string {
  mkdirSync(dir, { recursive: true });
  const o = record.options as { minutes: number; hours: number };
  const minuteMs = (o.minutes * 60_000) / (o.hours * 60);
  const svg = timelineSvg(record, minuteMs);
  const md = reportMarkdown(record, truth, v, seconds);
  writeFileSync(join(dir, 'timeline.svg'), svg);
  writeFileSync(join(dir, 'report.md'), md);
  const html = `<!doctype html><html lang="en"><meta charset="utf-8"><title>Outage drill</title>
<body style="font-family:sans-serif;max-width:960px;margin:2em auto"><pre style="white-space:pre-wrap">${esc(md).replace('![timeline](timeline.svg)', '</pre>' + svg + '<pre style="white-space:pre-wrap">')}</pre></body></html>`;
  writeFileSync(join(dir, 'report.html'), html);
  writeFileSync(join(dir, 'record.json'), JSON.stringify({ record, verdict: v }, null, 1));
  return join(dir, 'report.md');
}
