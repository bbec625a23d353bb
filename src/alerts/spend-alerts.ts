import type { AccountStatus } from '../billing/index.ts';
import { formatUsd } from '../billing/index.ts';
import type { AlertService } from './alert-service.ts';

/**
 * Budget (80 % and 100 % of the monthly budget: the hard limit, else the soft one) and credit
 * alerts after money moved. The month is the subject: each threshold fires once a month, again
 * only if spend fell back below it (a raised budget) and crossed it anew.
 */
export async function checkSpendAlerts(alerts: AlertService, status: AccountStatus, now = new Date()): Promise<void> {
  const { orgId } = status;
  const month = now.toISOString().slice(0, 7);
  const budget = status.budgetHardUsd ?? status.budgetSoftUsd;
  if (budget !== null && budget > 0) {
    for (const [rule, fraction] of [['budget_80', 0.8], ['budget_100', 1]] as const) {
      if (status.monthSpendUsd >= budget * fraction) {
        await alerts.raise(orgId, rule, month, `organisation ${orgId} has used ${Math.round((status.monthSpendUsd / budget) * 100)}% of its monthly budget (${formatUsd(status.monthSpendUsd)} of ${formatUsd(budget)})`, {
          monthSpendUsd: status.monthSpendUsd,
          budgetUsd: budget,
        });
      } else await alerts.resolve(orgId, rule, month);
    }
  }
  if (status.creditsLimited && status.balanceUsd <= 0) {
    await alerts.raise(orgId, 'credits_exhausted', 'balance', `organisation ${orgId} has run out of credits (balance ${formatUsd(status.balanceUsd)}): new sessions and executions are refused`, { balanceUsd: status.balanceUsd });
  } else if (status.creditsLimited) await alerts.resolve(orgId, 'credits_exhausted', 'balance');
}
