/**
 * The organisation whose money a session or task moves. Until organisations exist (teams), every
 * owner is its own personal organisation with the same id, so this is the one line to change.
 */
export function billingOrgOf(record: { ownerId: string; orgId?: string | null }): string {
  return record.orgId ?? record.ownerId;
}
