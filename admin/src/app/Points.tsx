/** A party member's points this year: the total and its parts, the entries, and their rank in their branch. */
import { useState } from 'react';
import { APP_POINTS, APP_RANKING } from './documents.ts';
import { useApp, useRead } from './hooks.ts';
import { formatDate, Loading } from './ui.tsx';

export function Points() {
  const { t, locale, me } = useApp();
  const [year] = useState(() => new Date(Date.now() + 8 * 3600_000).getUTCFullYear());
  // The branch: the unit the person is a party member of.
  const branch = me.roles.find((r) => r.role === 'PARTY_MEMBER')?.orgUnit.id ?? null;
  const points = useRead(APP_POINTS, { year });
  if (!points.data) return <Loading failed={points.failed} onRetry={points.reload} />;
  const summary = points.data.me.points;
  return (
    <section aria-labelledby="points">
      <h1 id="points">{t('points.title', { year })}</h1>
      {summary ? (
        <>
          <div className="panel points-total">
            <span className="muted">{t('points.total')}</span>
            <span className="big-number">{summary.total}</span>
            {branch && <Rank unit={branch} year={year} />}
          </div>
          <dl className="breakdown">
            <div>
              <dt>{t('points.basic')}</dt>
              <dd>{summary.basic}</dd>
            </div>
            <div>
              <dt>{t('points.positive')}</dt>
              <dd>+{summary.positive}</dd>
            </div>
            <div>
              <dt>{t('points.deductions')}</dt>
              <dd>−{summary.deductions}</dd>
            </div>
          </dl>
          <h2>{t('points.entries')}</h2>
          {summary.entries.length === 0 ? (
            <p className="empty">{t('points.noEntries')}</p>
          ) : (
            <ul className="entries">
              {summary.entries.map((entry) => (
                <li key={entry.id}>
                  <span className="entry-reason">{entry.reason}</span>
                  <span className="muted">{formatDate(locale, entry.at, false)}</span>
                  <span className={entry.kind === 'DEDUCTION' ? 'entry-amount minus' : 'entry-amount'}>
                    {entry.kind === 'DEDUCTION' ? '−' : '+'}
                    {entry.amount}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </>
      ) : (
        <p className="empty">{t('points.none')}</p>
      )}
    </section>
  );
}

function Rank({ unit, year }: { unit: string; year: number }) {
  const { t, me } = useApp();
  const ranking = useRead(APP_RANKING, { unit, year });
  if (!ranking.data) return null;
  const row = ranking.data.pointRanking.find((r) => r.member.id === me.id);
  return <span className="rank">{row ? t('points.rank', { rank: row.rank }) : t('points.noRank')}</span>;
}
