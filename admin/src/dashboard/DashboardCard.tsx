import { Alert, Card, CardContent, LinearProgress, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { useTranslate } from 'react-admin';
import { errorMessage } from '../data/graphql-client.ts';

interface Props {
  title: string;
  subtitle?: string;
  pending: boolean;
  error: unknown;
  testId: string;
  children: ReactNode;
}

/** A dashboard card: its title, then a progress bar while loading, the server's message on error, or the content. */
export const DashboardCard = ({ title, subtitle, pending, error, testId, children }: Props) => {
  const translate = useTranslate();
  return (
    <Card data-testid={testId} sx={{ height: '100%' }}>
      <CardContent>
        <Typography variant="h6" component="h2" sx={{ fontSize: '1.05rem' }}>
          {title}
        </Typography>
        {subtitle && (
          <Typography variant="body2" sx={{ color: 'text.secondary', mb: 1.5 }}>
            {subtitle}
          </Typography>
        )}
        {error ? (
          <Alert severity="error">{translate('wishgrid.dashboard.loadError', { message: errorMessage(error) })}</Alert>
        ) : pending ? (
          <LinearProgress sx={{ my: 4 }} />
        ) : (
          children
        )}
      </CardContent>
    </Card>
  );
};
