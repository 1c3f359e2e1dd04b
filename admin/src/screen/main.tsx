import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ScreenApp } from './ScreenApp.tsx';
import { locale, t } from './translate.ts';
import './screen.css';

document.documentElement.lang = locale;
document.title = t('board.title');

const container = document.getElementById('root');
if (container === null) throw new Error('screen.html has no #root element');

createRoot(container).render(
  <StrictMode>
    <ScreenApp />
  </StrictMode>,
);
