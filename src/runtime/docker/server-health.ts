import type Docker from 'dockerode';
import type { HealthStatus } from '../sandbox-driver.ts';
import { API_TIMEOUT_MS } from './container-ops.ts';
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
  if (!info.State.Running) return { ok: false, reason: `container is ${info.State.Status}` };
  const exec = await findServerExec(docker, state, info);
  if (!exec) return { ok: false, reason: 'no server process was started' };
  const detail = await withTimeout(exec.inspect(), API_TIMEOUT_MS, 'docker exec inspect');
  if (detail.Running) return { ok: true };
  const { exitCode, signal } = splitStatus(detail.ExitCode);
  if (signal === 'SIGKILL' && (await oomKillCount(docker, state.container).catch(() => 0)) > 0) {
    return { ok: false, reason: 'OOM-killed' };
  }
  return {
    ok: false,
    reason: signal ? `killed by ${signal}` : `exited with code ${exitCode}`,
  };
}
