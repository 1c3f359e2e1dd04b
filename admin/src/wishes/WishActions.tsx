import { Autocomplete, Rating, Stack, TextField } from '@mui/material';
import { required, TextInput, useInput, useRecordContext, useTranslate } from 'react-admin';
import { DialogAction } from '../common/DialogAction.tsx';
import { useGql } from '../data/graphql-client.ts';
import { graphql } from '../gql/gql.ts';
import type { AssignablePeopleQuery, WishAction, WishDetailFragment } from '../gql/graphql.ts';

/** The mutation and the inputs each action asks for (AUTO_CLOSE and SUBMIT are not the panel's buttons). */
const SPEC: Partial<
  Record<WishAction, { mutation: string; input: string; text?: 'note' | 'reason'; required?: boolean }>
> = {
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
  CLOSE_UNEVALUATED: {
    mutation: 'closeWishWithoutEvaluation',
    input: 'CloseWishWithoutEvaluationInput',
    text: 'reason',
    required: true,
  },
};

/** Actions that undo or refuse: drawn outlined, in the warning colour. */
const HOLDS_BACK: readonly WishAction[] = ['REJECT', 'CANCEL', 'ABANDON'];

const ASSIGNABLE = graphql(`
  query AssignablePeople($wishId: ID!) {
    assignablePeople(wishId: $wishId) { id displayName roles { role orgUnit { name nameZh } } }
  }
`);

type Person = AssignablePeopleQuery['assignablePeople'][number];

/** Who gets the order: party members and volunteers the server offers for this wish (several may). */
const AssigneeInput = ({ wishId }: { wishId: string }) => {
  const translate = useTranslate();
  const { field } = useInput<Person[]>({ source: 'assignees', defaultValue: [], validate: required() });
  const { data } = useGql(['assignable', wishId], ASSIGNABLE, { wishId });
  return (
    <Autocomplete<Person, true>
      multiple
      options={data?.assignablePeople ?? []}
      value={field.value ?? []}
      onChange={(_e, people) => field.onChange(people)}
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

/** The resident's stars: 3–5 close the wish, 1–2 reopen it (the server decides which). */
const RatingInput = () => {
  const { field } = useInput<number | null>({ source: 'rating', validate: required() });
  return (
    <Rating
      value={field.value ?? null}
      onChange={(_e, value) => field.onChange(value)}
      size="large"
      data-testid="rating-input"
    />
  );
};

/** One action's button, with its dialog when it asks for something. */
const WishActionButton = ({ wishId, action }: { wishId: string; action: WishAction }) => {
  const translate = useTranslate();
  const spec = SPEC[action];
  if (!spec) return null;
  const evaluate = action === 'EVALUATE';
  const text = evaluate ? 'comment' : spec.text;
  const label = `wishgrid.action.${action}`;
  return (
    <DialogAction
      label={label}
      variant={HOLDS_BACK.includes(action) ? 'outlined' : 'contained'}
      color={HOLDS_BACK.includes(action) ? 'warning' : 'primary'}
      size="medium"
      testId={`action-${action}`}
      immediate={!text && action !== 'DISPATCH'}
      mutation={`mutation WishAction($input: ${spec.input}!) { ${spec.mutation}(input: $input) { wish { id status } } }`}
      variables={(values) => {
        const written = typeof values.text === 'string' ? values.text.trim() : '';
        return {
          input: {
            wishId,
            ...(spec.text && written !== '' ? { [spec.text]: written } : {}),
            ...(action === 'DISPATCH' ? { assigneeIds: (values.assignees as Person[]).map((p) => p.id) } : {}),
            ...(evaluate ? { rating: values.rating } : {}),
          },
        };
      }}
      success="wishgrid.wishes.done"
      successArgs={{ action: translate(label) }}
      successType="success"
      submitTestId="action-confirm"
    >
      {text || action === 'DISPATCH' ? (
        <Stack spacing={2} sx={{ pt: 1 }}>
          {action === 'DISPATCH' && <AssigneeInput wishId={wishId} />}
          {evaluate && <RatingInput />}
          {text && (
            <TextInput
              source="text"
              label={`wishgrid.wishes.${text}`}
              validate={spec.required ? required() : undefined}
              multiline
              minRows={2}
              slotProps={{ htmlInput: { 'data-testid': 'action-text' } }}
            />
          )}
        </Stack>
      ) : undefined}
    </DialogAction>
  );
};

/** The transitions the viewer may take now (the server's `availableActions`), each with its dialog. */
export const WishActions = () => {
  const record = useRecordContext<Pick<WishDetailFragment, 'availableActions'> & { id: string }>();
  if (!record) return null;
  // One evaluation button: the stars decide whether it closes or reopens.
  const actions = (record.availableActions ?? []).filter((a) => a !== 'REOPEN');
  return (
    <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap', gap: 1 }} data-testid="wish-actions">
      {actions.map((action) => (
        <WishActionButton key={action} wishId={record.id} action={action} />
      ))}
    </Stack>
  );
};
