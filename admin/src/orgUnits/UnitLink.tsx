import type { MouseEvent } from 'react';
import { Link, useCreatePath, useRecordContext } from 'react-admin';
import { type Named, useLocalName } from '../common/names.tsx';

type LinkedUnit = Named & { id: string };

/**
 * A unit by name, linking to its page: `record[source]` (e.g. `parent`, `compound`), or `unit` when given.
 */
export const UnitLink = ({ source = '', unit }: { source?: string; unit?: LinkedUnit | null; label?: string }) => {
  const record = useRecordContext<Record<string, unknown>>();
  const createPath = useCreatePath();
  const name = useLocalName();
  const target = unit ?? ((source === '' ? record : record?.[source]) as LinkedUnit | null | undefined);
  if (!target?.id) return null;
  return (
    <Link
      to={createPath({ resource: 'orgUnits', id: target.id, type: 'show' })}
      // Inside a clickable row, following the link must not also open the row.
      onClick={(event: MouseEvent) => event.stopPropagation()}
    >
      {name(target)}
    </Link>
  );
};
