/**
 * The street's public board at /public/<orgUnitId>: no login, read-only, Simplified Chinese, for a phone and a
 * desktop alike. Re-read every minute; when a refresh fails the last figures stay with a note.
 */
import { useCallback, useEffect, useState } from 'react';
import { streetDate } from '../common/street-time.ts';
import { ApiError, request } from '../data/graphql-fetch.ts';
import { PUBLIC_BOARD, type PublicBoardData, unitIdFromPath } from './query.ts';

export const REFRESH_MS = 60_000;

type Failure = 'NOT_FOUND' | 'BAD_ADDRESS' | 'UNAVAILABLE';

const pad = (n: number) => String(n).padStart(2, '0');

function when(at: string): string {
  const d = streetDate(new Date(at));
  const weekday = ['一', '二', '三', '四', '五', '六', '日'][d.weekday - 1];
  return `${d.month}月${d.day}日 周${weekday} ${pad(d.hours)}:${pad(d.minutes)}`;
}

const rating = (value: number | null) => (value === null ? '—' : value.toFixed(1));
const days = (value: number | null) =>
  value === null ? '—' : value < 10 ? value.toFixed(1) : String(Math.round(value));

function Figure(props: { id: string; label: string; value: string; unit?: string; note?: string }) {
  return (
    <section className="figure" data-testid={`public-${props.id}`}>
      <h2>{props.label}</h2>
      <p className="figure__value">
        <span data-testid={`public-${props.id}-value`}>{props.value}</span>
        {props.unit ? <small>{props.unit}</small> : null}
      </p>
      {props.note ? <p className="figure__note">{props.note}</p> : null}
    </section>
  );
}

export function PublicApp() {
  const unitId = unitIdFromPath(window.location.pathname);
  const [board, setBoard] = useState<PublicBoardData | null>(null);
  const [failure, setFailure] = useState<Failure | null>(unitId === null ? 'BAD_ADDRESS' : null);
  const [updatedAt, setUpdatedAt] = useState<Date | null>(null);
  const [stale, setStale] = useState(false);

  const load = useCallback(async () => {
    if (unitId === null) return;
    try {
      const data = await request<{ publicBoard: PublicBoardData }>(PUBLIC_BOARD, { orgUnitId: unitId }, null);
      setBoard(data.publicBoard);
      setFailure(null);
      setStale(false);
      setUpdatedAt(new Date());
    } catch (error) {
      const code = error instanceof ApiError ? error.code : 'NETWORK';
      if (code === 'NOT_FOUND' || code === 'BAD_USER_INPUT') {
        // Switched off by the street, or not a street or community: nothing to show.
        setBoard(null);
        setFailure('NOT_FOUND');
      } else {
        setStale(true);
        setFailure((f) => f ?? 'UNAVAILABLE');
      }
    }
  }, [unitId]);

  useEffect(() => {
    void load();
    const timer = window.setInterval(() => void load(), REFRESH_MS);
    return () => window.clearInterval(timer);
  }, [load]);

  useEffect(() => {
    document.title = board ? `${board.unit.nameZh} · 微心愿服务公开栏` : '微心愿服务公开栏';
  }, [board]);

  if (!board) {
    return (
      <main className="page page--empty" data-testid="public-unavailable" data-reason={failure ?? 'LOADING'}>
        <h1>微心愿服务公开栏</h1>
        <p>
          {failure === null
            ? '正在加载…'
            : failure === 'UNAVAILABLE'
              ? '暂时无法连接，稍后自动重试。'
              : '该公开栏不存在或暂未开放。'}
        </p>
      </main>
    );
  }

  const today = streetDate(new Date());
  return (
    <main className="page" data-testid="public-board" data-stale={stale ? 'true' : 'false'}>
      <header className="head">
        <p className="head__kicker">微心愿服务公开栏</p>
        <h1 data-testid="public-unit">{board.unit.nameZh}</h1>
        <p className="head__meta">
          {today.year}年{today.month}月 · 每分钟自动更新
          {updatedAt ? `（${pad(streetDate(updatedAt).hours)}:${pad(streetDate(updatedAt).minutes)} 更新）` : ''}
          {stale ? <span className="head__stale"> · 暂时无法更新，显示的是上次的数据</span> : null}
        </p>
      </header>

      <div className="figures">
        <Figure id="resolved" label="本月已办结" value={String(board.resolvedThisMonth)} unit="件" />
        <Figure id="open" label="正在办理" value={String(board.openNow)} unit="件" />
        <Figure id="rating" label="群众满意度" value={rating(board.averageRating)} unit="/ 5 分" note="近一年评价" />
        <Figure id="days" label="平均办结用时" value={days(board.averageDaysToClose)} unit="天" note="近一年办结" />
      </div>

      <div className="columns">
        <section className="card" data-testid="public-theme">
          <h2>本月主题</h2>
          <p className="theme">{board.theme ? board.theme.title : '本月主题尚未发布'}</p>
          <h3>近期活动</h3>
          {board.upcomingActivities.length === 0 ? (
            <p className="muted">近 30 天暂无活动安排</p>
          ) : (
            <ul className="activities" data-testid="public-activities">
              {board.upcomingActivities.map((a) => (
                <li key={`${a.startsAt}-${a.title}`}>
                  <strong>{a.title}</strong>
                  <span>
                    {when(a.startsAt)} · {a.place} · {a.organizer.nameZh}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </section>

        <section className="card" data-testid="public-branches">
          <h2>各支部成效</h2>
          <table>
            <thead>
              <tr>
                <th scope="col">单位</th>
                <th scope="col">本月办结</th>
                <th scope="col">满意度</th>
              </tr>
            </thead>
            <tbody>
              {board.branches.map((b) => (
                <tr key={b.unit.id} data-testid="public-branch">
                  <th scope="row">{b.unit.nameZh}</th>
                  <td>{b.resolved}</td>
                  <td>{rating(b.averageRating)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      </div>

      <footer className="foot">公开栏只显示汇总数据，不显示任何个人信息和心愿内容。</footer>
    </main>
  );
}
