/**
 * The organisation whose money a session or task moves: its `org_id` (migration 007), else its
 * owner, which is the organisation the request acted in (rows from before organisations: the
 * token's owner, whose personal organisation has the same id).
 */
export function billingOrgOf(record: { ownerId: string; orgId?: string | null }): string {
  return record.orgId ?? record.ownerId;
}
