import { ToggleButton, ToggleButtonGroup } from '@mui/material';
import { cloneElement, type ReactElement } from 'react';
import { useTranslate } from 'react-admin';

export interface View<V extends string> {
  value: V;
  icon: ReactElement<{ fontSize?: string; sx?: object }>;
  /** i18n key */
  label: string;
  testId: string;
}

/** Two or more views of one page (e.g. a year view and a list), one of them chosen. */
export function ViewSwitch<V extends string>({
  views,
  value,
  onChange,
}: {
  views: readonly View<V>[];
  value: V;
  onChange: (next: V) => void;
}) {
  const translate = useTranslate();
  return (
    <ToggleButtonGroup size="small" exclusive value={value} onChange={(_e, next: V | null) => next && onChange(next)}>
      {views.map((view) => (
        <ToggleButton key={view.value} value={view.value} data-testid={view.testId}>
          {cloneElement(view.icon, { fontSize: 'small', sx: { mr: 0.5 } })}
          {translate(view.label)}
        </ToggleButton>
      ))}
    </ToggleButtonGroup>
  );
}
