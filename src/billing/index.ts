export { Ledger, type AccountStatus, type SpendListener } from './ledger.ts';
export { settleOrphanReservations } from './recovery.ts';
export { billingOrgOf } from './billing-org.ts';
export { usageReport, usageCsv, USAGE_GROUPS, type UsageGroupBy, type UsageReport, type UsageFigures } from './usage.ts';
export { toMicro, toUsd, formatUsd, monthStart, MICRO_PER_USD } from './money.ts';
