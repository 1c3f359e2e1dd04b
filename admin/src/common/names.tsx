/**
 * Units, categories, brands and rules carry an English `name` and a Chinese `nameZh`: the panel shows the
 * one of its language (zh-CN first), falling back to the other.
 */
import { useLocaleState, useRecordContext } from 'react-admin';

export type Named = { name?: string | null; nameZh?: string | null } | null | undefined;

export function localName(value: Named, locale: string): string {
  if (!value) return '';
  return (locale === 'en' ? value.name || value.nameZh : value.nameZh || value.name) ?? '';
}

export function useLocalName(): (value: Named) => string {
  const [locale] = useLocaleState();
  return (value) => localName(value, locale);
}

/** Shows `record[source]`'s localized name, e.g. `<NameField source="compound" />`; `source=""` names the record. */
export const NameField = ({ source }: { source: string; label?: string; sortable?: boolean }) => {
  const record = useRecordContext<Record<string, unknown>>();
  const name = useLocalName();
  const value = (source === '' ? record : record?.[source]) as Named;
  return <span>{name(value)}</span>;
};
