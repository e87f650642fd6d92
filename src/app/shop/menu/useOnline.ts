import { useEffect, useState } from 'react';

/**
 * Whether the browser has a network at all. A server that is down while the network is up is found
 * out by the edit itself (it answers "cannot reach the server"); this only spares the owner a form
 * that cannot be sent.
 */
export function useOnline(): boolean {
  const [online, setOnline] = useState(() => navigator.onLine);
  useEffect(() => {
    const update = () => setOnline(navigator.onLine);
    window.addEventListener('online', update);
    window.addEventListener('offline', update);
    return () => {
      window.removeEventListener('online', update);
      window.removeEventListener('offline', update);
    };
  }, []);
  return online;
}
