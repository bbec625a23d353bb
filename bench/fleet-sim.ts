/**
 * Fleet simulation (issue 18): a day of synthetic, bursty arrivals in two regions, fed through the
 * autoscaler's real decision function (src/fleet decide()), against a static fleet sized for the
 * peak. Prints host-hours, p95 wait for a host and sessions refused, and the cost ratio.
 * `npx tsx bench/fleet-sim.ts [--quick]` (quick: 2,500 sessions instead of 10,000). Deterministic
 * (seeded), so the figures are the same on every machine.
 */
import { decide, slotsPerHost, type HostView, type ScalePolicy } from '../src/fleet/index.ts';

const QUICK = process.argv.includes('--quick');
const SESSIONS = QUICK ? 2_500 : 10_000;
const DAY_S = 86_400;
const TICK_S = 5;
const DECIDE_EVERY_S = 15;
const BOOT_S = 75; // droplet create + cloud-init + join (DigitalOcean documents ~55 s to active)
const MAX_WAIT_S = 600; // a session still waiting after 10 min is refused (the user gave up)
const HOURLY_USD = 0.03571; // s-2vcpu-4gb
const REGIONS = [
  { slug: 'fra1', share: 0.6, peakHour: 14 },
  { slug: 'nyc1', share: 0.4, peakHour: 20 },
];
const policy: ScalePolicy = { min: 1, max: 100, slotsPerHost: slotsPerHost(4096, 768, 1024), scaleUpAfterSeconds: 20, cooldownSeconds: 600, hostMaxHours: 24 };

let seed = 42;
const rand = (): number => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);

interface Job { arrival: number; hold: number; region: string; start?: number; refused?: boolean }

/** Diurnal curve per region plus ten 15-minute bursts at 6× the base rate. */
function arrivals(): Job[] {
  const bursts = Array.from({ length: 10 }, () => ({ at: rand() * DAY_S, region: REGIONS[rand() < 0.6 ? 0 : 1]!.slug }));
  const weight = (region: (typeof REGIONS)[number], t: number): number => {
    const hour = t / 3600;
    const distance = Math.min((hour - region.peakHour + 24) % 24, (region.peakHour - hour + 24) % 24);
    const diurnal = 0.15 + Math.exp(-(distance ** 2) / 18);
    const burst = bursts.some((b) => b.region === region.slug && t >= b.at && t < b.at + 900) ? 6 : 1;
    return region.share * diurnal * burst;
  };
  const jobs: Job[] = [];
  let total = 0;
  const grid: { t: number; region: string; w: number }[] = [];
  for (let t = 0; t < DAY_S; t += 60) {
    for (const r of REGIONS) {
      grid.push({ t, region: r.slug, w: weight(r, t) });
      total += weight(r, t);
    }
  }
  for (const g of grid) {
    const n = (g.w / total) * SESSIONS;
    const whole = Math.floor(n) + (rand() < n - Math.floor(n) ? 1 : 0);
    for (let i = 0; i < whole; i++) {
      // 70% static web apps: a slot only while generated (20–60 s); 30% api apps: a sandbox for 10–60 min.
      const hold = rand() < 0.7 ? 20 + rand() * 40 : 600 + rand() * 3000;
      jobs.push({ arrival: g.t + rand() * 60, hold, region: g.region });
    }
  }
  return jobs.sort((a, b) => a.arrival - b.arrival);
}

interface SimHost { id: string; readyAt: number; createdAt: number; busyUntil: number[]; draining: boolean; idleSince: number; gone?: number }

