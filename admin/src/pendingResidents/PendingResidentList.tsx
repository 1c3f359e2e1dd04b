/**
 * 待审核居民: the residents who registered themselves in the viewer's area, oldest first, with approve and refuse
 * (a reason is required: the resident reads it). A decided resident leaves the list at once and the result stays
 * on the page. Errors are told in the viewer's language by their code, never as the server's English text.
 */
import CheckIcon from '@mui/icons-material/Check';
import CloseIcon from '@mui/icons-material/Close';
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
  DialogTitle,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
  useMediaQuery,
} from '@mui/material';
import type { Theme } from '@mui/material/styles';
import { useState } from 'react';
import { Title, useLocaleState, useLogoutIfAccessDenied, useNotify, useTranslate } from 'react-admin';
import { useLocalName } from '../common/names.tsx';
import { gqlMutate } from '../data/graphql-client.ts';
import { VERIFY_RESIDENT } from './documents.ts';
import { errorKey, isStale } from './errors.ts';
import { type PendingResident, usePendingResidents, useRefetchPending, useRemovePending } from './pending.ts';

const field = (name: string) => `resources.pendingResidents.fields.${name}`;
const text = (name: string) => `wishgrid.pendingResidents.${name}`;
const MAX_REASON = 500;

interface Outcome {
  severity: 'success' | 'error';
  message: string;
}

export const PendingResidentList = () => {
  const translate = useTranslate();
  const pending = usePendingResidents();
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [refusing, setRefusing] = useState<PendingResident | null>(null);
  const decide = useDecision(setOutcome);
  const state = pending.data;
  const staffOnly = pending.notVerifier;
  return (
    <Card sx={{ mt: 2 }}>
      <Title title="resources.pendingResidents.name" />
      <CardContent>
        <Stack direction="row" spacing={2} sx={{ alignItems: 'center', mb: 1, flexWrap: 'wrap' }}>
          <Typography variant="h6">{translate('resources.pendingResidents.name', { smart_count: 2 })}</Typography>
          {state?.verifies ? (
            <Chip
              size="small"
              color={state.totalCount > 0 ? 'warning' : 'default'}
              label={translate(text('count'), { count: state.totalCount })}
              data-testid="pending-count"
            />
          ) : null}
        </Stack>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
          {translate(text('intro'))}
        </Typography>
        {outcome ? (
          <Alert
            severity={outcome.severity}
            onClose={() => setOutcome(null)}
            sx={{ mb: 2 }}
            data-testid="pending-outcome"
          >
            {outcome.message}
          </Alert>
        ) : null}
        {staffOnly ? (
          <Alert severity="info">{translate(text('staffOnly'))}</Alert>
        ) : pending.isError ? (
          <Alert severity="error">{translate(text('loadFailed'))}</Alert>
        ) : state && state.residents.length === 0 ? (
          <Typography color="text.secondary" data-testid="pending-empty">
            {translate(text('empty'))}
          </Typography>
        ) : state ? (
          <Residents
            residents={state.residents}
            busy={decide.busy}
            onApprove={(r) => void decide.run(r, true, null)}
            onRefuse={setRefusing}
          />
        ) : null}
      </CardContent>
      <RefuseDialog
        resident={refusing}
        busy={refusing !== null && decide.busy === refusing.id}
        onClose={() => setRefusing(null)}
        onRefuse={async (reason) => {
          if (!refusing) return false;
          const settled = await decide.run(refusing, false, reason);
          if (settled) setRefusing(null);
          return settled;
        }}
      />
    </Card>
  );
};

/**
 * Sends a decision; on success the row leaves the list, on failure the reason is told in the viewer's language.
 * True when the decision is settled (made, or made by someone else meanwhile).
 */
function useDecision(setOutcome: (o: Outcome) => void) {
  const translate = useTranslate();
  const notify = useNotify();
  const logoutIfAccessDenied = useLogoutIfAccessDenied();
  const remove = useRemovePending();
  const refetch = useRefetchPending();
  const [busy, setBusy] = useState<string | null>(null);
  const run = async (resident: PendingResident, approve: boolean, reason: string | null): Promise<boolean> => {
    setBusy(resident.id);
    try {
      await gqlMutate(VERIFY_RESIDENT, { input: { personId: resident.id, approve, reason } });
      const message = translate(text(approve ? 'approved' : 'refused'), { name: resident.displayName, reason });
      remove(resident.id);
      setOutcome({ severity: 'success', message });
      notify(message, { type: 'success', messageArgs: { _: message } });
      return true;
    } catch (error) {
      if (await logoutIfAccessDenied(error)) return false;
      const message = translate(errorKey(error));
      setOutcome({ severity: 'error', message });
      // Also above an open dialog (the reason typed stays in it, to send again).
      notify(message, { type: 'error', messageArgs: { _: message } });
      if (isStale(error)) {
        refetch();
        // Nothing left to decide: the dialog (if any) has no purpose any more.
        return true;
      }
      return false;
    } finally {
      setBusy(null);
    }
  };
  return { run, busy };
}

interface ResidentsProps {
  residents: readonly PendingResident[];
  busy: string | null;
  onApprove: (r: PendingResident) => void;
  onRefuse: (r: PendingResident) => void;
}

