import { Box, Card, CardContent, Skeleton, Typography } from '@mui/material';
import type { ReactNode } from 'react';

interface Props {
  title: string;
  /** The big figure; null while loading */
  value: string | null;
  unit?: string;
  hint?: string;
  /** Under the figure: a meter or two */
  children?: ReactNode;
  accent?: string;
  testId: string;
}

/** A small card with one large figure. */
export const KpiCard = ({ title, value, unit, hint, children, accent, testId }: Props) => (
  <Card data-testid={testId} sx={{ height: '100%', borderTop: 4, borderColor: accent ?? 'primary.main' }}>
    <CardContent>
      <Typography variant="body2" component="h2" sx={{ color: 'text.secondary', fontWeight: 500 }}>
        {title}
      </Typography>
      {value === null ? (
        <Skeleton variant="text" sx={{ fontSize: '2.4rem', width: '50%' }} />
      ) : (
        <Box sx={{ display: 'flex', alignItems: 'baseline', gap: 0.75 }}>
          <Typography
            component="span"
            data-testid={`${testId}-value`}
            sx={{ fontSize: '2.4rem', fontWeight: 700, lineHeight: 1.2, color: accent }}
          >
            {value}
          </Typography>
          {unit && (
            <Typography component="span" sx={{ color: 'text.secondary' }}>
              {unit}
            </Typography>
          )}
        </Box>
      )}
      {children}
      {hint && (
        <Typography variant="caption" component="p" sx={{ color: 'text.secondary', mt: 0.5 }}>
          {hint}
        </Typography>
      )}
    </CardContent>
  </Card>
);
