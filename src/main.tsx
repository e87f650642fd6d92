import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { z } from 'zod';
import { App } from './app/App';
import { registerServiceWorker } from './pwa/registerServiceWorker';
import './ui/styles.css';

// zod compiles validators with `new Function` when it can; our CSP forbids eval, and even zod's
// probe for it is reported as a violation. The interpreted path is fast enough on a phone.
z.config({ jitless: true });

registerServiceWorker();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
