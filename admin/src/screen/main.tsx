import { mount } from '../common/mount.tsx';
import { ScreenApp } from './ScreenApp.tsx';
import { locale, t } from './translate.ts';
import './screen.css';

document.documentElement.lang = locale;
document.title = t('board.title');

mount('screen.html', <ScreenApp />);
