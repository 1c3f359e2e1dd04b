/**
 * Open311 API keys (street staff): issue one for an outside system — the key is shown once, with a copy button —
 * and revoke it. Other staff see why they cannot. The server decides every change (STREET_ADMIN only).
 */
import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  Chip,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  MenuItem,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import { Confirm, Title, useLocaleState, useNotify, useTranslate } from 'react-admin';
import { useApiAction } from '../common/api-action.ts';
import { inOrder } from '../common/enum-choices.ts';
import { useStaffRoles } from '../common/staff-roles.ts';
import { errorMessage, gqlMutate, useGql } from '../data/graphql-client.ts';
import type { Open311KeysQuery, WishChannel } from '../gql/graphql.ts';
import { ISSUE_OPEN311_KEY, OPEN311_KEYS, REVOKE_OPEN311_KEY } from './documents.ts';

type Key = Open311KeysQuery['open311Keys'][number];

const CHANNELS = inOrder<WishChannel>({ HOTLINE: 1, WALK_IN: 2, GRID_VISIT: 3, APP: 4 });
const field = (name: string) => `resources.open311Keys.fields.${name}`;
const text = (name: string) => `wishgrid.open311Keys.${name}`;

export const Open311KeyList = () => {
  const translate = useTranslate();
  const { isStreetAdmin } = useStaffRoles();
  const [issued, setIssued] = useState<string | null>(null);
  const keys = useGql(['open311Keys'], OPEN311_KEYS, {}, isStreetAdmin);
  return (
    <Card sx={{ mt: 2 }}>
      <Title title="resources.open311Keys.name" />
      <CardContent>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
          {translate(text('intro'))}
        </Typography>
        {!isStreetAdmin ? (
          <Alert severity="info">{translate(text('streetOnly'))}</Alert>
        ) : (
          <>
            <IssueForm onIssued={(apiKey) => setIssued(apiKey)} refetch={() => void keys.refetch()} />
            <KeyTable keys={keys.data?.open311Keys ?? []} refetch={() => void keys.refetch()} />
          </>
        )}
      </CardContent>
      <IssuedDialog apiKey={issued} onClose={() => setIssued(null)} />
    </Card>
  );
};

function IssueForm({ onIssued, refetch }: { onIssued: (apiKey: string) => void; refetch: () => void }) {
  const translate = useTranslate();
  const notify = useNotify();
  const [label, setLabel] = useState('');
  const [channel, setChannel] = useState<WishChannel>('HOTLINE');
  const [pending, setPending] = useState(false);
  const issue = async () => {
    setPending(true);
    try {
      const data = await gqlMutate(ISSUE_OPEN311_KEY, { input: { label, channel } });
      setLabel('');
      onIssued(data.issueOpen311Key.apiKey);
      refetch();
    } catch (error) {
      const message = errorMessage(error);
      notify(message, { type: 'error', messageArgs: { _: message } });
    } finally {
      setPending(false);
    }
  };
  return (
    <Box sx={{ display: 'flex', gap: 2, alignItems: 'center', flexWrap: 'wrap', mb: 3 }}>
      <TextField
        label={translate(field('label'))}
        value={label}
        onChange={(e) => setLabel(e.target.value)}
        size="small"
        fullWidth={false}
        sx={{ width: 280 }}
        slotProps={{ htmlInput: { name: 'label', maxLength: 100 } }}
      />
      <TextField
        select
        label={translate(field('channel'))}
        value={channel}
        onChange={(e) => setChannel(e.target.value as WishChannel)}
        size="small"
        fullWidth={false}
        sx={{ width: 180 }}
        slotProps={{ select: { SelectDisplayProps: { 'data-testid': 'open311-channel' } as object } }}
      >
        {CHANNELS.map((c) => (
          <MenuItem key={c} value={c}>
            {translate(`wishgrid.channel.${c}`)}
          </MenuItem>
        ))}
      </TextField>
      <Button variant="contained" disabled={pending || label.trim() === ''} onClick={issue}>
        {translate(text('issue'))}
      </Button>
    </Box>
  );
}

function IssuedDialog({ apiKey, onClose }: { apiKey: string | null; onClose: () => void }) {
  const translate = useTranslate();
  const notify = useNotify();
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(apiKey ?? '');
      notify(text('copied'), { type: 'success' });
    } catch {
      notify(text('copyFailed'), { type: 'warning' });
    }
  };
  return (
    <Dialog open={apiKey !== null} maxWidth="sm" fullWidth>
      <DialogTitle>{translate(text('issued'))}</DialogTitle>
      <DialogContent>
        <DialogContentText sx={{ mb: 2 }}>{translate(text('issuedHelp'))}</DialogContentText>
        <Box
          component="code"
          data-testid="open311-issued-key"
          sx={{ display: 'block', p: 1.5, bgcolor: 'action.hover', borderRadius: 1, wordBreak: 'break-all' }}
        >
          {apiKey}
        </Box>
      </DialogContent>
      <DialogActions>
        <Button startIcon={<ContentCopyIcon />} onClick={copy}>
          {translate(text('copy'))}
        </Button>
        <Button variant="contained" onClick={onClose}>
          {translate(text('done'))}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

function KeyTable({ keys, refetch }: { keys: readonly Key[]; refetch: () => void }) {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const [revoking, setRevoking] = useState<Key | null>(null);
  const { run, pending } = useApiAction();
  const when = (at: string | null | undefined) =>
    at
      ? new Date(at).toLocaleString(locale, { timeZone: 'Asia/Shanghai', dateStyle: 'medium', timeStyle: 'short' })
      : translate(text('never'));
  if (keys.length === 0) return <Typography color="text.secondary">{translate(text('empty'))}</Typography>;
  return (
    <>
      <Table size="small">
        <TableHead>
          <TableRow>
            {['label', 'channel', 'hint', 'issuedBy', 'issuedAt', 'lastUsedAt', 'status'].map((name) => (
              <TableCell key={name}>{translate(field(name))}</TableCell>
            ))}
            <TableCell />
          </TableRow>
        </TableHead>
        <TableBody>
          {keys.map((k) => (
            <TableRow key={k.id} data-testid="open311-key-row" data-active={String(k.active)}>
              <TableCell>{k.label}</TableCell>
              <TableCell>{translate(`wishgrid.channel.${k.channel}`)}</TableCell>
              <TableCell>
                <code>{k.hint}…</code>
              </TableCell>
              <TableCell>{k.issuedBy.displayName}</TableCell>
              <TableCell>{when(k.issuedAt)}</TableCell>
              <TableCell>{when(k.lastUsedAt)}</TableCell>
              <TableCell>
                <Chip
                  size="small"
                  color={k.active ? 'success' : 'default'}
                  label={translate(text(k.active ? 'active' : 'inactive'))}
                />
              </TableCell>
              <TableCell align="right">
                {k.active && (
                  <Button color="error" size="small" onClick={() => setRevoking(k)}>
                    {translate(text('revoke'))}
                  </Button>
                )}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <Confirm
        isOpen={revoking !== null}
        loading={pending}
        title={text('revokeTitle')}
        titleTranslateOptions={{ label: revoking?.label ?? '' }}
        content={text('revokeContent')}
        confirm={text('revoke')}
        confirmColor="warning"
        onClose={() => setRevoking(null)}
        onConfirm={async () => {
          if (!revoking) return;
          const done = await run(REVOKE_OPEN311_KEY, { input: { keyId: revoking.id } }, { success: text('revoked') });
          setRevoking(null);
          if (done) refetch();
        }}
      />
    </>
  );
}
