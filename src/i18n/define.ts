/**
 * A feature's words in both languages side by side: a key cannot exist in one language only, and each
 * screen's text lives next to its siblings rather than in one ever-growing file.
 */
export function defineMessages<K extends string>(m: {
  ko: Record<K, string>;
  en: NoInfer<Record<K, string>>;
}): { ko: Record<K, string>; en: Record<K, string> } {
  return m;
}
