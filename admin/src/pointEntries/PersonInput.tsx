import { Autocomplete, Box, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { FieldTitle, InputHelperText, useInput, useLocaleState, useTranslate, type Validator } from 'react-admin';
import { localName } from '../common/names.tsx';
import { type PersonOption, useDebounced, usePeople } from './person-search.ts';

/** "member.wenxiangyuan.1 · 文香苑": who the person is, beyond a name that may repeat. */
export function personHint(person: PersonOption, locale: string): string {
  const units = [...new Set(person.roles.map((r) => localName(r.orgUnit, locale)).filter(Boolean))];
  return [person.username, ...units].filter(Boolean).join(' · ');
}

/** People offered before the search's results, under their own heading (e.g. who signed up). */
export interface OfferedPeople {
  heading: string;
  people: PersonOption[];
  /** The heading of the search's results */
  othersHeading: string;
}

/**
 * Picks a person by name, username or phone (a server-side search), storing the person's id in `source`.
 * `personRole` narrows the search, e.g. to party members for points; `offered` people come first (filtered
 * by what is typed), and `exclude`d ones never.
 */
export const PersonInput = ({
  source,
  label,
  personRole,
  validate,
  helperText,
  resource,
  offered,
  exclude,
  noOptionsText = 'wishgrid.pointEntries.noPeople',
  size = 'small',
  testId,
}: {
  source: string;
  label?: string;
  /** Only people holding this role, e.g. PARTY_MEMBER. */
  personRole?: string;
  validate?: Validator | Validator[];
  helperText?: string | false;
  resource?: string;
  alwaysOn?: boolean;
  offered?: OfferedPeople;
  exclude?: ReadonlySet<string>;
  noOptionsText?: string;
  size?: 'small' | 'medium';
  testId?: string;
}) => {
  const { field, fieldState, isRequired } = useInput({ source, validate, resource });
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const [text, setText] = useState('');
  const q = useDebounced(text.trim());
  const [chosen, setChosen] = useState<PersonOption | null>(null);
  const value = typeof field.value === 'string' && field.value !== '' ? field.value : null;
  const found = usePeople({ q, ...(personRole ? { role: personRole } : {}) }, q.length > 0);
  // A value that came with the page (a filter in the address, a prefilled form) is looked up by id.
  const known = usePeople({ ids: [value ?? ''] }, value !== null && chosen?.id !== value, 1);
  const current = value === null ? null : chosen?.id === value ? chosen : (known[0] ?? null);
  const needle = q.toLowerCase();
  const first = (offered?.people ?? []).filter((p) => needle === '' || p.displayName.toLowerCase().includes(needle));
  const firstIds = new Set(offered?.people.map((p) => p.id));
  const options = [...first, ...found.filter((p) => !firstIds.has(p.id) && !exclude?.has(p.id))];
  return (
    <Autocomplete<PersonOption>
      options={options}
      groupBy={offered ? (p) => (firstIds.has(p.id) ? offered.heading : offered.othersHeading) : undefined}
      value={current}
      onChange={(_e, option) => {
        setChosen(option);
        field.onChange(option?.id ?? '');
      }}
      onBlur={field.onBlur}
      inputValue={text}
      onInputChange={(_e, next) => setText(next)}
      filterOptions={(options) => options}
      getOptionLabel={(p) => p.displayName}
      isOptionEqualToValue={(a, b) => a.id === b.id}
      noOptionsText={translate(noOptionsText)}
      renderOption={(props, p) => {
        const { key, ...rest } = props as typeof props & { key: string };
        return (
          <Box component="li" key={key} {...rest}>
            <Box>
              <Typography variant="body2">{p.displayName}</Typography>
              {personHint(p, locale) && (
                <Typography variant="caption" color="textSecondary">
                  {personHint(p, locale)}
                </Typography>
              )}
            </Box>
          </Box>
        );
      }}
      sx={{ minWidth: 260 }}
      renderInput={(params) => (
        <TextField
          {...params}
          name={field.name}
          inputRef={field.ref}
          size={size}
          slotProps={{ ...params.slotProps, htmlInput: { ...params.slotProps.htmlInput, 'data-testid': testId } }}
          label={<FieldTitle label={label} source={source} resource={resource} isRequired={isRequired} />}
          error={fieldState.invalid}
          helperText={<InputHelperText error={fieldState.error?.message} helperText={helperText} />}
        />
      )}
    />
  );
};
