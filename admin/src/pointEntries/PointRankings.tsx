import EmojiEventsIcon from '@mui/icons-material/EmojiEvents';
import {
  Alert,
  Box,
  Card,
  LinearProgress,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import {
  Form,
  FormDataConsumer,
  Link,
  maxValue,
  minValue,
  NumberInput,
  SelectInput,
  Title,
  useCreatePath,
  useGetIdentity,
  useTranslate,
} from 'react-admin';
import type { SessionRole } from '../auth/session.ts';
import { streetDate } from '../common/street-time.ts';
import { errorMessage, useGql } from '../data/graphql-client.ts';
import { OrgUnitInput } from '../orgUnits/OrgUnitInput.tsx';
import { PointsViewSwitch } from './PointsViewSwitch.tsx';

interface RankingRow {
  rank: number;
  total: number;
  member: { id: string; displayName: string };
}

const RANKING = `query PointRanking($orgUnitId: ID!, $year: Int!, $first: Int) {
  pointRanking(orgUnitId: $orgUnitId, year: $year, first: $first) { rank total member { id displayName } }
}`;

const TOP = [10, 20, 50, 100].map((n) => ({ id: n, name: String(n) }));
const MEDALS = ['#d4a017', '#9e9e9e', '#b87333'];

const RankingTable = ({ orgUnitId, year, first }: { orgUnitId?: string; year?: number; first?: number }) => {
  const translate = useTranslate();
  const createPath = useCreatePath();
  const ready = typeof orgUnitId === 'string' && orgUnitId !== '' && Number.isInteger(year);
  const { data, error, isFetching } = useGql<{ pointRanking: RankingRow[] }>(
    ['pointRanking', orgUnitId, year, first],
    RANKING,
    { orgUnitId, year, first: first ?? 20 },
    ready,
  );
  if (!ready) return <Alert severity="info">{translate('wishgrid.pointEntries.ranking.chooseUnit')}</Alert>;
  if (error) return <Alert severity="error">{errorMessage(error)}</Alert>;
  const rows = data?.pointRanking ?? [];
  return (
    <Box>
      {isFetching && <LinearProgress />}
      {!isFetching && rows.length === 0 ? (
        <Alert severity="info">{translate('wishgrid.pointEntries.ranking.empty')}</Alert>
      ) : (
        <Table size="small" data-testid="point-ranking">
          <TableHead>
            <TableRow>
              <TableCell width={90}>{translate('wishgrid.pointEntries.ranking.rank')}</TableCell>
              <TableCell>{translate('wishgrid.pointEntries.ranking.member')}</TableCell>
              <TableCell align="right">{translate('wishgrid.pointEntries.ranking.total')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map((row) => (
              <TableRow key={row.member.id} data-testid="ranking-row" data-rank={row.rank}>
                <TableCell>
                  <Stack direction="row" sx={{ alignItems: 'center', gap: 0.5 }}>
                    {row.rank <= 3 ? (
                      <EmojiEventsIcon fontSize="small" sx={{ color: MEDALS[row.rank - 1] }} />
                    ) : (
                      <Box sx={{ width: 20 }} />
                    )}
                    <Typography sx={{ fontWeight: row.rank <= 3 ? 700 : 400 }}>{row.rank}</Typography>
                  </Stack>
                </TableCell>
                <TableCell>
                  {/* The member's entries of the year, in the ledger. */}
                  <Link
                    to={{
                      pathname: createPath({ resource: 'pointEntries', type: 'list' }),
                      search: `?filter=${encodeURIComponent(JSON.stringify({ personId: row.member.id, year }))}`,
                    }}
                  >
                    {row.member.displayName}
                  </Link>
                </TableCell>
                <TableCell align="right">
                  <Typography sx={{ fontWeight: 600 }}>{row.total}</Typography>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Box>
  );
};

/**
 * Party members of a unit's subtree (the street, a community, a branch's unit) by their total for a year.
 * Ties share a rank (1, 2, 2, 4), as the server ranks them.
 */
export const PointRankings = () => {
  const translate = useTranslate();
  const { identity, isPending } = useGetIdentity();
  const roles = (identity?.roles as SessionRole[] | undefined) ?? [];
  // Where the viewer works: the street for street staff, their own unit for a secretary.
  const home =
    roles.find((r) => r.role === 'STREET_ADMIN')?.orgUnit?.id ??
    roles.find((r) => r.role === 'BRANCH_SECRETARY')?.orgUnit?.id ??
    roles[0]?.orgUnit?.id;
  if (isPending) return <LinearProgress />;
  const year = streetDate(new Date()).year;
  return (
    <Box sx={{ mt: 1 }}>
      <Title title={translate('wishgrid.pointEntries.rankings')} />
      <Stack direction="row" sx={{ justifyContent: 'flex-end', mb: 1 }}>
        <PointsViewSwitch />
      </Stack>
      <Card sx={{ p: 2 }}>
        <Form defaultValues={{ orgUnitId: home ?? '', year, first: 20 }}>
          <Stack direction="row" sx={{ gap: 2, flexWrap: 'wrap', alignItems: 'flex-start' }}>
            <Box sx={{ width: 360 }}>
              <OrgUnitInput
                source="orgUnitId"
                label="wishgrid.pointEntries.ranking.unit"
                helperText="wishgrid.pointEntries.ranking.unitHelp"
              />
            </Box>
            <Box sx={{ width: 140 }}>
              <NumberInput
                source="year"
                label="wishgrid.pointEntries.ranking.year"
                validate={[minValue(2000), maxValue(2100)]}
                step={1}
              />
            </Box>
            <Box sx={{ width: 140 }}>
              <SelectInput
                source="first"
                label="wishgrid.pointEntries.ranking.first"
                choices={TOP}
                translateChoice={false}
              />
            </Box>
          </Stack>
          <FormDataConsumer<{ orgUnitId?: string; year?: number; first?: number }>>
            {({ formData }) => (
              <>
                <Typography variant="h6" sx={{ mt: 1, mb: 1 }} data-testid="ranking-title">
                  {translate('wishgrid.pointEntries.ranking.title', { year: formData.year ?? '' })}
                </Typography>
                <RankingTable orgUnitId={formData.orgUnitId} year={formData.year} first={formData.first} />
                <Typography variant="caption" color="textSecondary" sx={{ mt: 1, display: 'block' }}>
                  {translate('wishgrid.pointEntries.ranking.tieNote')}
                </Typography>
              </>
            )}
          </FormDataConsumer>
        </Form>
      </Card>
    </Box>
  );
};
