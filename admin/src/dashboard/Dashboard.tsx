import { Box } from '@mui/material';
import { useState } from 'react';
import { Title, useGetIdentity, useTranslate } from 'react-admin';
import type { SessionRole } from '../auth/session.ts';
import { useLocalName } from '../common/names.tsx';
import { streetDate, yearPeriod } from '../common/street-time.ts';
import { useGql } from '../data/graphql-client.ts';
import { useLiveRefresh } from '../live/hooks.ts';
import { dashboardScopes, type PeriodKind, periodRange } from './aggregate.ts';
import { CloseTimeCard } from './CloseTimeCard.tsx';
import { CommunityChartCard } from './CommunityChartCard.tsx';
import { DashboardToolbar } from './DashboardToolbar.tsx';
import { OpenWishesCard } from './OpenWishesCard.tsx';
import { OverdueCard } from './OverdueCard.tsx';
import { ParticipationCard } from './ParticipationCard.tsx';
import {
  PARTICIPATION,
  type ParticipationData,
  POINT_RANKING,
  type PointRankingData,
  SCOPE_UNITS,
  type ScopeUnitsData,
  WISH_STATS,
  type WishStatsData,
} from './queries.ts';
import { RankingCard } from './RankingCard.tsx';
import { SatisfactionCard } from './SatisfactionCard.tsx';
import { StatusChartCard } from './StatusChartCard.tsx';

const wide = { gridColumn: { sm: 'span 2' } };

/**
 * The staff dashboard: small cards and charts over what the viewer may see (the server scopes every
 * figure). A street admin sees the street; a secretary their unit (and may switch between units if they
 * hold several); anyone else only the wish figures the server lets them see. It follows wish events live,
 * like the lists.
 */
export const Dashboard = () => {
  const translate = useTranslate();
  const name = useLocalName();
  const { identity, isPending: identityPending } = useGetIdentity();
  const scopes = dashboardScopes(identity?.roles as SessionRole[] | undefined);
  const [chosenScope, setChosenScope] = useState<string | null>(null);
  const scope = scopes.find((s) => s.id === chosenScope) ?? scopes[0] ?? null;
  const unit = scope?.id ?? null;
  const [period, setPeriod] = useState<PeriodKind>('year');
  const [now] = useState(() => new Date());
  const { year, month } = streetDate(now);
  const thisYear = yearPeriod(year);
  useLiveRefresh();

  const ready = !identityPending;
  const names = useGql<ScopeUnitsData>(
    ['dashboard-scopes', ...scopes.map((s) => s.id)],
    SCOPE_UNITS,
    { ids: scopes.map((s) => s.id) },
    ready && scopes.length > 0,
  );
  const stats = useGql<WishStatsData>(
    ['dashboard-stats', unit, period],
    WISH_STATS,
    { unit, ...periodRange(period, now) },
    ready,
  );
  const participation = useGql<ParticipationData>(
    ['dashboard-participation', unit, year],
    PARTICIPATION,
    { unit, from: thisYear.from.toISOString(), to: thisYear.to.toISOString() },
    ready && unit !== null,
  );
  // Participation and rankings are for staff, per unit (display accounts never see this page).
  const ranking = useGql<PointRankingData>(
    ['dashboard-ranking', unit, year],
    POINT_RANKING,
    { unit, year },
    ready && unit !== null,
  );

  const labelOf = (id: string, fallback: string) => {
    const found = names.data?.orgUnitList.nodes.find((n) => n.id === id);
    return found ? name(found) : fallback;
  };
  const title = translate('wishgrid.dashboard.title');
  const heading = scope ? labelOf(scope.id, scope.name) : title;
  const periodText = translate(`wishgrid.dashboard.period.inSentence.${period}`);
  const wishStats = stats.data?.wishStats;

  return (
    <Box
      data-testid="dashboard"
      sx={{
        py: 2,
        display: 'grid',
        gap: 2,
        gridTemplateColumns: { xs: 'minmax(0, 1fr)', sm: 'repeat(2, minmax(0, 1fr))', lg: 'repeat(4, minmax(0, 1fr))' },
      }}
    >
      <Title title={title} />
      <Box sx={{ gridColumn: '1 / -1' }}>
        <DashboardToolbar
          heading={heading}
          period={period}
          onPeriod={setPeriod}
          scopes={scopes.map((s) => ({ id: s.id, label: labelOf(s.id, s.name) }))}
          scopeId={scope?.id ?? null}
          onScope={setChosenScope}
        />
      </Box>
      <OpenWishesCard stats={wishStats} />
      <OverdueCard stats={wishStats} />
      <CloseTimeCard stats={wishStats} period={periodText} />
      <SatisfactionCard stats={wishStats} period={periodText} />
      <Box sx={wide}>
        <StatusChartCard query={stats} />
      </Box>
      <Box sx={wide}>
        <CommunityChartCard query={stats} />
      </Box>
      {unit !== null && (
        <>
          <Box sx={{ gridColumn: { sm: 'span 2', lg: 'span 3' } }}>
            <ParticipationCard query={participation} year={year} throughMonth={month} />
          </Box>
          <Box sx={{ gridColumn: { sm: 'span 2', lg: 'span 1' } }}>
            <RankingCard query={ranking} year={year} />
          </Box>
        </>
      )}
    </Box>
  );
};
