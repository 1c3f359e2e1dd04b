/** The dashboard's documents (aggregates only; the server scopes every figure to what the viewer may see). */
import type { CommunityStats, MonthlyParticipation, StatusCount } from './aggregate.ts';

export const WISH_STATS = /* GraphQL */ `
  query DashboardWishStats($unit: ID, $from: DateTime, $to: DateTime) {
    wishStats(orgUnitId: $unit, from: $from, to: $to) {
      total overdue averageHoursToClose averageRating ratedCount reopenedShare byStatus { status count }
      byCommunity { unitId total open closed overdue unit { id name nameZh } }
    }
  }
`;

export interface WishStatsData {
  wishStats: {
    total: number;
    overdue: number;
    averageHoursToClose: number | null;
    averageRating: number | null;
    ratedCount: number;
    reopenedShare: number | null;
    byStatus: StatusCount[];
    byCommunity: CommunityStats[];
  };
}

export const PARTICIPATION = /* GraphQL */ `
  query DashboardParticipation($unit: ID, $from: DateTime, $to: DateTime) {
    activityParticipation(orgUnitId: $unit, from: $from, to: $to) {
      activities attendances uniqueParticipants signUps hoursServed
      byMonth { year month activities attendances uniqueParticipants signUps }
    }
  }
`;

export interface ParticipationData {
  activityParticipation: {
    activities: number;
    attendances: number;
    uniqueParticipants: number;
    signUps: number;
    hoursServed: number;
    byMonth: (MonthlyParticipation & { year: number })[];
  };
}

export const POINT_RANKING = /* GraphQL */ `
  query DashboardPointRanking($unit: ID!, $year: Int!) {
    pointRanking(orgUnitId: $unit, year: $year, first: 10) { rank total member { id displayName } }
  }
`;

export interface PointRankingData {
  pointRanking: { rank: number; total: number; member: { id: string; displayName: string } }[];
}

/** The localized names of the units the viewer's dashboard can show. */
export const SCOPE_UNITS = /* GraphQL */ `
  query DashboardScopeUnits($ids: [ID!]) { orgUnitList(filter: { ids: $ids }, limit: 20) { nodes { id name nameZh } } }
`;

export interface ScopeUnitsData {
  orgUnitList: { nodes: { id: string; name: string; nameZh: string }[] };
}