function simulate(jobs: Job[], mode: { autoscale: true } | { autoscale: false; hostsPerRegion: Record<string, number> }): { hostHours: number; waits: number[]; refused: number } {
  const hosts = new Map<string, SimHost[]>(REGIONS.map((r) => [r.slug, []]));
  let nextId = 0;
  const add = (region: string, t: number, ready: number): void => void hosts.get(region)!.push({ id: `h${nextId++}`, readyAt: ready, createdAt: t, busyUntil: [], draining: false, idleSince: ready });
  if (!mode.autoscale) for (const r of REGIONS) for (let i = 0; i < mode.hostsPerRegion[r.slug]!; i++) add(r.slug, 0, 0);
  const queues = new Map<string, Job[]>(REGIONS.map((r) => [r.slug, []]));
  let next = 0;
  const waits: number[] = [];
  let refused = 0;
  for (let t = 0; t < DAY_S + 4 * 3600; t += TICK_S) {
    while (next < jobs.length && jobs[next]!.arrival <= t) queues.get(jobs[next]!.region)!.push(jobs[next++]!);
    for (const r of REGIONS) {
      const q = queues.get(r.slug)!;
      const live = hosts.get(r.slug)!.filter((h) => h.gone === undefined);
      for (const h of live) h.busyUntil = h.busyUntil.filter((u) => u > t);
      // Placement packs: fullest ready host first, so idle ones empty out.
      const ready = live.filter((h) => h.readyAt <= t && !h.draining).sort((a, b) => b.busyUntil.length - a.busyUntil.length);
      while (q.length > 0) {
        const job = q[0]!;
        if (t - job.arrival > MAX_WAIT_S) {
          q.shift();
          job.refused = true;
          refused++;
          continue;
        }
        const host = ready.find((h) => h.busyUntil.length < policy.slotsPerHost);
        if (!host) break;
        q.shift();
        host.busyUntil.push(t + job.hold);
        waits.push(t - job.arrival);
      }
      for (const h of live) if (h.busyUntil.length > 0) h.idleSince = t;
      for (const h of live) if (h.draining && h.busyUntil.length === 0) h.gone = t;
      if (!mode.autoscale || t % DECIDE_EVERY_S !== 0) continue;
      const views: HostView[] = live.filter((h) => h.gone === undefined).map((h) => ({
        id: h.id,
        state: h.draining ? 'draining' : h.readyAt > t ? 'joining' : 'active',
        load: h.busyUntil.length,
        idleSince: new Date(h.idleSince * 1000),
        createdAt: new Date(h.createdAt * 1000),
      }));
      const inFlight = live.reduce((n, h) => n + h.busyUntil.length, 0);
      const d = decide({ region: r.slug, queued: q.length, oldestQueuedSeconds: q[0] ? t - q[0].arrival : 0, inFlight, liveSandboxes: 0, hosts: views }, policy, new Date(t * 1000));
      if (d.action.kind === 'create') for (let i = 0; i < d.action.count; i++) add(r.slug, t, t + BOOT_S);
      if (d.action.kind === 'drain') for (const id of d.action.hostIds) live.find((h) => h.id === id)!.draining = true;
    }
  }
  const end = DAY_S + 4 * 3600;
  const hostHours = [...hosts.values()].flat().reduce((s, h) => s + ((h.gone ?? (mode.autoscale ? end : DAY_S)) - h.createdAt) / 3600, 0);
  return { hostHours, waits, refused };
}

/** Hosts a region needs at its busiest minute, if every session got a slot at once. */
function peakHosts(jobs: Job[], region: string): number {
  const events: [number, number][] = [];
  for (const j of jobs) if (j.region === region) events.push([j.arrival, 1], [j.arrival + j.hold, -1]);
  events.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let cur = 0;
  let peak = 0;
  for (const [, d] of events) peak = Math.max(peak, (cur += d));
  return Math.ceil(peak / policy.slotsPerHost);
}

const p95 = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(s.length * 0.95))] ?? 0;
};

const jobs = arrivals();
const staticSizes = Object.fromEntries(REGIONS.map((r) => [r.slug, peakHosts(jobs, r.slug)]));
const fixed = simulate(jobs.map((j) => ({ ...j })), { autoscale: false, hostsPerRegion: staticSizes });
const auto = simulate(jobs.map((j) => ({ ...j })), { autoscale: true });
const row = (name: string, r: ReturnType<typeof simulate>): string =>
  `| ${name} | ${r.hostHours.toFixed(1)} | $${(r.hostHours * HOURLY_USD).toFixed(2)} | ${p95(r.waits).toFixed(0)} s | ${r.refused} |`;
console.log(`fleet simulation: ${jobs.length} sessions over 24 h in ${REGIONS.map((r) => r.slug).join(' + ')}, ${policy.slotsPerHost} slots per s-2vcpu-4gb host, boot ${BOOT_S} s, static fleet ${JSON.stringify(staticSizes)} hosts`);
console.log('| fleet | host-hours | cost | p95 wait for a host | refused (waited > 10 min) |');
console.log('| --- | --- | --- | --- | --- |');
console.log(row('static, sized for the peak', fixed));
console.log(row('autoscaled (decide())', auto));
console.log(`cost ratio autoscaled / static: ${(auto.hostHours / fixed.hostHours).toFixed(2)}×`);
