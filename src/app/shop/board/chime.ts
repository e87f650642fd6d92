import { createStore, useStore, type ReadableStore } from '../../../ui/store';

/**
 * The new-order chime, made with WebAudio (an oscillator, no sound file to download or cache). The
 * only module that touches AudioContext. Browsers start audio only after a tap on the page, so the
 * owner arms it once; the choice is remembered on the tablet (localStorage: a reload, a closed tab
 * and a restarted browser keep it), and afterwards the first tap anywhere resumes the sound without
 * hunting for the button again.
 */
export type ChimeState = 'off' | 'on' | 'unsupported';

const ARMED_KEY = 'dangol.chimeArmed';
interface Pattern {
  tones: number[];
  beepS: number;
  gapS: number;
  volume: number;
  wave: OscillatorType;
  /** Where the browser tests count this pattern's chimes. */
  counter: '__dangolChimes' | '__dangolUrgentChimes';
}

/** Two alternating tones, three beeps: loud and unlike any notification sound of the tablet's own. */
const NEW_ORDER: Pattern = {
  tones: [988, 1319, 988],
  beepS: 0.18,
  gapS: 0.06,
  volume: 0.8,
  wave: 'square',
  counter: '__dangolChimes',
};

/**
 * Issue #17: an order still waiting after the shop's minutes. Six short beeps, higher, at full volume,
 * with a sawtooth's harsher edge: heard over a fryer and a radio, and not mistaken for the first chime.
 */
const OVERDUE: Pattern = {
  tones: [1319, 1760, 1319, 1760, 1319, 1760],
  beepS: 0.11,
  gapS: 0.04,
  volume: 1,
  wave: 'sawtooth',
  counter: '__dangolUrgentChimes',
};

let ctx: AudioContext | null = null;
/** What the sound strip shows, kept in step with the AudioContext: its statechange, and arming. */
const store = createStore<{ sound: ChimeState }>(() => ({ sound: chimeState() }));
export const chimeStore: ReadableStore<{ sound: ChimeState }> = store;
const notify = () => {
  const sound = chimeState();
  if (store.getState().sound !== sound) store.setState({ sound });
};

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
  return play(NEW_ORDER);
}

/** The louder, more insistent chime for an order left waiting (#17); counted on window.__dangolUrgentChimes. */
export function playUrgentChime(): boolean {
  return play(OVERDUE);
}

function play(p: Pattern): boolean {
  if (!ctx || ctx.state !== 'running') return false;
  const start = ctx.currentTime + 0.02;
  p.tones.forEach((hz, i) => {
    const osc = ctx!.createOscillator();
    const gain = ctx!.createGain();
    const at = start + i * (p.beepS + p.gapS);
    osc.type = p.wave;
    osc.frequency.value = hz;
    // A short ramp in and out: without it each beep starts with a click.
    gain.gain.setValueAtTime(0, at);
    gain.gain.linearRampToValueAtTime(p.volume, at + 0.01);
    gain.gain.setValueAtTime(p.volume, at + p.beepS - 0.02);
    gain.gain.linearRampToValueAtTime(0, at + p.beepS);
    osc.connect(gain).connect(ctx!.destination);
    osc.start(at);
    osc.stop(at + p.beepS);
  });
  const w = window as unknown as Record<Pattern['counter'], number | undefined>;
  w[p.counter] = (w[p.counter] ?? 0) + 1;
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

/** Chimes now and every `everyMs` until the returned stop is called (`chime`: which sound). */
export function startRinging(everyMs: number, chime: () => boolean = playChime): () => void {
  chime();
  const timer = setInterval(chime, everyMs);
  return () => clearInterval(timer);
}

export function useChimeState(): ChimeState {
  return useStore(store, (s) => s.sound);
}
