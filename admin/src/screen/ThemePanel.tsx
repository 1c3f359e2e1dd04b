import { localName } from './format.ts';
import { locale, t } from './translate.ts';
import type { BoardTheme } from './use-board.ts';

interface Props {
  theme: BoardTheme | null;
  loaded: boolean;
}

export const ThemePanel = ({ theme, loaded }: Props) => (
  <section className="panel theme" aria-labelledby="theme-title">
    <h2 className="panel__title" id="theme-title">
      {t('theme.title')}
    </h2>
    {theme ? (
      <>
        {theme.brand && <span className="theme__brand">{localName(theme.brand, locale)}</span>}
        <p className="theme__title" data-testid="screen-theme">
          {theme.title}
        </p>
      </>
    ) : (
      loaded && <p className="panel__empty">{t('theme.none')}</p>
    )}
  </section>
);
