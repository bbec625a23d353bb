/**
 * A place where untrusted code runs. Drivers (process/bubblewrap, docker, …) implement this and
 * stay small; the runtime wrapper adds init-once, logging and bookkeeping. Nothing outside the
 * driver registry switches on a driver's name: differences are capability flags.
 */
import type { SandboxEndpoint } from './sandbox-endpoint.ts';
import type { PoolStats } from './warm-pool.ts';

export interface AppFile {
  /** Relative POSIX path inside the app directory, already validated (no `..`, not absolute). */
  path: string;
  content: string;
}

export interface SandboxSpec {
  sessionId: string;
  /** `server`: a long-running app on $PORT; `script`: a run-once program. */
  kind: 'server' | 'script';
  tier: string;
  memoryMb: number;
  cpus: number;
  pids: number;
  /** `outbound` lets the app open connections to the internet; never to the host or private ranges. */
  network: 'none' | 'outbound';
  expiresAt: Date;
  /** Extra labels recorded on the sandbox (the driver always adds the session id). */
  labels?: Record<string, string>;
  /**
   * Host directories shown read-only inside the sandbox (a function's requirement layer). A spec
   * with mounts gets a fresh sandbox, never a pre-started pool one. Drivers without isolation
   * (`none`) show the host's filesystem as it is: the source path is then the path inside.
   */
  readOnlyMounts?: ReadOnlyMount[];
}

export interface ReadOnlyMount {
  /** Absolute host path, readable by the sandbox's unprivileged user. */
  source: string;
  /** Absolute path inside the sandbox. */
  target: string;
}

export interface Sandbox {
  id: string;
  sessionId: string;
  driver: string;
}

export interface StartOptions {
  command: string[];
  /** Extra environment; the driver adds PORT and HOME and nothing else from the host. */
  env?: Record<string, string>;
}

export interface ExecOptions extends StartOptions {
  timeoutMs: number;
  /** stdout and stderr are each cut at this many bytes (a truncation marker is appended). */
  maxOutputBytes?: number;
  signal?: AbortSignal;
}

export interface ExecResult {
  exitCode: number | null;
  signal: string | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
  /** True when the process was killed for exceeding its memory limit (when the driver can tell). */
  oomKilled: boolean;
  durationMs: number;
}

export interface HealthStatus {
  ok: boolean;
  /** Why not, e.g. "exited with code 1", "OOM-killed", "port not answering". */
  reason?: string;
}

export interface SandboxInfo {
  id: string;
  sessionId: string;
  labels: Record<string, string>;
  createdAt: Date;
}

export interface DriverCapabilities {
  /** How strong the containment is; shown in /healthz and the README. */
  isolation: 'container' | 'namespaces' | 'none';
  supportsPause: boolean;
  supportsWarmPool: boolean;
  /**
   * With network `outbound`, the sandbox still cannot reach the host (the control plane, its
   * databases), other sandboxes or private and link-local ranges.
   */
  containsOutbound: boolean;
}

export type LogListener = (stream: 'stdout' | 'stderr', line: string) => void;

export interface SandboxDriver {
  readonly name: string;
  readonly capabilities: DriverCapabilities;
  /** Prepares the driver (probe binaries, build/verify images, start a pool). Called once. */
  init(): Promise<void>;
  /** Reserves an empty sandbox (may come from a warm pool). */
  create(spec: SandboxSpec): Promise<Sandbox>;
  /** Writes the app's files into the sandbox's app directory (replacing any previous files). */
  writeFiles(sandbox: Sandbox, files: AppFile[]): Promise<void>;
  /**
   * Starts the app's long-running process with PORT set and resolves with the address the proxy
   * should use. It does not wait for the app to answer; the caller health-checks.
   */
  startServer(sandbox: Sandbox, options: StartOptions, onLog?: LogListener): Promise<SandboxEndpoint>;
  /** Runs a command to completion inside the sandbox. */
  exec(sandbox: Sandbox, options: ExecOptions): Promise<ExecResult>;
  /**
   * After startServer: `ready` when the driver was told the app listens (its launcher saw it), so
   * the caller need not poll; `unknown` when the caller must poll. Drivers without a launcher leave it out.
   */
  waitReady?(sandbox: Sandbox, timeoutMs: number): Promise<'ready' | 'unknown'>;
  /** Idle sandboxes per tier and claims that found one (hit) or not (miss); null without a pool. */
  poolStats?(): PoolStats | null;
  /** Is the started server process alive? (The caller checks that its port answers.) */
  health(sandbox: Sandbox): Promise<HealthStatus>;
  pause?(sandbox: Sandbox): Promise<void>;
  resume?(sandbox: Sandbox): Promise<void>;
  /** Kills every process and frees every resource. Returns false when it was already gone. */
  destroy(sandboxId: string): Promise<boolean>;
  /** Every sandbox this driver manages on this host, with its labels (for the reaper). */
  list(): Promise<SandboxInfo[]>;
  /**
   * Removes what dead instances of this driver on this host left that belongs to no session
   * (idle pool containers, host firewall rules); the reaper calls it on every pass. Returns how
   * many things it removed.
   */
  sweepStale?(): Promise<number>;
  /**
   * Called once the started server answers: makes its endpoint unchangeable from inside the
   * sandbox (a socket the app could otherwise swap for a link to another sandbox's). Drivers whose
   * endpoint the app cannot touch leave it out.
   */
  sealEndpoint?(sandbox: Sandbox): Promise<void>;
  /** Stops background work (pools); does not destroy session sandboxes. */
  close(): Promise<void>;
}
