import { mount } from '../common/mount.tsx';
import { AppShell } from './AppShell.tsx';
import './app.css';

mount('app.html', <AppShell />);

// The service worker serves the app shell when offline (public/app-sw.js); /graphql always goes to the network.
if ('serviceWorker' in navigator && import.meta.env.PROD) {
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('/app/sw.js', { scope: '/app/' }).catch(() => undefined);
  });
}
