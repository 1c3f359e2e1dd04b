import englishMessages from 'ra-language-english';
import type { TranslationMessages } from 'react-admin';

export const enMessages: TranslationMessages = {
  ...englishMessages,
  wishgrid: {
    action: {
      SUBMIT: 'List',
      DISPATCH: 'Dispatch',
      OPEN_FOR_CLAIM: 'Open for claim',
      CLAIM: 'Claim',
      ACCEPT: 'Accept',
      DECLINE: 'Decline',
      ABANDON: 'Abandon',
      RESOLVE: 'Resolve',
      EVALUATE: 'Evaluate',
      REOPEN: 'Reopen',
      ESCALATE: 'Escalate',
      REJECT: 'Reject',
      CANCEL: 'Cancel',
      AUTO_CLOSE: 'Closed automatically',
      CLOSE_UNEVALUATED: 'Close without evaluation',
      MERGE: 'Merge into another wish',
    },
    role: {
      RESIDENT: 'Resident',
      GRID_WORKER: 'Grid worker',
      PARTY_MEMBER: 'Party member',
      VOLUNTEER: 'Volunteer',
      BRANCH_SECRETARY: 'Branch secretary',
      STREET_ADMIN: 'Street staff',
      DISPLAY: 'Display screen',
    },
    channel: {
      APP: 'App',
      GRID_VISIT: 'Grid visit',
      HOTLINE: 'Hotline',
      WALK_IN: 'Walk-in',
    },
    live: {
      connecting: 'Connecting to live updates…',
      connected: 'Live',
      reconnecting: 'Live connection lost, reconnecting…',
      restored: 'Live connection restored',
    },
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
