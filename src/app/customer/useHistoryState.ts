import { useState } from 'react';

/**
 * A piece of a page's state kept in its own history entry (history.state), so back and forward — and
 * a reload — bring back what was chosen (the date, the slot, the note) instead of the defaults (#16).
 * Only this entry holds it: a new visit to the cart starts fresh.
 */
export function useHistoryState<T>(key: string, initial: T): [T, (next: T) => void] {
  const [value, setValue] = useState<T>(() => {
    const kept = (history.state as Record<string, unknown> | null)?.[key];
    return kept === undefined ? initial : (kept as T);
  });
  return [
    value,
    (next: T) => {
      const state = (history.state as Record<string, unknown> | null) ?? {};
      history.replaceState({ ...state, [key]: next }, '');
      setValue(next);
    },
  ];
}
