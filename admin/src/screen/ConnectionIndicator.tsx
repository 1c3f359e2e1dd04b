import type { LinkState } from './live.ts';
import { t } from './translate.ts';

/** A small dot and word in the corner: live, or (re)connecting. */
export const ConnectionIndicator = ({ state }: { state: LinkState }) => (
  <div className={`link link--${state}`} data-testid="screen-live" data-status={state} role="status">
    <span className="link__dot" aria-hidden="true" />
    {t(`link.${state}`)}
  </div>
);
