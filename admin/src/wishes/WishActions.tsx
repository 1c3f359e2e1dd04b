import {
  Autocomplete,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Rating,
  Stack,
  TextField,
} from '@mui/material';
import { useState } from 'react';
import { useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { errorMessage, gqlMutate, useGql } from '../data/graphql-client.ts';

type Action =
  | 'DISPATCH'
  | 'OPEN_FOR_CLAIM'
  | 'CLAIM'
  | 'ACCEPT'
  | 'DECLINE'
  | 'ABANDON'
  | 'RESOLVE'
  | 'EVALUATE'
  | 'REOPEN'
  | 'ESCALATE'
  | 'REJECT'
  | 'CANCEL';

/** The mutation and the inputs each action asks for. */
const SPEC: Record<Action, { mutation: string; input: string; text?: 'note' | 'reason'; required?: boolean }> = {
  DISPATCH: { mutation: 'dispatchWish', input: 'DispatchWishInput', text: 'note' },
  OPEN_FOR_CLAIM: { mutation: 'openWishForClaim', input: 'OpenWishForClaimInput', text: 'note' },
  CLAIM: { mutation: 'claimWish', input: 'ClaimWishInput' },
  ACCEPT: { mutation: 'acceptWish', input: 'AcceptWishInput' },
  DECLINE: { mutation: 'declineWish', input: 'DeclineWishInput', text: 'reason' },
  ABANDON: { mutation: 'abandonWish', input: 'AbandonWishInput', text: 'reason', required: true },
  RESOLVE: { mutation: 'resolveWish', input: 'ResolveWishInput', text: 'note', required: true },
  EVALUATE: { mutation: 'evaluateWish', input: 'EvaluateWishInput' },
  REOPEN: { mutation: 'evaluateWish', input: 'EvaluateWishInput' },
  ESCALATE: { mutation: 'escalateWish', input: 'EscalateWishInput', text: 'reason', required: true },
  REJECT: { mutation: 'rejectWish', input: 'RejectWishInput', text: 'reason', required: true },
  CANCEL: { mutation: 'cancelWish', input: 'CancelWishInput', text: 'reason' },
};

const ASSIGNABLE = `query AssignablePeople($wishId: ID!) {
  assignablePeople(wishId: $wishId) { id displayName roles { role orgUnit { name nameZh } } }
}`;

interface Person {
  id: string;
  displayName: string;
  roles: { role: string; orgUnit: { name: string; nameZh: string } }[];
}

const AssigneePicker = ({
  wishId,
  value,
  onChange,
}: {
  wishId: string;
  value: Person[];
  onChange: (p: Person[]) => void;
}) => {
  const translate = useTranslate();
  const { data } = useGql<{ assignablePeople: Person[] }>(['assignable', wishId], ASSIGNABLE, { wishId });
  return (
    <Autocomplete
      multiple
      options={data?.assignablePeople ?? []}
      value={value}
      onChange={(_e, people) => onChange(people)}
      getOptionLabel={(p) =>
        `${p.displayName}（${p.roles.map((r) => `${translate(`wishgrid.role.${r.role}`)}·${r.orgUnit.nameZh || r.orgUnit.name}`).join('，')}）`
      }
      isOptionEqualToValue={(a, b) => a.id === b.id}
      renderInput={(params) => (
        <TextField
          {...params}
          label={translate('resources.wishes.fields.assignees')}
          slotProps={{
            ...params.slotProps,
            htmlInput: { ...params.slotProps.htmlInput, 'data-testid': 'assignee-input' },
          }}
        />
      )}
    />
  );
};

/** The transitions the viewer may take now (the server's `availableActions`), each with its dialog. */
export const WishActions = () => {
  const record = useRecordContext<{ id: string; availableActions?: Action[] }>();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const [open, setOpen] = useState<Action | null>(null);
  const [text, setText] = useState('');
  const [rating, setRating] = useState<number | null>(null);
  const [assignees, setAssignees] = useState<Person[]>([]);
  const [busy, setBusy] = useState(false);
  if (!record) return null;
  const actions = (record.availableActions ?? []).filter((a): a is Action => a in SPEC);
  // One evaluation button: the stars decide whether it closes or reopens.
  const buttons = actions.filter((a) => a !== 'REOPEN');

  const close = () => {
    setOpen(null);
    setText('');
    setRating(null);
    setAssignees([]);
  };

  const submit = async (action: Action) => {
    const spec = SPEC[action];
    const input: Record<string, unknown> = { wishId: record.id };
    if (spec.text && text.trim() !== '') input[spec.text] = text.trim();
    if (action === 'DISPATCH') input.assigneeIds = assignees.map((p) => p.id);
    if (action === 'EVALUATE') input.rating = rating;
    setBusy(true);
    try {
      await gqlMutate(
        `mutation WishAction($input: ${spec.input}!) { ${spec.mutation}(input: $input) { wish { id status } } }`,
        { input },
      );
      notify(translate('wishgrid.wishes.done', { action: translate(`wishgrid.action.${action}`) }), {
        type: 'success',
      });
      close();
      refresh();
    } catch (error) {
      notify(errorMessage(error), { type: 'error' });
    } finally {
      setBusy(false);
    }
  };

  const needsDialog = (a: Action) => a === 'DISPATCH' || a === 'EVALUATE' || SPEC[a].text !== undefined;
  const spec = open ? SPEC[open] : null;
  const canSubmit =
    open !== null &&
    !(spec?.required && text.trim() === '') &&
    !(open === 'DISPATCH' && assignees.length === 0) &&
    !(open === 'EVALUATE' && !rating);

  return (
    <>
      <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap', gap: 1 }} data-testid="wish-actions">
        {buttons.map((a) => (
          <Button
            key={a}
            variant={a === 'REJECT' || a === 'CANCEL' || a === 'ABANDON' ? 'outlined' : 'contained'}
            color={a === 'REJECT' || a === 'CANCEL' || a === 'ABANDON' ? 'warning' : 'primary'}
            data-testid={`action-${a}`}
            disabled={busy}
            onClick={() => (needsDialog(a) ? setOpen(a) : void submit(a))}
          >
            {translate(`wishgrid.action.${a}`)}
          </Button>
        ))}
      </Stack>
      <Dialog open={open !== null} onClose={close} fullWidth maxWidth="sm">
        <DialogTitle>{open ? translate(`wishgrid.action.${open}`) : ''}</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1 }}>
            {open === 'DISPATCH' ? (
              <AssigneePicker wishId={record.id} value={assignees} onChange={setAssignees} />
            ) : null}
            {open === 'EVALUATE' ? (
              <Rating value={rating} onChange={(_e, v) => setRating(v)} size="large" data-testid="rating-input" />
            ) : null}
            {spec?.text || open === 'EVALUATE' ? (
              <TextField
                label={translate(`wishgrid.wishes.${open === 'EVALUATE' ? 'comment' : (spec?.text ?? 'note')}`)}
                value={text}
                onChange={(e) => setText(e.target.value)}
                required={spec?.required ?? false}
                multiline
                minRows={2}
                slotProps={{ htmlInput: { 'data-testid': 'action-text' } }}
              />
            ) : null}
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={close}>{translate('ra.action.cancel')}</Button>
          <Button
            variant="contained"
            disabled={!canSubmit || busy}
            data-testid="action-confirm"
            onClick={() => open && void submit(open)}
          >
            {translate('ra.action.confirm')}
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
};
