export { SandboxService } from './sandbox-service.ts';
export { chooseSandboxRuntime, type SandboxRuntime } from './create-sandboxes.ts';
export { probeApp } from './app-probe.ts';
export { localEndpoint, parseRecordedEndpoint, recordEndpoint, recordedEndpointSchema, type RecordedEndpoint } from './endpoint-record.ts';
