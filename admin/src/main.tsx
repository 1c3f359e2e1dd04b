import { App } from './App.tsx';
import { mount } from './common/mount.tsx';

mount('index.html', <App />);
