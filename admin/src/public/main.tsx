import { mount } from '../common/mount.tsx';
import { PublicApp } from './PublicApp.tsx';
import './public.css';

mount('public.html', <PublicApp />);
