import { afterEach, describe, expect, it, vi } from 'vitest';

/** Just enough of WebAudio for the state: starts suspended, resumes on a tap, can be suspended. */
class FakeAudioContext {
  state: AudioContextState = 'suspended';
  private listeners: (() => void)[] = [];
  addEventListener(_: 'statechange', l: () => void) {
    this.listeners.push(l);
  }
  async resume() {
    this.set('running');
  }
  set(state: AudioContextState) {
    this.state = state;
    this.listeners.forEach((l) => l());
  }
}

async function loadChime(audio: typeof FakeAudioContext | undefined) {
  const saved = new Map<string, string>();
  vi.stubGlobal('window', { AudioContext: audio });
  vi.stubGlobal('localStorage', {
    getItem: (k: string) => saved.get(k) ?? null,
    setItem: (k: string, v: string) => saved.set(k, v),
  });
  vi.resetModules();
  return { chime: await import('../../../../src/app/shop/board/chime'), saved };
}

afterEach(() => vi.unstubAllGlobals());

describe('the chime store', () => {
  it('is off until armed by a tap, then on and remembered; the browser suspending it turns it off', async () => {
    const { chime, saved } = await loadChime(FakeAudioContext);
    const seen: string[] = [];
    chime.chimeStore.subscribe((s) => seen.push(s.sound));
    expect(chime.chimeStore.getState().sound).toBe('off');
    expect(chime.armedEarlier()).toBe(false);
    await chime.armChime();
    expect(chime.chimeStore.getState().sound).toBe('on');
    expect(saved.get('dangol.chimeArmed')).toBe('1');
    expect(chime.armedEarlier()).toBe(true);
    expect(chime.chimeState()).toBe('on');
    expect(seen).toEqual(['on']);
  });

  it('follows the AudioContext when the browser suspends it', async () => {
    const made: FakeAudioContext[] = [];
    class Tracked extends FakeAudioContext {
      constructor() {
        super();
        made.push(this);
      }
    }
    const { chime } = await loadChime(Tracked);
    await chime.armChime();
    made[0]!.set('suspended');
    expect(chime.chimeStore.getState().sound).toBe('off');
    made[0]!.set('running');
    expect(chime.chimeStore.getState().sound).toBe('on');
  });

  it('says unsupported where the browser has no WebAudio', async () => {
    const { chime } = await loadChime(undefined);
    expect(chime.chimeStore.getState().sound).toBe('unsupported');
    await chime.armChime();
    expect(chime.chimeStore.getState().sound).toBe('unsupported');
  });
});
