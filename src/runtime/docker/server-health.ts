import type Docker from 'dockerode';
import type { HealthStatus } from '../sandbox-driver.ts';
import { API_TIMEOUT_MS } from './container-ops.ts';
import { LABEL } from './container-spec.ts';
import { oomKillCount, splitStatus } from './docker-exec.ts';
import { withTimeout } from './exec-streams.ts';
import type { SandboxState } from './sandbox-containers.ts';

/** The server exec this driver started, or one found by its marker (after a driver restart). */
async function findServerExec(
  docker: Docker,
  state: SandboxState,
  info: Docker.ContainerInspectInfo,
): Promise<Docker.Exec | undefined> {
  if (state.serverExec) return state.serverExec;
  for (const id of (info as { ExecIDs?: string[] | null }).ExecIDs ?? []) {
    const exec = docker.getExec(id);
    const detail = await withTimeout(exec.inspect(), API_TIMEOUT_MS, 'docker exec inspect');
    if (detail.ProcessConfig.arguments[2] === 'spawnai-server') return (state.serverExec = exec);
  }
  return undefined;
}

export async function serverHealth(docker: Docker, state: SandboxState): Promise<HealthStatus> {
  const info = await withTimeout(state.container.inspect(), API_TIMEOUT_MS, 'docker inspect');
  if (info.State.OOMKilled) return { ok: false, reason: 'OOM-killed' };
  if (info.State.Paused) return { ok: false, reason: 'paused' };
  if (!info.State.Running && info.Config.Labels[LABEL.launcher] === 'true' && info.State.Status === 'exited') {
    // The app ran as the container's main process (under the launcher): its exit is the container's.
    return { ok: false, reason: describeStatus(info.State.ExitCode) };
  }
  if (!info.State.Running) return { ok: false, reason: `container is ${info.State.Status}` };
  const exec = await findServerExec(docker, state, info);
  // The launcher runs the app as the container's main process: running means the app runs.
  if (!exec && (state.launched || info.Config.Labels[LABEL.launcher] === 'true')) return { ok: true };
  if (!exec) return { ok: false, reason: 'no server process was started' };
  const detail = await withTimeout(exec.inspect(), API_TIMEOUT_MS, 'docker exec inspect');
  if (detail.Running) return { ok: true };
  const { signal } = splitStatus(detail.ExitCode);
  if (signal === 'SIGKILL' && (await oomKillCount(docker, state.container).catch(() => 0)) > 0) {
    return { ok: false, reason: 'OOM-killed' };
  }
  return { ok: false, reason: describeStatus(detail.ExitCode) };
}

function describeStatus(status: number | null): string {
  const { exitCode, signal } = splitStatus(status);
  return signal ? `killed by ${signal}` : `exited with code ${exitCode}`;
}
