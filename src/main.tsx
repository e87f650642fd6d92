import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { z } from 'zod/mini';
import { App } from './app/App';
import { getLang, loadLang } from './i18n';
import { registerServiceWorker } from './pwa/registerServiceWorker';
import './ui/styles.css';

// zod can compile validators with `new Function`; our CSP forbids eval, and even zod's probe for it
// is reported as a violation. zod/mini's schemas are interpreted anyway; this keeps it so for
// anything that would compile. The interpreted path is fast enough on a phone.
z.config({ jitless: true });

registerServiceWorker();

// The reader's words first (English is a chunk of its own); Korean, the fallback, is always here.
void loadLang(getLang()).finally(() =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  ),
);
