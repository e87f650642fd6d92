import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SyncEngine } from '../../src/client/syncEngine';
import { startSyncRunner } from '../../src/client/syncRunner';
import { createSyncStatus } from '../../src/client/syncStatus';

describe('a sync runner’s status store', () => {
  it('starts online, idle, not leading, never synced', () => {
    expect(createSyncStatus().getState()).toEqual({
      online: true,
      syncing: false,
      leader: false,
      lastSyncedAt: null,
    });
  });

  it('a failure goes offline and keeps the last success; the next success comes back online', () => {
    const s = createSyncStatus();
    s.leading(true);
    s.syncing(true);
    s.synced(1_000);
    s.failed();
    expect(s.getState()).toEqual({ online: false, syncing: true, leader: true, lastSyncedAt: 1_000 });
    s.synced(2_000);
    s.syncing(false);
    s.leading(false);
    expect(s.getState()).toEqual({ online: true, syncing: false, leader: false, lastSyncedAt: 2_000 });
  });
});

describe('the runner drives its status (S9: no Web Locks here, so this tab leads)', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('leads, syncs, goes offline when the server is out of reach, and steps down when stopped', async () => {
    const events = { addEventListener: () => {}, removeEventListener: () => {} };
    vi.stubGlobal('navigator', {});
    vi.stubGlobal('window', events);
    vi.stubGlobal('document', { ...events, visibilityState: 'visible' });
    let reachable = true;
    const engine = {
      db: { observe: () => () => {} },
      syncOnce: () => (reachable ? Promise.resolve() : Promise.reject(new Error('offline'))),
    } as unknown as SyncEngine;
    const runner = startSyncRunner(engine, { lockName: 'test', intervalMs: [60_000, 60_000] });
    const seen: boolean[] = [];
    runner.status.subscribe((s) => seen.push(s.online));
    await vi.waitFor(() => expect(runner.status.getState().lastSyncedAt).not.toBeNull());
    expect(runner.status.getState()).toMatchObject({ online: true, leader: true });
    reachable = false;
    runner.kick();
    await vi.waitFor(() => expect(runner.status.getState()).toMatchObject({ online: false, syncing: false }));
    runner.stop();
    expect(runner.status.getState().leader).toBe(false);
    expect(seen).toContain(false);
  });
});
