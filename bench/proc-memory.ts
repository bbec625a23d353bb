import fs from 'node:fs';

function children(): Map<number, number[]> {
  const map = new Map<number, number[]>();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue; // exited meanwhile
    }
    // Fields after the parenthesised command name: state, ppid, …
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    map.set(ppid, [...(map.get(ppid) ?? []), Number(entry)]);
  }
  return map;
}

function statusKb(pid: number, field: string): number {
  try {
    const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}

/** Proportional set size (KiB): each shared page split between the processes that map it. */
function pssKb(pid: number): number {
  try {
    const m = /^Pss:\s+(\d+) kB/m.exec(fs.readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}

/**
 * Sum of VmRSS (KiB) of `pids`, and of all their descendants when asked. `rss` counts shared pages
 * once per process (an upper bound); `pss` splits them between their users (what the tree costs).
 */
export function rssOfTreeKb(pids: number[], withDescendants: boolean, measure: 'rss' | 'pss' = 'rss'): number {
  const tree = withDescendants ? children() : new Map<number, number[]>();
  const seen = new Set<number>();
  const stack = [...pids];
  let total = 0;
  while (stack.length > 0) {
    const pid = stack.pop()!;
    if (seen.has(pid)) continue;
    seen.add(pid);
    total += measure === 'pss' ? pssKb(pid) : statusKb(pid, 'VmRSS');
    stack.push(...(tree.get(pid) ?? []));
  }
  return total;
}
