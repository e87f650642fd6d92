import { useSyncExternalStore } from 'react';

/**
 * The new-order chime, made with WebAudio (an oscillator, no sound file to download or cache). The
 * only module that touches AudioContext. Browsers start audio only after a tap on the page, so the
 * owner arms it once; the choice is remembered on the tablet (localStorage: a reload, a closed tab
 * and a restarted browser keep it), and afterwards the first tap anywhere resumes the sound without
 * hunting for the button again.
 */
export type ChimeState = 'off' | 'on' | 'unsupported';

const ARMED_KEY = 'dangol.chimeArmed';
/** Two alternating tones, three beeps: loud and unlike any notification sound of the tablet's own. */
const TONES_HZ = [988, 1319, 988];
const BEEP_S = 0.18;
const GAP_S = 0.06;
const VOLUME = 0.8;

let ctx: AudioContext | null = null;
const listeners = new Set<() => void>();
const notify = () => listeners.forEach((l) => l());

function audioClass(): typeof AudioContext | undefined {
  if (typeof window === 'undefined') return undefined;
  return (
    window.AudioContext ??
    (window as unknown as { webkitAudioContext?: typeof AudioContext }).webkitAudioContext
  );
}

function context(): AudioContext | null {
  if (ctx) return ctx;
  const Audio = audioClass();
  if (!Audio) return null;
  ctx = new Audio();
  ctx.addEventListener('statechange', notify);
  return ctx;
}

export function chimeState(): ChimeState {
  if (!audioClass()) return 'unsupported';
  return ctx?.state === 'running' ? 'on' : 'off';
}

/** From a tap (a user gesture): the browser lets the audio start now. */
export async function armChime(): Promise<void> {
  const c = context();
  if (!c) return;
  try {
    localStorage.setItem(ARMED_KEY, '1');
  } catch {
    // Storage refused (private mode): the sound still works until the page is reloaded.
  }
  await c.resume().catch(() => {});
  notify();
}

/** The sound was switched on here before: a tap anywhere will bring it back. */
export function armedEarlier(): boolean {
  try {
    return localStorage.getItem(ARMED_KEY) === '1';
  } catch {
    return false;
  }
}

/**
 * Armed earlier on this tablet: resume the sound on the first tap or key anywhere, since a reloaded
 * page may not start audio by itself. Returns the cleanup.
 */
export function resumeChimeOnFirstGesture(): () => void {
  if (!armedEarlier() || chimeState() !== 'off') return () => {};
  const onGesture = () => {
    void armChime();
    stop();
  };
  const stop = () => {
    document.removeEventListener('pointerdown', onGesture, true);
    document.removeEventListener('keydown', onGesture, true);
  };
  document.addEventListener('pointerdown', onGesture, true);
  document.addEventListener('keydown', onGesture, true);
  return stop;
}

/**
 * One chime, if the audio runs. Each chime actually scheduled on a running AudioContext is counted on
 * window.__dangolChimes: the browser tests read it to tell that the alert really rang, and stopped.
 */
export function playChime(): boolean {
  if (!ctx || ctx.state !== 'running') return false;
  const start = ctx.currentTime + 0.02;
  TONES_HZ.forEach((hz, i) => {
    const osc = ctx!.createOscillator();
    const gain = ctx!.createGain();
    const at = start + i * (BEEP_S + GAP_S);
    osc.type = 'square';
    osc.frequency.value = hz;
    // A short ramp in and out: without it each beep starts with a click.
    gain.gain.setValueAtTime(0, at);
    gain.gain.linearRampToValueAtTime(VOLUME, at + 0.01);
    gain.gain.setValueAtTime(VOLUME, at + BEEP_S - 0.02);
    gain.gain.linearRampToValueAtTime(0, at + BEEP_S);
    osc.connect(gain).connect(ctx!.destination);
    osc.start(at);
    osc.stop(at + BEEP_S);
  });
  const w = window as unknown as { __dangolChimes?: number };
  w.__dangolChimes = (w.__dangolChimes ?? 0) + 1;
  return true;
}

/**
 * A customer's chat message: two soft rising sine notes, once — gentler than the order chime and
 * unlike it, so the counter can tell "a message" from "an order" by ear. Counted on
 * window.__dangolChatChimes for the browser tests.
 */
export function playChatChime(): boolean {
  if (!ctx || ctx.state !== 'running') return false;
  const start = ctx.currentTime + 0.02;
  [659, 880].forEach((hz, i) => {
    const osc = ctx!.createOscillator();
    const gain = ctx!.createGain();
    const at = start + i * 0.22;
    osc.type = 'sine';
    osc.frequency.value = hz;
    gain.gain.setValueAtTime(0, at);
    gain.gain.linearRampToValueAtTime(0.5, at + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.001, at + 0.4);
    osc.connect(gain).connect(ctx!.destination);
    osc.start(at);
    osc.stop(at + 0.4);
  });
  const w = window as unknown as { __dangolChatChimes?: number };
  w.__dangolChatChimes = (w.__dangolChatChimes ?? 0) + 1;
  return true;
}

/** Chimes now and every `everyMs` until the returned stop is called. */
export function startRinging(everyMs: number): () => void {
  playChime();
  const timer = setInterval(playChime, everyMs);
  return () => clearInterval(timer);
}

export function useChimeState(): ChimeState {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    chimeState,
    () => 'off',
  );
}
