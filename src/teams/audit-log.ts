import type { AuditEntry, AuditQuery, Store } from '../store/index.ts';
import { newTeamId } from './credentials.ts';
import type { Principal } from './principal.ts';

export interface AuditEvent {
  /** Absent for an unauthenticated attempt. */
  principal?: Pick<Principal, 'userId' | 'via' | 'orgId'> | undefined;
  /** The organisation concerned; defaults to the principal's. */
  orgId?: string | null | undefined;
  /** Dotted name, e.g. `session.create`, `apikey.revoke`, `auth.login`. */
  action: string;
  target?: string | null | undefined;
  result: AuditEntry['result'];
  ip?: string | null | undefined;
  userAgent?: string | null | undefined;
  details?: Record<string, unknown> | null | undefined;
}

/** Appends to the audit log (never updates or deletes: the repository has no way to). */
export class AuditLog {
  readonly #store: Pick<Store, 'audit'>;

  constructor(store: Pick<Store, 'audit'>) {
    this.#store = store;
  }

  record(event: AuditEvent): Promise<void> {
    return this.#store.audit.append({
      id: newTeamId('aud'),
      orgId: event.orgId === undefined ? (event.principal?.orgId ?? null) : event.orgId,
      actorId: event.principal?.userId ?? null,
      actorVia: event.principal?.via ?? 'anonymous',
      action: event.action,
      target: event.target ?? null,
      result: event.result,
      at: new Date(),
      ip: event.ip ?? null,
      userAgent: event.userAgent ?? null,
      details: event.details ?? null,
    });
  }

  list(orgId: string, query: AuditQuery): Promise<AuditEntry[]> {
    return this.#store.audit.list(orgId, query);
  }
}

const CSV_COLUMNS = ['at', 'actorId', 'actorVia', 'action', 'target', 'result', 'ip', 'userAgent'] as const;

/** RFC 4180 CSV; cells starting like a formula are prefixed with ' so spreadsheets do not run them. */
export function auditCsv(entries: readonly AuditEntry[]): string {
  const cell = (value: unknown): string => {
    let text = value instanceof Date ? value.toISOString() : value === null || value === undefined ? '' : String(value);
    if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  const lines = [CSV_COLUMNS.join(','), ...entries.map((e) => CSV_COLUMNS.map((c) => cell(e[c])).join(','))];
  return `${lines.join('\r\n')}\r\n`;
}
