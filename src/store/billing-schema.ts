/** Tables of credits, the ledger, webhooks and alerts (migration 011); conventions as schema.ts. */
export interface BillingAccountsTable {
  org_id: string;
  credits_limited: number;
  budget_soft_usd: number | null;
  budget_hard_usd: number | null;
  created_at: number;
  updated_at: number;
}

export interface LedgerEntriesTable {
  id: string;
  org_id: string;
  kind: string;
  /** Signed micro-dollars: + adds to the balance, − takes from it. */
  amount_micro: number;
  session_id: string | null;
  ref: string | null;
  note: string | null;
  actor: string | null;
  /** JSON text */
  details: string;
  at: number;
}

export interface WebhooksTable {
  id: string;
  org_id: string;
  url: string;
  /** JSON text: string[] */
  events: string;
  format: string;
  secret: string;
  created_at: number;
  deleted_at: number | null;
}

export interface WebhookDeliveriesTable {
  id: string;
  webhook_id: string;
  event: string;
  /** JSON text */
  payload: string;
  state: string;
  attempts: number;
  created_at: number;
  updated_at: number;
}

export interface WebhookAttemptsTable {
  id: string;
  delivery_id: string;
  at: number;
  status_code: number | null;
  duration_ms: number;
  error: string | null;
}

export interface AlertIncidentsTable {
  id: string;
  org_id: string;
  rule: string;
  subject: string;
  open_key: string | null;
  /** JSON text */
  data: string;
  opened_at: number;
  closed_at: number | null;
}

export interface BillingTables {
  billing_accounts: BillingAccountsTable;
  ledger_entries: LedgerEntriesTable;
  webhooks: WebhooksTable;
  webhook_deliveries: WebhookDeliveriesTable;
  webhook_attempts: WebhookAttemptsTable;
  alert_incidents: AlertIncidentsTable;
}
