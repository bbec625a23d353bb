import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import type Docker from 'dockerode';
import { LAUNCHER_STDIN_ARGV } from '../launcher/launcher-client.ts';

/** Everything a sandbox container looks like, in one place, so tests can assert it. */
export const SANDBOX_USER = '1000:1000';
export const APP_DIR = '/app';
export const APP_PORT = 8080;
/** The app launcher's control port (closed once it has started the app); see launcher-client.ts. */
export const LAUNCHER_CONTROL_PORT = 8079;
export const LABEL = {
  managed: 'spawnai.managed',
  session: 'spawnai.session',
  tier: 'spawnai.tier',
  role: 'spawnai.role',
  createdAt: 'spawnai.created-at',
  expiresAt: 'spawnai.expires-at',
  owner: 'spawnai.owner',
  network: 'spawnai.network',
  /** Which installation (data directory) made it: the reaper never touches another's sandboxes. */
  installation: 'spawnai.installation',
  /** Its main process is the app launcher (the app runs in it, not in an exec). */
  launcher: 'spawnai.launcher',
} as const;
/** The `spawnai.installation` label value of a data directory's sandboxes. */
export function installationId(dataDir: string): string {
  return createHash('sha256').update(resolve(dataDir)).digest('hex').slice(0, 16);
}

export const POOL_NAME_PREFIX = 'spawnai-pool-';
export const SESSION_NAME_PREFIX = 'spawnai-session-';
const APP_DIR_MB = 64;
const TMP_DIR_MB = 64;
/** Files per tmpfs: an inode flood ends in ENOSPC (tmpfs defaults to half the host's RAM pages). */
const DIR_INODES = 16_384;

export interface ResourceLimits {
  memoryMb: number;
  cpus: number;
  pids: number;
}

export interface ContainerSpecInput extends ResourceLimits {
  image: string;
  name: string;
  role: 'pool' | 'session';
  /** Empty for an unclaimed pool container. */
  sessionId: string;
  tier: string;
  networkName: string;
  network: 'none' | 'outbound';
  /** The driver instance that made it (`host:pid:id`), so a later one can tell stale pools. */
  owner: string;
  installation: string;
  expiresAt?: Date;
  labels?: Record<string, string>;
  /**
   * Runs the app launcher as the main process. Its settings and token come on its stdin (see
   * launcher-handover.ts), never in Env: every `docker exec` inherits the container's Env.
   */
  launcher?: boolean;
  /** Host directories bound read-only (a function's requirement layer). */
  readOnlyMounts?: { source: string; target: string }[];
}

/** The only environment a sandbox ever sees: nothing is inherited from the host. */
export function sandboxEnv(extra: Record<string, string> = {}): string[] {
  const env: Record<string, string> = {
    ...extra,
    PORT: String(APP_PORT),
    HOME: '/tmp',
    NODE_PATH: '/opt/spawnai/node_modules',
    PATH: '/usr/local/bin:/usr/bin:/bin',
    LANG: 'C.UTF-8',
  };
  return Object.entries(env).map(([key, value]) => `${key}=${value}`);
}

export function resourceLimits(limits: ResourceLimits): Docker.HostConfig {
  const memoryBytes = limits.memoryMb * 1024 * 1024;
  return {
    Memory: memoryBytes,
    MemorySwap: memoryBytes, // equal to Memory: no swap on top of the limit
    NanoCpus: Math.round(limits.cpus * 1e9),
    PidsLimit: limits.pids,
  };
}

export function buildContainerOptions(input: ContainerSpecInput): Docker.ContainerCreateOptions {
  return {
    name: input.name,
    Image: input.image,
    Cmd: input.launcher ? ['node', ...LAUNCHER_STDIN_ARGV] : ['sleep', 'infinity'],
    User: SANDBOX_USER,
    WorkingDir: APP_DIR,
    Hostname: 'sandbox',
    Env: sandboxEnv(),
    // The launcher's stdin: open until the host's one attach closes it (only the launcher reads it).
    ...(input.launcher ? { OpenStdin: true, StdinOnce: true, AttachStdin: true } : {}),
    Labels: {
      ...input.labels,
      ...(input.launcher ? { [LABEL.launcher]: 'true' } : {}),
      [LABEL.managed]: 'true',
      [LABEL.session]: input.sessionId,
      [LABEL.tier]: input.tier,
      [LABEL.role]: input.role,
      [LABEL.createdAt]: new Date().toISOString(),
      [LABEL.expiresAt]: input.expiresAt?.toISOString() ?? '',
      [LABEL.owner]: input.owner,
      [LABEL.installation]: input.installation,
      [LABEL.network]: input.network,
    },
    HostConfig: {
      ...resourceLimits(input),
      ReadonlyRootfs: true,
      CapDrop: ['ALL'],
      SecurityOpt: ['no-new-privileges'],
      // tini as PID 1 reaps the zombies that exec'd processes leave, which would count as pids.
      Init: true,
      IpcMode: 'private',
      AutoRemove: false,
      NetworkMode: input.networkName,
      Tmpfs: { '/tmp': `rw,noexec,nosuid,nodev,size=${TMP_DIR_MB}m,nr_inodes=${DIR_INODES},mode=1777` },
      // /app is a tmpfs too, but as an anonymous tmpfs-backed volume: the Engine's archive API
      // (putArchive) cannot write into a plain --tmpfs mount of a read-only-rootfs container,
      // while it can write into a volume. Removed with the container (`v: true`).
      Mounts: [
        {
          Type: 'volume',
          Source: '',
          Target: APP_DIR,
          VolumeOptions: {
            NoCopy: true,
            Labels: { [LABEL.managed]: 'true' },
            DriverConfig: {
              Name: 'local',
              Options: {
                type: 'tmpfs',
                device: 'tmpfs',
                o: `size=${APP_DIR_MB}m,nr_inodes=${DIR_INODES},uid=1000,gid=1000,mode=0755,nosuid,nodev`,
              },
            },
          },
        },
        ...(input.readOnlyMounts ?? []).map((m) => ({ Type: 'bind' as const, Source: m.source, Target: m.target, ReadOnly: true })),
      ],
    },
  };
}
