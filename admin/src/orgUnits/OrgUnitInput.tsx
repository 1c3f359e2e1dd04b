import { AutocompleteInput, ReferenceInput, required, useLocaleState, type Validator } from 'react-admin';
import { localName, type Named } from '../common/names.tsx';
import { type OrgUnitKind, parentFilterFor } from './org-unit-enums.ts';

type UnitOption = Named & { parent?: Named };

/** "文香苑 · 洪顺路社区": the unit's name with its parent's, since names repeat across communities. */
export function unitOptionText(unit: UnitOption | undefined, locale: string): string {
  if (!unit) return '';
  const own = localName(unit, locale);
  const parent = localName(unit.parent, locale);
  return parent ? `${own} · ${parent}` : own;
}

/**
 * Picks an org unit by name (server-side search). `filter` narrows the choices, e.g. `{ kind: 'COMMUNITY' }`;
 * retired units are left out unless `includeRetired`.
 */
export const OrgUnitInput = ({
  source,
  label,
  filter,
  includeRetired = false,
  validate,
  alwaysOn,
  helperText,
}: {
  source: string;
  label?: string;
  filter?: Record<string, unknown>;
  includeRetired?: boolean;
  validate?: Validator | Validator[];
  alwaysOn?: boolean;
  helperText?: string | false;
}) => {
  const [locale] = useLocaleState();
  return (
    <ReferenceInput
      source={source}
      reference="orgUnits"
      filter={{ ...(includeRetired ? {} : { retired: false }), ...(filter ?? {}) }}
      perPage={50}
      alwaysOn={alwaysOn}
    >
      <AutocompleteInput
        label={label}
        validate={validate}
        helperText={helperText}
        // react-admin's own name search is `q`, which the API's filter takes.
        filterToQuery={(q: string) => ({ q })}
        optionText={(unit: UnitOption) => unitOptionText(unit, locale)}
        sx={{ minWidth: 260 }}
      />
    </ReferenceInput>
  );
};

/** The parent of a unit of `kind`: one possible kind of parent narrows the picker on the server. */
export const ParentUnitInput = ({ kind }: { kind: OrgUnitKind | undefined }) => (
  <OrgUnitInput
    source="parentId"
    label="resources.orgUnits.fields.parentId"
    filter={parentFilterFor(kind)}
    validate={required()}
  />
);
