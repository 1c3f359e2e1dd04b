/**
 * A mutation that is not react-admin's create/update/delete (move, retire, grant a role, dissolve…), with
 * react-admin's manners: the server's own message as an error notification, sign-out when the session is
 * gone, a success notification and a refresh of what the page shows.
 */
import { useCallback, useState } from 'react';
import { useLogoutIfAccessDenied, useNotify, useRefresh } from 'react-admin';
import { type Document, errorMessage, gqlMutate } from '../data/graphql-client.ts';

export interface ApiActionOptions {
  /** i18n key of the success notification (default: react-admin's "element updated"), and its arguments. */
  success?: string;
  successArgs?: Record<string, unknown>;
  /** The success notification's kind (default `info`). */
  successType?: 'info' | 'success';
}

export function useApiAction() {
  const notify = useNotify();
  const refresh = useRefresh();
  const logoutIfAccessDenied = useLogoutIfAccessDenied();
  const [pending, setPending] = useState(false);

  const run = useCallback(
    async <T, V extends Record<string, unknown>>(
      document: Document<T, V>,
      variables: V,
      options: ApiActionOptions = {},
    ): Promise<boolean> => {
      setPending(true);
      try {
        await gqlMutate<T, V>(document, variables);
        notify(options.success ?? 'ra.notification.updated', {
          type: options.successType ?? 'info',
          messageArgs: options.successArgs ?? { smart_count: 1 },
        });
        refresh();
        return true;
      } catch (error) {
        if (!(await logoutIfAccessDenied(error))) {
          const message = errorMessage(error);
          // The server's message is shown as it is (the `_` fallback: it is no i18n key).
          notify(message, { type: 'error', messageArgs: { _: message } });
        }
        return false;
      } finally {
        setPending(false);
      }
    },
    [notify, refresh, logoutIfAccessDenied],
  );

  return { run, pending };
}
