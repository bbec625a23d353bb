import { execFile } from 'node:child_process';
import { hostname } from 'node:os';
import { promisify } from 'node:util';
import { isProcessAlive } from '../process-alive.ts';

const run = promisify(execFile);
const IPTABLES_TIMEOUT_MS = 10_000;
const COMMENT_PREFIX = 'spawnai-guard:';
/** Destinations an `outbound` sandbox may never reach: private, CGNAT, link-local (metadata). */
export const BLOCKED_OUTBOUND_CIDRS = [
  '10.0.0.0/8',
  '172.16.0.0/12',
  '192.168.0.0/16',
  '100.64.0.0/10',
  '169.254.0.0/16',
];

async function iptables(args: string[]): Promise<string> {
  // -w: several driver instances (or dockerd) may hold the xtables lock at the same moment.
  const { stdout } = await run('iptables', ['-w', '5', ...args], {
    timeout: IPTABLES_TIMEOUT_MS,
  });
  return stdout;
}

/**
 * `-S` prints a rule as `-A CHAIN args…`, quoting the comment; ours have no spaces, so splitting
 * on whitespace and dropping the quotes gives back the exact arguments.
 */
function ruleArgs(line: string): string[] {
  return line
    .trim()
    .split(/\s+/)
    .map((arg) => arg.replace(/^"(.*)"$/, '$1'));
}

/**
 * Host-side packet filter for the sandbox bridges. Docker's internal network already has no route
 * out, but the host itself answers on the bridge's gateway address (any service bound to 0.0.0.0),
 * so new connections arriving from the bridge are dropped in INPUT; replies to connections the
 * host (the proxy) opened are ESTABLISHED and pass. For `outbound` bridges, DOCKER-USER drops
 * forwarded traffic to private and link-local ranges. Each driver instance tags its rules with its
 * owner id; rules of dead processes on this host are swept on start-up.
 */
export class HostFirewall {
  readonly #comment: string;
  readonly #added: string[][] = [];

  constructor(owner: string) {
    this.#comment = `${COMMENT_PREFIX}${owner}`;
  }

  async guardBridge(bridge: string, outbound: boolean): Promise<void> {
    const tag = ['-m', 'comment', '--comment', this.#comment];
    const rules: string[][] = [
      ['INPUT', '-i', bridge, '-m', 'conntrack', '!', '--ctstate', 'ESTABLISHED,RELATED', ...tag, '-j', 'DROP'],
    ];
    if (outbound) {
      for (const cidr of BLOCKED_OUTBOUND_CIDRS)
        rules.push(['DOCKER-USER', '-i', bridge, '-d', cidr, ...tag, '-j', 'DROP']);
    }
    for (const rule of rules) {
      if (this.#added.some((r) => r.join(' ') === rule.join(' '))) continue;
      await iptables(['-I', ...rule]);
      this.#added.push(rule);
    }
  }

  /** Guard rules of any live owner (this one included) for this bridge. */
  async liveGuards(bridge: string): Promise<string[]> {
    const lines = (await iptables(['-S', 'INPUT'])).split('\n');
    return lines.filter((line) => line.includes(`-i ${bridge} `) && this.#ownerOf(line)?.alive === true);
  }

  /** Whether another live owner guards this bridge too. */
  async othersGuard(bridge: string): Promise<boolean> {
    return (await this.liveGuards(bridge)).some((line) => !ruleArgs(line).includes(this.#comment));
  }

  /** Deletes this instance's rules for one bridge. */
  async removeOwn(bridge: string): Promise<void> {
    for (const rule of this.#added.filter((r) => r.includes(bridge))) {
      await iptables(['-D', ...rule]).catch(() => undefined);
      this.#added.splice(this.#added.indexOf(rule), 1);
    }
  }

  /** Deletes rules left by processes of this host that no longer run. */
  async removeStale(): Promise<number> {
    let removed = 0;
    for (const chain of ['INPUT', 'DOCKER-USER']) {
      const lines = (await iptables(['-S', chain]).catch(() => '')).split('\n');
      for (const line of lines) {
        const owner = this.#ownerOf(line);
        if (!owner || owner.alive || owner.host !== hostname()) continue;
        await iptables(['-D', ...ruleArgs(line).slice(1)]).catch(() => undefined);
        removed += 1;
      }
    }
    return removed;
  }

  #ownerOf(line: string): { host: string; alive: boolean } | undefined {
    const match = new RegExp(`${COMMENT_PREFIX}([^:\\s]+):(\\d+):\\S+`).exec(line);
    if (!match?.[1] || !match[2]) return undefined;
    const host = match[1];
    return { host, alive: host !== hostname() || isProcessAlive(Number(match[2])) };
  }
}
