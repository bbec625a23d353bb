/**
 * cloud-init user data of a worker host: a shell script that writes the worker's environment
 * (join URL, single-use join token, region, host id — never a database URL, Redis URL or the
 * cluster secret), installs SpawnAI and starts `spawnai worker` under systemd. The fake
 * DigitalOcean runs the same `worker.env` block as a local process.
 */
export interface UserDataInput {
  joinUrl: string;
  joinToken: string;
  region: string;
  hostId: string;
  installCommand: string;
  gatewayPort: number;
}

export function workerUserData(i: UserDataInput): string {
  const env = { SPAWN_JOIN_URL: i.joinUrl, SPAWN_JOIN_TOKEN: i.joinToken, SPAWN_REGION: i.region, SPAWN_FLEET_HOST_ID: i.hostId };
  for (const [k, v] of Object.entries(env)) if (/[\s'"$`\\]/.test(v)) throw new Error(`${k} may not contain quotes, spaces or shell characters`);
  return [
    '#!/bin/bash',
    '# SpawnAI worker host (cloud-init user data). Carries a single-use join token only.',
    'set -euo pipefail',
    'install -d -m 0700 /etc/spawnai /var/lib/spawnai',
    "cat > /etc/spawnai/worker.env <<'SPAWNAI_ENV'",
    ...Object.entries(env).map(([k, v]) => `${k}=${v}`),
    'SPAWNAI_ENV',
    'chmod 0600 /etc/spawnai/worker.env',
    i.installCommand,
    "cat > /etc/systemd/system/spawnai-worker.service <<'SPAWNAI_UNIT'",
    '[Unit]',
    'Description=SpawnAI worker',
    'After=network-online.target docker.service',
    '[Service]',
    'EnvironmentFile=/etc/spawnai/worker.env',
    `Environment=SPAWN_GATEWAY_PORT=${i.gatewayPort}`,
    'ExecStart=/usr/bin/env spawnai worker --data-dir /var/lib/spawnai',
    'Restart=on-failure',
    '[Install]',
    'WantedBy=multi-user.target',
    'SPAWNAI_UNIT',
    'systemctl daemon-reload',
    'systemctl enable --now spawnai-worker',
    '',
  ].join('\n');
}
