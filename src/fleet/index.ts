export type { CloudHost, CloudProvider, FirewallSpec, HostSpec, HostStatus } from './provider/cloud-provider.ts';
export { MemoryProvider } from './provider/memory-provider.ts';
export { DigitalOceanProvider } from './digitalocean/do-provider.ts';
export { DoApiError, type DoClientOptions } from './digitalocean/do-client.ts';
export { decide, slotsPerHost, type Decision, type HostView, type RegionInputs, type ScaleAction, type ScalePolicy } from './autoscaler/decide.ts';
