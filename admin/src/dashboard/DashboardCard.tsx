import { Alert, Card, CardContent, LinearProgress, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { useTranslate } from 'react-admin';
import { errorMessage } from '../data/graphql-client.ts';

/** What a card shows: one of the dashboard's queries, as react-query has it. */
export interface CardQuery<T> {
  data?: T;
  isPending: boolean;
  error: unknown;
}

interface Props<T> {
  testId: string;
  /** i18n keys of the title and of the line under it, with their arguments */
  title: string;
  titleArgs?: Record<string, unknown>;
  subtitle?: string;
  /** The subtitle's arguments from the data (the subtitle then waits for the data) */
  subtitleArgs?: (data: T) => Record<string, unknown>;
  query: CardQuery<T>;
  /** The content once the data is there; `title` is the translated title (a chart reads it out). */
  children: (data: T, title: string) => ReactNode;
}

/** A dashboard card: its title, then a progress bar while loading, the server's message on error, or the content. */
export function DashboardCard<T>({ testId, title, titleArgs, subtitle, subtitleArgs, query, children }: Props<T>) {
  const translate = useTranslate();
  const heading = translate(title, titleArgs);
  const { data, isPending, error } = query;
  const line = subtitle && (subtitleArgs ? data && translate(subtitle, subtitleArgs(data)) : translate(subtitle));
  return (
    <Card data-testid={testId} sx={{ height: '100%' }}>
      <CardContent>
        <Typography variant="h6" component="h2" sx={{ fontSize: '1.05rem' }}>
          {heading}
        </Typography>
        {line && (
          <Typography variant="body2" sx={{ color: 'text.secondary', mb: 1.5 }}>
            {line}
          </Typography>
        )}
        {error ? (
          <Alert severity="error">{translate('wishgrid.dashboard.loadError', { message: errorMessage(error) })}</Alert>
        ) : isPending ? (
          <LinearProgress sx={{ my: 4 }} />
        ) : (
          data !== undefined && children(data, heading)
        )}
      </CardContent>
    </Card>
  );
}

/** The card's text when there is nothing to draw. */
export const NoData = ({ message }: { message: string }) => {
  const translate = useTranslate();
  return <Typography sx={{ color: 'text.secondary' }}>{translate(message)}</Typography>;
};
