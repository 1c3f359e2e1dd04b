/**
 * Opaque IDs: base64url of "<Type>:<number>". Clients never build them; a malformed one,
 * or one of another type, decodes to null (reported as NOT_FOUND by callers).
 */
export type IdType =
  | 'OrgUnit'
  | 'Person'
  | 'Wish'
  | 'WishCategory'
  | 'Meeting'
  | 'ServiceBrand'
  | 'MonthlyTheme'
  | 'Activity'
  | 'PointRule'
  | 'PointEntry'
  | 'PropertyCommittee'
  | 'PropertyCommitteeMember'
  | 'Photo'
  | 'ApiKey'
  | 'Notification';

export function encodeId(type: IdType, id: number): string {
  return Buffer.from(`${type}:${id}`, 'utf8').toString('base64url');
}

export function decodeId(type: IdType, value: unknown): number | null {
  if (typeof value !== 'string' || value.length === 0 || value.length > 64) return null;
  if (!/^[A-Za-z0-9_-]+$/.test(value)) return null;
  const decoded = Buffer.from(value, 'base64url').toString('utf8');
  const match = /^([A-Za-z]+):([1-9][0-9]{0,9})$/.exec(decoded);
  if (!match || match[1] !== type) return null;
  const id = Number(match[2]);
  return id <= 2_147_483_647 ? id : null;
}

/** A required ID argument as the domain takes it: the row id, or null when it does not decode (never throws). */
export function ref(type: IdType, value: string): number | null {
  return decodeId(type, value);
}

/** An optional ID argument: undefined when not given (null or absent), else the decoded reference. */
export function optionalRef(type: IdType, value: string | null | undefined): number | null | undefined {
  return value === null || value === undefined ? undefined : decodeId(type, value);
}

/** A list of IDs (e.g. a filter's `ids`): undefined when not given; undecodable entries become null. */
export function refs(type: IdType, values: readonly string[] | null | undefined): (number | null)[] | undefined {
  return values === null || values === undefined ? undefined : values.map((v) => decodeId(type, v));
}
