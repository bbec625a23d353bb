/** Row ↔ record conversions shared by the repositories (epoch ms ↔ Date, JSON text ↔ object). */
export type StoreDialect = 'sqlite' | 'postgres';

export function toMs(date: Date): number {
  return date.getTime();
}

export function toMsOrNull(date: Date | null | undefined): number | null {
  return date ? date.getTime() : null;
}

// Number() guards against drivers that hand back int8/bigint as strings or bigints.
export function fromMs(ms: number | string | bigint): Date {
  return new Date(Number(ms));
}

export function fromMsOrNull(ms: number | string | bigint | null): Date | null {
  return ms === null ? null : new Date(Number(ms));
}

export function toJson(value: unknown): string {
  return JSON.stringify(value);
}

export function fromJson<T>(text: string): T {
  return JSON.parse(text) as T;
}

export function numberOrNull(value: number | string | null): number | null {
  return value === null ? null : Number(value);
}
