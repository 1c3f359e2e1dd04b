/**
 * GeoReport v2 documents as JSON and as XML (which the specification lists first): the same data in both. A list
 * becomes an element per item, named by ITEM_NAMES; null becomes an empty element; text is escaped, and characters
 * XML 1.0 cannot hold are left out, so every document is well-formed whatever the data holds.
 */

export type GeoValue = string | number | boolean | null | GeoValue[] | { [key: string]: GeoValue };

export type Format = 'json' | 'xml';

/** The element of each item of a list, by the list's name (GeoReport v2's XML). */
const ITEM_NAMES: Readonly<Record<string, string>> = {
  services: 'service',
  service_requests: 'request',
  errors: 'error',
  endpoints: 'endpoint',
  formats: 'format',
  attributes: 'attribute',
  values: 'value',
};

/** Characters XML 1.0 can hold: anything else (control characters, lone surrogates) is dropped. */
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export function escapeXml(text: string): string {
  return text.replace(NOT_XML, '').replace(/[&<>"']/g, (c) => XML_ENTITIES[c] as string);
}
const XML_ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

function element(name: string, value: GeoValue): string {
  if (value === null) return `<${name}></${name}>`;
  if (Array.isArray(value)) {
    const item = ITEM_NAMES[name] ?? 'item';
    return `<${name}>${value.map((v) => element(item, v)).join('')}</${name}>`;
  }
  if (typeof value === 'object') {
    return `<${name}>${Object.entries(value)
      .map(([k, v]) => element(k, v))
      .join('')}</${name}>`;
  }
  return `<${name}>${escapeXml(String(value))}</${name}>`;
}

/** The document `root` (its name is the XML root element) in the format: the body and its content type. */
export function render(format: Format, root: string, value: GeoValue): { body: string; contentType: string } {
  if (format === 'json') return { body: JSON.stringify(value), contentType: 'application/json; charset=utf-8' };
  return {
    body: `<?xml version="1.0" encoding="utf-8"?>\n${element(root, value)}`,
    contentType: 'text/xml; charset=utf-8',
  };
}

/** GeoReport v2's error document: `[{ code, description }]` (the code is the HTTP status). */
export function errorDocument(status: number, descriptions: readonly string[]): GeoValue {
  return descriptions.map((description) => ({ code: status, description }));
}
