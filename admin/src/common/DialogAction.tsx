/**
 * The panel's action button (move a unit, retire it, grant a role, cancel or finish an activity, check
 * someone in, deactivate a category…): a button that opens a dialog — a confirmation, or a form with the
 * action's fields — then calls the mutation, shows the server's message when it refuses, and refreshes the
 * page when it is done. `immediate` buttons call the mutation at once, without a dialog. It acts on the
 * record of its context (the page's or the row's): its arguments may be functions of it.
 */
import {
  type ButtonProps,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  Button as MuiButton,
} from '@mui/material';
import { type MouseEvent, type ReactElement, type ReactNode, useState } from 'react';
import { Confirm, Form, type RaRecord, useRecordContext, useTranslate } from 'react-admin';
import type { Document } from '../data/graphql-client.ts';
import { type ApiActionOptions, useApiAction } from './api-action.ts';

// react-admin's form values: whatever the inputs hold.
// biome-ignore lint/suspicious/noExplicitAny: a form's values have the shapes of its inputs
export type FormValues = Record<string, any>;

export interface DialogActionProps<T, V extends Record<string, unknown>, R extends RaRecord = RaRecord>
  extends ApiActionOptions {
  /** Shown with a record (the page's or the row's) only when it passes. */
  when?: (record: R) => boolean;
  /** i18n key of the button's text */
  label: string;
  icon?: ReactElement;
  color?: ButtonProps['color'];
  variant?: ButtonProps['variant'];
  size?: ButtonProps['size'];
  testId?: string;
  /** The mutation, and its variables from the form's values and the record (null: nothing to send). */
  mutation: Document<T, V>;
  variables: (values: FormValues, record: R) => V | null;
  /** No dialog: the button calls the mutation at once. */
  immediate?: boolean;
  /** i18n keys of the dialog's title and text, with their arguments. */
  title?: string;
  content?: string;
  messageArgs?: Record<string, unknown> | ((record: R) => Record<string, unknown>);
  /** The form's inputs (react-admin inputs); none: a plain confirmation. */
  children?: ReactNode;
  /** The form's initial values. */
  defaultValues?: FormValues | ((record: R) => FormValues);
  /** i18n key of the submit button (default: confirm), its colour and test id. */
  submitLabel?: string;
  submitColor?: ButtonProps['color'];
  submitTestId?: string;
  maxWidth?: 'xs' | 'sm';
  /** Inside a clickable row: clicks on the button and in the dialog stay here. */
  stopPropagation?: boolean;
}

export function DialogAction<R extends RaRecord, T, V extends Record<string, unknown>>({
  when,
  label,
  icon,
  color,
  variant,
  size = 'small',
  testId,
  mutation,
  variables,
  immediate = false,
  title,
  content,
  messageArgs,
  children,
  defaultValues = {},
  submitLabel = 'ra.action.confirm',
  submitColor,
  submitTestId,
  maxWidth = 'sm',
  stopPropagation = false,
  ...notification
}: DialogActionProps<T, V, R>) {
  const record = useRecordContext<R>();
  const translate = useTranslate();
  const { run, pending } = useApiAction();
  const [open, setOpen] = useState(false);
  if (!record || (when && !when(record))) return null;
  const args = typeof messageArgs === 'function' ? messageArgs(record) : messageArgs;
  const initial = typeof defaultValues === 'function' ? defaultValues(record) : defaultValues;
  const keep = (event: MouseEvent) => {
    if (stopPropagation) event.stopPropagation();
  };
  const close = () => setOpen(false);
  /** Sends the mutation; a confirmation closes whatever the outcome, a form only when it succeeded. */
  const submit = async (values: FormValues) => {
    const vars = variables(values, record);
    const ok = vars === null || (await run(mutation, vars, notification));
    if (ok || children === undefined) close();
  };
  const button = (
    <MuiButton
      size={size}
      color={color}
      variant={variant}
      startIcon={icon}
      data-testid={testId}
      disabled={immediate && pending}
      onClick={(event) => {
        keep(event);
        if (immediate) void submit({});
        else setOpen(true);
      }}
    >
      {translate(label)}
    </MuiButton>
  );
  if (immediate) return button;
  if (children === undefined) {
    return (
      <>
        {button}
        <Confirm
          isOpen={open}
          loading={pending}
          title={title ?? label}
          content={content ?? ''}
          translateOptions={args}
          onConfirm={() => void submit({})}
          onClose={close}
        />
      </>
    );
  }
  return (
    <>
      {button}
      <Dialog open={open} onClose={close} fullWidth maxWidth={maxWidth} onClick={keep}>
        <Form record={initial} onSubmit={submit}>
          <DialogTitle>{translate(title ?? label, args)}</DialogTitle>
          <DialogContent>
            {content && <DialogContentText>{translate(content, args)}</DialogContentText>}
            {children}
          </DialogContent>
          <DialogActions>
            <MuiButton onClick={close}>{translate('ra.action.cancel')}</MuiButton>
            <MuiButton
              type="submit"
              variant="contained"
              color={submitColor}
              disabled={pending}
              data-testid={submitTestId}
            >
              {translate(submitLabel)}
            </MuiButton>
          </DialogActions>
        </Form>
      </Dialog>
    </>
  );
}
