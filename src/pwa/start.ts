/** Registers the service worker (precache of the whole app) with a prompt for updates. Imported once from main.tsx. */
import './zod-jitless';
import { registerSW } from 'virtual:pwa-register';
import { setPwaState, setUpdater } from './state';

const HOUR = 60 * 60 * 1000;

if ('serviceWorker' in navigator && import.meta.env.PROD) {
  const update = registerSW({
    immediate: true,
    onNeedRefresh: () => setPwaState({ needRefresh: true }),
    onOfflineReady: () => setPwaState({ offlineReady: true }),
    onRegisteredSW(_url, reg) {
      // look for a new version now and then while the app stays open (only when online)
      if (reg) setInterval(() => void (navigator.onLine && reg.update().catch(() => undefined)), HOUR);
    },
  });
  setUpdater(update);
}
