import englishMessages from 'ra-language-english';
import type { TranslationMessages } from 'react-admin';

export const enMessages: TranslationMessages = {
  ...englishMessages,
  wishgrid: {
    status: {
      SUBMITTED: 'Submitted',
      OPEN_FOR_CLAIM: 'Open for claim',
      DISPATCHED: 'Dispatched',
      ACCEPTED: 'Accepted',
      RESOLVED: 'Resolved',
      CLOSED: 'Closed',
      REJECTED: 'Rejected',
      CANCELLED: 'Cancelled',
    },
  },
};
