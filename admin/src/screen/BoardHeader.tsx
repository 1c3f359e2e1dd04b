import { ConnectionIndicator } from './ConnectionIndicator.tsx';
import type { NamedUnit } from './events.ts';
import { clockTime, localName, longDate } from './format.ts';
import type { LinkState } from './live.ts';
import { locale, t } from './translate.ts';

interface Props {
  unit: NamedUnit | null;
  now: Date;
  link: LinkState;
}

export const BoardHeader = ({ unit, now, link }: Props) => (
  <header className="board__header">
    <div className="board__heading">
      <h1 className="board__title">
        {unit && <span className="board__unit">{localName(unit, locale)}</span>}
        {t('board.title')}
      </h1>
      <p className="board__subtitle">{t('board.subtitle')}</p>
    </div>
    <div className="board__clock">
      <span className="board__date">{longDate(now, t)}</span>
      <span className="board__time">{clockTime(now)}</span>
    </div>
    <ConnectionIndicator state={link} />
  </header>
);
