import EditIcon from '@mui/icons-material/Edit';
import {
  BooleanInput,
  maxLength,
  maxValue,
  minValue,
  NumberInput,
  required,
  TextInput,
  useLocaleState,
  useRecordContext,
} from 'react-admin';
import { DialogAction } from '../common/DialogAction.tsx';
import { localName } from '../common/names.tsx';
import type { PointRuleRecord } from './point-kinds.ts';
import pointRules, { ruleUpdateInput } from './queries.ts';

/**
 * Edits a rule in a dialog over the list (the API has no single-rule query, and a rule has few fields).
 * The update sends only what changed, with the version read: a concurrent edit is refused (CONFLICT).
 */
export const EditPointRuleButton = () => {
  const record = useRecordContext<PointRuleRecord>();
  const [locale] = useLocaleState();
  const update = pointRules.update;
  if (!update) return null;
  return (
    <DialogAction
      label="ra.action.edit"
      icon={<EditIcon />}
      testId={`edit-rule-${record?.code}`}
      title="wishgrid.pointRules.editTitle"
      messageArgs={(rule: PointRuleRecord) => ({ name: localName(rule, locale) })}
      defaultValues={(rule) => rule}
      mutation={update.document}
      variables={(values, rule) => {
        const input = ruleUpdateInput(values, rule.id, rule);
        const { ruleId: _rule, expectedVersion: _version, ...changes } = input;
        return Object.keys(changes).length > 0 ? { input } : null;
      }}
      success="wishgrid.pointRules.saved"
      submitLabel="ra.action.save"
      stopPropagation
    >
      <TextInput source="nameZh" validate={[required(), maxLength(100)]} fullWidth />
      <TextInput source="name" validate={[required(), maxLength(100)]} fullWidth />
      <NumberInput
        source="amount"
        validate={[required(), minValue(1), maxValue(1000)]}
        step={1}
        helperText="wishgrid.pointRules.amountHelp"
      />
      <NumberInput source="capPerYear" validate={minValue(1)} step={1} helperText="wishgrid.pointRules.capHelp" />
      <BooleanInput source="active" />
    </DialogAction>
  );
};
