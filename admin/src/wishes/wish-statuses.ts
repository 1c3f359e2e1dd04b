// The lifecycle states of a wish, in the order they are reached (see DESIGN.md §3).
export const WISH_STATUSES = [
  'SUBMITTED',
  'OPEN_FOR_CLAIM',
  'DISPATCHED',
  'ACCEPTED',
  'RESOLVED',
  'CLOSED',
  'REJECTED',
  'CANCELLED',
] as const;

export type WishStatus = (typeof WISH_STATUSES)[number];

/** Choices for SelectField/SelectInput; react-admin translates each name as an i18n key. */
export const wishStatusChoices = WISH_STATUSES.map((status) => ({ id: status, name: `wishgrid.status.${status}` }));
