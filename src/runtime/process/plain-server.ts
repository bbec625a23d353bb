import type { LogListener, StartOptions } from "../sandbox-driver.ts";
import type { SandboxEndpoint } from "../sandbox-endpoint.ts";
import { limitLogListener } from "../log-budget.ts";
import { freePort } from "./free-port.ts";
import { SANDBOX_OWNER } from "./host-probe.ts";
import { LineForwarder } from "./output-capture.ts";
import type { ProcessRuns } from "./process-runs.ts";
import type { ProcessSetup } from "./process-setup.ts";
import type { ProcessRecord } from "./process-tree.ts";
import type { SandboxDirectory, SandboxRecord } from "./sandbox-directory.ts";
import { launch } from "./sandbox-launcher.ts";

export interface PlainServerRun {
  record: ProcessRecord;
  oomKillsBefore: number;
  exit?: { code: number | null; signal: string | null };
}

/**
 * Without bubblewrap there is no network namespace to forward out of, nor a launcher: the command
 * runs as is on a free host port (weak isolation; see the driver's comment).
 */
export async function startPlainServer(
  setup: ProcessSetup,
  runs: ProcessRuns,
  directory: SandboxDirectory,
  record: SandboxRecord,
  options: StartOptions,
  onLog: LogListener | undefined,
  maxLogBytes: number,
): Promise<{ run: PlainServerRun; endpoint: SandboxEndpoint }> {
  await runs.kill(record.id, "server");
  const paths = directory.paths(record.id);
  // A restart in the same sandbox: its forwarder must be able to make a new socket again.
  if (setup.plan.dropRoot)
    await directory.setRunOwner(record.id, SANDBOX_OWNER);
  const port = await freePort();
  const cgroupProcs = setup.cgroups
    ? await setup.cgroups.leaf(record.id, "server")
    : [];
  const oomKillsBefore = (await setup.cgroups?.oomKills(record.id)) ?? 0;
  const child = launch(setup.host, setup.plan, {
    paths,
    record,
    command: options.command,
    env: options.env,
    port,
    forward: false,
    cgroupProcs,
  });
  const logs = new LineForwarder(
    limitLogListener(onLog ?? (() => undefined)),
    maxLogBytes,
  );
  child.stdout.on("data", (chunk: Buffer) => logs.push("stdout", chunk));
  child.stderr.on("data", (chunk: Buffer) => logs.push("stderr", chunk));
  const run: PlainServerRun = {
    record: await runs.track(record.id, "server", child),
    oomKillsBefore,
  };
  child.on("exit", (code, signal) => {
    run.exit = { code, signal };
    logs.end();
  });
  return { run, endpoint: { kind: "tcp", host: "127.0.0.1", port } };
}
