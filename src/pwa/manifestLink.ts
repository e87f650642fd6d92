import type { Lang } from '../protocol/lang';

/** Korean is the default manifest (vite.config.ts); English is a static file in public/. */
const MANIFEST_BY_LANG: Record<Lang, string> = {
  ko: '/manifest.webmanifest',
  en: '/manifest.en.webmanifest',
};

/**
 * Points <link rel="manifest"> at the manifest in the user's language, so "Add to home screen"
 * offers the app under a name the user reads. Both manifests share one `id`, so switching language
 * never makes a second app. Does nothing where the build injected no link (the dev server).
 */
export function setManifestLang(lang: Lang): void {
  const link = document.querySelector<HTMLLinkElement>('link[rel="manifest"]');
  const href = MANIFEST_BY_LANG[lang];
  if (link && link.getAttribute('href') !== href) link.setAttribute('href', href);
}
