import { type ReactNode, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

/** Renders a page's app (the panel, the board) into the #root element of its HTML page. */
export function mount(page: string, app: ReactNode): void {
  const container = document.getElementById('root');
  if (container === null) throw new Error(`${page} has no #root element`);
  createRoot(container).render(<StrictMode>{app}</StrictMode>);
}
