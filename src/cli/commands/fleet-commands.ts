import type { Command } from 'commander';
import { clientOptions, spawnClient, unwrap, withClient, type ClientFlags } from '../api-client.ts';

/** `spawnai fleet status`: the hosts, their cost, and the autoscaler's latest decisions. */
export function fleetCommands(program: Command): void {
  const fleet = program.command('fleet').description('the elastic worker fleet');
  withClient(fleet.command('status').description('hosts per region, cost, and the latest autoscaler decisions (admins)'))
    .option('--json', 'print the raw JSON')
    .option('-n, --decisions <n>', 'decisions to show', '10')
    .action(async (flags: ClientFlags & { json?: boolean; decisions: string }) => {
      const view = unwrap(await spawnClient(clientOptions(flags)).GET('/api/fleet'));
      if (flags.json) return console.log(JSON.stringify(view, null, 2));
      console.log(`fleet: ${view.enabled ? `on (${view.provider})` : 'off (no DIGITALOCEAN_TOKEN: workers are started by hand)'}; regions ${view.regions.join(', ')} (default ${view.defaultRegion}); leader ${view.leader ?? '-'}`);
      const live = view.hosts.filter((h) => h.state !== 'destroyed');
      console.log(`hosts: ${live.length} live, ${view.hosts.length - live.length} destroyed`);
      for (const h of live) {
        const cap = h.capacity ? `room ${h.capacity.room ?? '?'}, sandboxes ${h.capacity.sandboxes ?? '?'}, free ${h.capacity.freeMemoryMb ?? '?'} MiB` : 'no heartbeat yet';
        console.log(`  ${h.region.padEnd(6)} ${h.state.padEnd(9)} ${h.name}  droplet ${h.dropletId ?? '-'}  ${cap}`);
      }
      const money = (n: number): string => `$${n.toFixed(4)}`;
      for (const [region, c] of Object.entries(view.cost.byRegion)) console.log(`cost ${region}: ${c.hostHours.toFixed(2)} host-hours, ${money(c.costUsd)} (sessions billed ${money(c.billedUsd)})`);
      console.log(`cost total: ${view.cost.total.hostHours.toFixed(2)} host-hours, ${money(view.cost.total.costUsd)} (sessions billed ${money(view.cost.total.billedUsd)})`);
      for (const d of view.decisions.slice(0, Number(flags.decisions))) console.log(`  ${d.at} ${d.region.padEnd(6)} desired ${d.desired}  ${d.action}  (${String(d.inputs.reason ?? '')})`);
    });
}
