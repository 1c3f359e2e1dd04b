/**
 * The public page's one question to the API, asked without a token: counts, ratings, the theme, upcoming
 * activities and per-branch figures. The server never answers a person or a wish title here.
 */
export const PUBLIC_BOARD = /* GraphQL */ `
  query PublicPage($orgUnitId: ID!) {
    publicBoard(orgUnitId: $orgUnitId) {
      unit {
        id
        name
        nameZh
      }
      resolvedThisMonth
      openNow
      averageRating
      averageDaysToClose
      theme {
        title
      }
      upcomingActivities {
        title
        startsAt
        place
        organizer {
          nameZh
        }
      }
      branches {
        unit {
          id
          nameZh
        }
        resolved
        averageRating
      }
    }
  }
`;

export interface PublicUnitData {
  id: string;
  nameZh: string;
}

export interface PublicBoardData {
  unit: PublicUnitData & { name: string };
  resolvedThisMonth: number;
  openNow: number;
  averageRating: number | null;
  averageDaysToClose: number | null;
  theme: { title: string } | null;
  upcomingActivities: { title: string; startsAt: string; place: string; organizer: { nameZh: string } }[];
  branches: { unit: PublicUnitData; resolved: number; averageRating: number | null }[];
}

/** The unit of the page's address: /public/<orgUnitId>. */
export function unitIdFromPath(pathname: string): string | null {
  const m = /^\/public\/([A-Za-z0-9_-]{1,64})\/?$/.exec(pathname);
  return m?.[1] ?? null;
}
