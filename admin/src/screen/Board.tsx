import { ActivitiesPanel } from './ActivitiesPanel.tsx';
import { BoardHeader } from './BoardHeader.tsx';
import { themeOfMonth } from './counts.ts';
import { EventFeed } from './EventFeed.tsx';
import { SatisfactionPanel } from './SatisfactionPanel.tsx';
import { StatusPanel } from './StatusPanel.tsx';
import { ThemePanel } from './ThemePanel.tsx';
import { t } from './translate.ts';
import { useBoard } from './use-board.ts';

interface Props {
  token: string;
  unitId: string | null;
  onSignedOut: () => void;
}

/** The whole wall: one 16:9 grid that fits the viewport, never scrolls. */
export const Board = ({ token, unitId, onSignedOut }: Props) => {
  const { figures, events, liveAfter, link, problem, now } = useBoard(token, unitId, onSignedOut);
  const theme = figures ? themeOfMonth(figures.themes, figures.monthNumber) : null;
  return (
    <div className="board" data-testid="screen-board">
      <BoardHeader unit={figures?.unit ?? null} now={now} link={link} />
      <main className="board__grid">
        <div className="board__column">
          <StatusPanel today={figures?.today} week={figures?.week} />
          <SatisfactionPanel month={figures?.month} />
        </div>
        <EventFeed events={events} liveAfter={liveAfter} now={now} />
        <div className="board__column">
          <ThemePanel theme={theme} loaded={figures !== null} />
          <ActivitiesPanel activities={figures?.activities} />
        </div>
      </main>
      {problem && (
        <div className="board__notice" role="status" data-testid="screen-problem">
          {t(`board.${problem}`)}
        </div>
      )}
    </div>
  );
};