function Residents(props: ResidentsProps) {
  const narrow = useMediaQuery<Theme>((theme) => theme.breakpoints.down('md'));
  return narrow ? <ResidentCards {...props} /> : <ResidentTable {...props} />;
}

function useRowText() {
  const [locale] = useLocaleState();
  const name = useLocalName();
  return {
    when: (at: unknown) =>
      at
        ? new Date(String(at)).toLocaleString(locale, {
            timeZone: 'Asia/Shanghai',
            dateStyle: 'medium',
            timeStyle: 'short',
          })
        : '—',
    compound: (r: PendingResident) => (r.compound ? name(r.compound) : '—'),
  };
}

function Decide({
  resident,
  busy,
  onApprove,
  onRefuse,
}: { resident: PendingResident } & Omit<ResidentsProps, 'residents'>) {
  const translate = useTranslate();
  return (
    <Stack direction="row" spacing={1} sx={{ justifyContent: 'flex-end' }}>
      <Button
        variant="contained"
        color="success"
        size="small"
        startIcon={<CheckIcon />}
        disabled={busy !== null}
        onClick={() => onApprove(resident)}
      >
        {translate(text('approve'))}
      </Button>
      <Button
        variant="outlined"
        color="error"
        size="small"
        startIcon={<CloseIcon />}
        disabled={busy !== null}
        onClick={() => onRefuse(resident)}
      >
        {translate(text('refuse'))}
      </Button>
    </Stack>
  );
}

function ResidentTable({ residents, ...actions }: ResidentsProps) {
  const translate = useTranslate();
  const row = useRowText();
  return (
    <Table size="small">
      <TableHead>
        <TableRow>
          {['displayName', 'phone', 'compound', 'address', 'registeredAt'].map((name) => (
            <TableCell key={name}>{translate(field(name))}</TableCell>
          ))}
          <TableCell />
        </TableRow>
      </TableHead>
      <TableBody>
        {residents.map((r) => (
          <TableRow key={r.id} data-testid="pending-resident-row" data-name={r.displayName}>
            <TableCell>{r.displayName}</TableCell>
            <TableCell>{r.phone ?? '—'}</TableCell>
            <TableCell>{row.compound(r)}</TableCell>
            <TableCell>{r.address ?? '—'}</TableCell>
            <TableCell>{row.when(r.registeredAt)}</TableCell>
            <TableCell align="right">
              <Decide resident={r} {...actions} />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

function ResidentCards({ residents, ...actions }: ResidentsProps) {
  const translate = useTranslate();
  const row = useRowText();
  return (
    <Stack spacing={1.5}>
      {residents.map((r) => (
        <Card key={r.id} variant="outlined" data-testid="pending-resident-row" data-name={r.displayName}>
          <CardContent sx={{ pb: '12px !important' }}>
            <Stack direction="row" sx={{ justifyContent: 'space-between', alignItems: 'baseline', mb: 0.5 }}>
              <Typography sx={{ fontWeight: 600 }}>{r.displayName}</Typography>
              <Typography variant="body2" color="text.secondary">
                {r.phone ?? '—'}
              </Typography>
            </Stack>
            <Typography variant="body2">
              {row.compound(r)} · {r.address ?? '—'}
            </Typography>
            <Typography variant="caption" color="text.secondary" component="div" sx={{ mb: 1 }}>
              {translate(field('registeredAt'))} {row.when(r.registeredAt)}
            </Typography>
            <Decide resident={r} {...actions} />
          </CardContent>
        </Card>
      ))}
    </Stack>
  );
}

function RefuseDialog(props: {
  resident: PendingResident | null;
  busy: boolean;
  onClose: () => void;
  /** True once settled (the dialog closes); false keeps it open with the reason typed. */
  onRefuse: (reason: string) => Promise<boolean>;
}) {
  const translate = useTranslate();
  const [reason, setReason] = useState('');
  const [touched, setTouched] = useState(false);
  const missing = reason.trim() === '';
  const close = () => {
    setReason('');
    setTouched(false);
    props.onClose();
  };
  const submit = async () => {
    setTouched(true);
    if (missing) return;
    if (await props.onRefuse(reason.trim())) {
      setReason('');
      setTouched(false);
    }
  };
  return (
    <Dialog open={props.resident !== null} onClose={close} maxWidth="sm" fullWidth>
      <DialogTitle>{translate(text('refuseTitle'), { name: props.resident?.displayName ?? '' })}</DialogTitle>
      <DialogContent>
        <Box sx={{ pt: 1 }}>
          <TextField
            autoFocus
            required
            multiline
            minRows={3}
            fullWidth
            label={translate(text('reason'))}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            onBlur={() => setTouched(true)}
            error={touched && missing}
            helperText={translate(text(touched && missing ? 'reasonRequired' : 'reasonHelp'))}
            slotProps={{ htmlInput: { name: 'reason', maxLength: MAX_REASON } }}
          />
        </Box>
      </DialogContent>
      <DialogActions>
        <Button onClick={close}>{translate(text('cancel'))}</Button>
        <Button variant="contained" color="error" disabled={props.busy || missing} onClick={() => void submit()}>
          {translate(text('refuse'))}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
