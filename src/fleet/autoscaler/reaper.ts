import type { SpawnConfig } from '../../config/index.ts';
import type { Logger } from '../../log/index.ts';
import type { Store } from '../../store/index.ts';
import type { CloudProvider } from '../provider/cloud-provider.ts';
import { fleetTags, type HostActions } from './host-actions.ts';

/**
 * Leak protection: every droplet carrying the installation's tag must be a live host the database
 * knows. Strangers (a crash between create and record, a restored backup, a row destroyed while
 * the cloud was down) are destroyed; so are hosts past their maximum age plus the drain time.
 * Rows whose droplet vanished are closed.
 */
export async function reapUnknownHosts(d: { store: Store; provider: CloudProvider; actions: HostActions; config: SpawnConfig; logger: Logger; now: Date }): Promise<number> {
  const droplets = await d.provider.listHosts(fleetTags(d.config.redisNamespace).install);
  const rows = await d.store.fleet.listHosts();
  const byProvider = new Map(rows.filter((r) => r.providerId).map((r) => [r.providerId!, r]));
  const creatingNames = new Set(rows.filter((r) => r.state === 'creating').map((r) => r.name));
  const maxAgeMs = (d.config.fleet.hostMaxHours * 3600 + d.config.fleet.drainMaxSeconds) * 1000;
  let reaped = 0;
  for (const droplet of droplets) {
    const known = byProvider.get(droplet.id);
    if (known && d.now.getTime() - droplet.createdAt.getTime() <= maxAgeMs) continue;
    if (!known && creatingNames.has(droplet.name)) continue; // its create is still being recorded
    d.logger.warn({ dropletId: droplet.id, name: droplet.name, known: !!known }, 'fleet reaper: destroying a droplet no live host owns');
    if (known) await d.actions.destroy(known, 'HOST_MAX_AGE', d.now);
    else await d.provider.destroyHost(droplet.id);
    reaped++;
  }
  const present = new Set(droplets.map((x) => x.id));
  for (const r of rows) if (r.providerId && !present.has(r.providerId)) await d.actions.destroy(r, 'HOST_VANISHED', d.now);
  return reaped;
}
