import EditIcon from '@mui/icons-material/Edit';
import { Button, Dialog, DialogActions, DialogContent, DialogTitle } from '@mui/material';
import { useState } from 'react';
import {
  BooleanInput,
  Form,
  maxLength,
  maxValue,
  minValue,
  NumberInput,
  required,
  SaveButton,
  TextInput,
  useLocaleState,
  useNotify,
  useRecordContext,
  useTranslate,
  useUpdate,
} from 'react-admin';
import { localName } from '../common/names.tsx';
import type { PointRuleRecord } from './point-kinds.ts';

/**
 * Edits a rule in a dialog over the list (the API has no single-rule query, and a rule has few fields).
 * The update sends only what changed, with the version read: a concurrent edit is refused (CONFLICT).
 */
export const EditPointRuleButton = () => {
  const record = useRecordContext<PointRuleRecord>();
  const translate = useTranslate();
  const notify = useNotify();
  const [locale] = useLocaleState();
  const [open, setOpen] = useState(false);
  const [update, { isPending }] = useUpdate<PointRuleRecord>();
  if (!record) return null;
  const save = (data: Partial<PointRuleRecord>) =>
    update(
      'pointRules',
      { id: record.id, data, previousData: record },
      {
        mutationMode: 'pessimistic',
        onSuccess: () => {
          notify('wishgrid.pointRules.saved', { type: 'info' });
          setOpen(false);
        },
        onError: (error) => {
          const message = error instanceof Error ? error.message : String(error);
          notify(message, { type: 'error', messageArgs: { _: message } });
        },
      },
    );
  return (
    <>
      <Button
        size="small"
        startIcon={<EditIcon />}
        onClick={(e) => {
          e.stopPropagation();
          setOpen(true);
        }}
        data-testid={`edit-rule-${record.code}`}
      >
        {translate('ra.action.edit')}
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} fullWidth maxWidth="sm" onClick={(e) => e.stopPropagation()}>
        <Form record={record} onSubmit={save}>
          <DialogTitle>{translate('wishgrid.pointRules.editTitle', { name: localName(record, locale) })}</DialogTitle>
          <DialogContent>
            <TextInput source="nameZh" validate={[required(), maxLength(100)]} fullWidth />
            <TextInput source="name" validate={[required(), maxLength(100)]} fullWidth />
            <NumberInput
              source="amount"
              validate={[required(), minValue(1), maxValue(1000)]}
              step={1}
              helperText="wishgrid.pointRules.amountHelp"
            />
            <NumberInput source="capPerYear" validate={minValue(1)} step={1} helperText="wishgrid.pointRules.capHelp" />
            <BooleanInput source="active" />
          </DialogContent>
          <DialogActions>
            <Button onClick={() => setOpen(false)}>{translate('ra.action.cancel')}</Button>
            <SaveButton disabled={isPending} alwaysEnable={false} />
          </DialogActions>
        </Form>
      </Dialog>
    </>
  );
};
