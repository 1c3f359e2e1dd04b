import englishMessages from 'ra-language-english';
import type { TranslationMessages } from 'react-admin';

export const enMessages: TranslationMessages = {
  ...englishMessages,
  resources: {
    wishes: {
      name: 'Wish |||| Wishes',
      fields: {
        id: 'ID',
        title: 'Title',
        status: 'Status',
        description: 'Description',
        category: 'Category',
        compound: 'Compound',
        handlingUnit: 'Handling unit',
        rating: 'Rating',
        createdAt: 'Listed at',
        updatedAt: 'Updated at',
      },
    },
  },
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
