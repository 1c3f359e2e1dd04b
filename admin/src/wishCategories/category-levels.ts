// The levels that usually handle a category (the API accepts these three kinds of unit).
export const CATEGORY_LEVELS = ['COMPOUND', 'COMMUNITY', 'STREET'] as const;

/** Labelled with the org unit kinds' names. */
export const categoryLevelChoices = CATEGORY_LEVELS.map((level) => ({
  id: level,
  name: `wishgrid.orgUnits.kind.${level}`,
}));
