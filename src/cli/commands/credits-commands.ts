import type { Command } from 'commander';
import type { AccountView } from '../../api-types.ts';
import { clientOptions, spawnClient, unwrap, withClient, type ClientFlags } from '../api-client.ts';

/** One account as a few lines: the balance (or no limit), this month's spend, the budget, a refusal. */
function printAccount(a: AccountView): void {
  const usd = (n: number): string => `${n < 0 ? '-' : ''}$${Math.abs(n).toFixed(2)}`;
  console.log(`${a.orgId}: balance ${usd(a.balanceUsd)}${a.creditsLimited ? '' : ' (no credit limit)'}`);
  console.log(`  spent this month ${usd(a.monthSpendUsd)}; budget soft ${a.budgetSoftUsd === null ? '-' : usd(a.budgetSoftUsd)}, hard ${a.budgetHardUsd === null ? '-' : usd(a.budgetHardUsd)}`);
  if (a.refusal) console.log(`  new sessions are refused: ${a.refusal.code}: ${a.refusal.message}`);
}

/** `spawnai credits add|show`: an organisation's credit balance (top-ups are for installation admins). */
export function creditsCommands(program: Command): void {
  const credits = program.command('credits').description("an organisation's credits");
  withClient(credits.command('add <orgId> <amountUsd>').description('add dollars to an organisation (installation admins; a negative amount after `--` corrects a mistake)'))
    .option('--note <text>', 'why, kept in the ledger')
    .option('--json', 'print the raw JSON')
    .action(async (orgId: string, amount: string, flags: ClientFlags & { note?: string; json?: boolean }) => {
      const amountUsd = Number(amount);
      // Checked here too, so a typo never reaches the ledger as NaN or a silent zero.
      if (amount.trim() === '' || !Number.isFinite(amountUsd) || amountUsd === 0) throw new Error(`amountUsd must be a non-zero number of dollars, got "${amount}"`);
      const body = { amountUsd, ...(flags.note ? { note: flags.note } : {}) };
      const account = unwrap(await spawnClient(clientOptions(flags)).POST('/api/orgs/{id}/credits', { params: { path: { id: orgId } }, body }));
      if (flags.json) return console.log(JSON.stringify(account, null, 2));
      console.log(`✔ added ${amountUsd < 0 ? '-' : ''}$${Math.abs(amountUsd).toFixed(2)} to ${orgId}`);
      printAccount(account);
    });
  withClient(credits.command('show <orgId>').description("an organisation's balance, monthly spend and budget"))
    .option('--json', 'print the raw JSON')
    .action(async (orgId: string, flags: ClientFlags & { json?: boolean }) => {
      const account = unwrap(await spawnClient(clientOptions(flags)).GET('/api/orgs/{id}/billing', { params: { path: { id: orgId } } }));
      if (flags.json) return console.log(JSON.stringify(account, null, 2));
      printAccount(account);
    });
}
