import { Alert, Chip } from '@mui/material';
import { useEffect, useRef, useState } from 'react';
import { useTranslate } from 'react-admin';
import { useLiveStatus } from './hooks.ts';

/**
 * Whether the page is live. A dropped connection shows a clear message until it is back, then says so
 * for a few seconds.
 */
export const LiveIndicator = () => {
  const status = useLiveStatus();
  const translate = useTranslate();
  const [backAgain, setBackAgain] = useState(false);
  const previous = useRef(status);
  useEffect(() => {
    if (previous.current === 'reconnecting' && status === 'connected') {
      setBackAgain(true);
      const t = setTimeout(() => setBackAgain(false), 4000);
      previous.current = status;
      return () => clearTimeout(t);
    }
    previous.current = status;
    return undefined;
  }, [status]);
  if (status === 'reconnecting') {
    return (
      <Alert severity="warning" data-testid="live-status" data-status="reconnecting" sx={{ mb: 1 }}>
        {translate('wishgrid.live.reconnecting')}
      </Alert>
    );
  }
  if (backAgain) {
    return (
      <Alert severity="success" data-testid="live-status" data-status="restored" sx={{ mb: 1 }}>
        {translate('wishgrid.live.restored')}
      </Alert>
    );
  }
  return (
    <Chip
      size="small"
      data-testid="live-status"
      data-status={status}
      color={status === 'connected' ? 'success' : 'default'}
      label={translate(status === 'connected' ? 'wishgrid.live.connected' : 'wishgrid.live.connecting')}
      sx={{ mb: 1 }}
    />
  );
};
