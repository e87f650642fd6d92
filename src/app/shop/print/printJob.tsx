import { useLayoutEffect, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import type { Paper } from '../../../print/paper';
import '../../../print/print.css';

/**
 * Printing from the browser: the document to print is rendered into its own container at the end of
 * <body> (`.print-area`), which the print style sheet shows alone while the screen never sees it, and
 * then window.print() prints it. One job at a time: auto-print may queue several slips in a row.
 *
 * The container stays until the browser says printing is over (`afterprint`) or the next job
 * replaces it, so what was printed can be looked at again in print emulation.
 */

const ROLL_MM: Partial<Record<Paper, number>> = { slip58: 58, slip80: 80 };
/** Paper fed past the last line, so the cutter does not clip it. */
const TEAR_OFF_MM = 6;
const MM_PER_PX = 25.4 / 96;

let current: { root: Root; host: HTMLElement } | null = null;
let queue: Promise<void> = Promise.resolve();
let rollSheet: CSSStyleSheet | null = null;

function clear(): void {
  if (!current) return;
  current.root.unmount();
  current.host.remove();
  current = null;
}

function Committed({ onCommit, children }: { onCommit: () => void; children: ReactNode }) {
  useLayoutEffect(onCommit, [onCommit]);
  return children;
}

/**
 * A thermal roll has no page length: the page is as long as the slip. The static rules in print.css
 * give a fallback length; this sets the measured one through a constructed style sheet (the CSP
 * forbids inline <style>, not the CSS object model).
 */
function fitRoll(paper: Paper, host: HTMLElement): void {
  const width = ROLL_MM[paper];
  if (!width || typeof CSSStyleSheet === 'undefined' || !('adoptedStyleSheets' in document)) return;
  const length = Math.ceil(host.scrollHeight * MM_PER_PX) + TEAR_OFF_MM;
  try {
    if (!rollSheet) {
      rollSheet = new CSSStyleSheet();
      document.adoptedStyleSheets = [...document.adoptedStyleSheets, rollSheet];
    }
    rollSheet.replaceSync(`@page ${paper} { size: ${width}mm ${length}mm; margin: 0; }`);
  } catch {
    // An older browser: the fallback page length from print.css applies.
  }
}

async function printNow(content: ReactNode, paper: Paper): Promise<void> {
  clear();
  const host = document.createElement('div');
  host.className = `print-area print-${paper}`;
  host.dataset.paper = paper;
  document.body.append(host);
  const root = createRoot(host);
  const job = { root, host };
  current = job;
  await new Promise<void>((resolve) => root.render(<Committed onCommit={resolve}>{content}</Committed>));
  fitRoll(paper, host);
  window.addEventListener('afterprint', () => current === job && clear(), { once: true });
  window.print();
}

/** Prints `content` on `paper` after any job before it; resolves once the browser was asked to print. */
export function printDocument(content: ReactNode, paper: Paper): Promise<void> {
  const job = queue.then(() => printNow(content, paper));
  queue = job.catch(() => {});
  return job;
}
