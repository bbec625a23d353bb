export { SandboxService } from './sandbox-service.ts';
export { chooseSandboxDriver, startSandboxes } from './create-sandboxes.ts';
export { probeApp } from './app-probe.ts';
export { localEndpoint, parseRecordedEndpoint, recordEndpoint, recordedEndpointSchema, type RecordedEndpoint } from './endpoint-record.ts';
