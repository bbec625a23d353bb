/**
 * The persistence contract of credits, the ledger, webhooks and alerts (issue 16). Money in the
 * ledger is integer micro-dollars (1 USD = 1 000 000), so sums are exact.
 */
export const LEDGER_KINDS = ['grant', 'topup', 'reserve', 'release', 'charge', 'function'] as const;
export type LedgerKind = (typeof LEDGER_KINDS)[number];

export interface BillingAccount {
  orgId: string;
  /** False: no credit limit (the balance is still kept, it may go below zero). */
  creditsLimited: boolean;
  budgetSoftUsd: number | null;
  budgetHardUsd: number | null;
  createdAt: Date;
}

export interface LedgerEntry {
  id: string;
  orgId: string;
  kind: LedgerKind;
  amountMicro: number;
  sessionId: string | null;
  /** Idempotency key: a second entry with the same ref is not written. */
  ref: string | null;
  note: string | null;
  actor: string | null;
  details: Record<string, unknown>;
  at: Date;
}

export type NewLedgerEntry = Omit<LedgerEntry, 'id' | 'ref' | 'note' | 'actor' | 'details' | 'sessionId'> &
  Partial<Pick<LedgerEntry, 'ref' | 'note' | 'actor' | 'details' | 'sessionId'>>;

export interface LedgerRepository {
  /** Creates the account when missing (with `initialMicro` as a grant); returns it either way. */
  ensureAccount(orgId: string, defaults: { creditsLimited: boolean; initialMicro: number }, at: Date): Promise<BillingAccount>;
  getAccount(orgId: string): Promise<BillingAccount | null>;
  updateAccount(orgId: string, patch: Partial<Pick<BillingAccount, 'creditsLimited' | 'budgetSoftUsd' | 'budgetHardUsd'>>): Promise<BillingAccount | null>;
  /**
   * Takes the account's row lock for the rest of the transaction (an UPDATE: a row lock on
   * PostgreSQL, the write lock on SQLite), so balance checks and writes of one org serialise.
   */
  lock(orgId: string): Promise<boolean>;
  /** Writes the entry; false when an entry with the same ref exists (nothing written). */
  add(entry: NewLedgerEntry): Promise<boolean>;
  balanceMicro(orgId: string): Promise<number>;
  /** Sum of the org's entries of these kinds at or after `since`. */
  sumMicro(orgId: string, kinds: readonly LedgerKind[], since?: Date): Promise<number>;
  listByOrg(orgId: string, options: { from?: Date; to?: Date; limit?: number }): Promise<LedgerEntry[]>;
  listBySession(sessionId: string): Promise<LedgerEntry[]>;
  /** Sessions with a reservation but no charge yet (what recovery looks at). */
  unsettledSessions(limit: number): Promise<string[]>;
  /** Reservations not yet released (this month's committed spend), in micro-dollars (negative). */
  openReservationsMicro(orgId: string): Promise<number>;
}

export const WEBHOOK_FORMATS = ['json', 'slack', 'discord'] as const;
export type WebhookFormat = (typeof WEBHOOK_FORMATS)[number];

export interface WebhookRecord {
  id: string;
  orgId: string;
  url: string;
  events: string[];
  format: WebhookFormat;
  secret: string;
  createdAt: Date;
}

export type DeliveryState = 'pending' | 'delivered' | 'failed';

export interface DeliveryRecord {
  id: string;
  webhookId: string;
  event: string;
  payload: Record<string, unknown>;
  state: DeliveryState;
  attempts: number;
  createdAt: Date;
  updatedAt: Date;
}

export interface DeliveryAttempt {
  id: string;
  deliveryId: string;
  at: Date;
  statusCode: number | null;
  durationMs: number;
  error: string | null;
}

export interface WebhookRepository {
  create(record: WebhookRecord): Promise<WebhookRecord>;
  get(id: string): Promise<WebhookRecord | null>;
  listByOrg(orgId: string): Promise<WebhookRecord[]>;
  /** False when it was already gone. */
  delete(id: string, at: Date): Promise<boolean>;
  /** Null when a delivery with this id exists already (deterministic ids make an event deliver once). */
  addDelivery(record: Omit<DeliveryRecord, 'attempts' | 'updatedAt'>): Promise<DeliveryRecord | null>;
  getDelivery(id: string): Promise<DeliveryRecord | null>;
  listDeliveries(webhookId: string, limit: number): Promise<(DeliveryRecord & { attemptLog: DeliveryAttempt[] })[]>;
  /** Logs one attempt and moves the delivery to `state` (attempts + 1). */
  recordAttempt(attempt: DeliveryAttempt, state: DeliveryState): Promise<void>;
  setDeliveryState(id: string, state: DeliveryState, at: Date): Promise<void>;
}

export interface AlertIncident {
  id: string;
  orgId: string;
  rule: string;
  subject: string;
  data: Record<string, unknown>;
  openedAt: Date;
  closedAt: Date | null;
}

export interface AlertRepository {
  /** Opens an incident unless one is open for (org, rule, subject): the new one, or null. */
  open(incident: Omit<AlertIncident, 'closedAt'>): Promise<AlertIncident | null>;
  /** Closes the open incident of (org, rule, subject); false when none was open. */
  close(orgId: string, rule: string, subject: string, at: Date): Promise<boolean>;
  listByOrg(orgId: string, limit: number): Promise<AlertIncident[]>;
}
