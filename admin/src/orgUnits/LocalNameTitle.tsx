import { useRecordContext, useTranslate } from 'react-admin';
import { type Named, useLocalName } from '../common/names.tsx';

/** "<resource name> <the record's name in the panel's language>": the page title of a named record. */
export const LocalNameTitle = ({ resource }: { resource: string }) => {
  const record = useRecordContext<Named & { id: string }>();
  const translate = useTranslate();
  const name = useLocalName();
  return (
    <span>
      {translate(`resources.${resource}.name`, { smart_count: 1 })} {name(record)}
    </span>
  );
};
