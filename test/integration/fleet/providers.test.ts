import { DigitalOceanProvider, MemoryProvider } from '../../../src/fleet/index.ts';
import { FakeDigitalOcean } from '../../fakes/fake-digitalocean.ts';
import { providerSuite } from './provider-suite.ts';

providerSuite({ name: 'memory', make: async () => ({ provider: new MemoryProvider(), close: async () => undefined }) });

providerSuite({
  name: 'digitalocean (fake API v2)',
  make: async () => {
    const fake = new FakeDigitalOcean('t0k', { pageSize: 10 });
    const baseUrl = await fake.start();
    const provider = new DigitalOceanProvider({ token: 't0k', baseUrl, backoffMs: 5 });
    return {
      provider,
      close: async () => {
        const unexpected = [...fake.unexpected];
        await fake.close();
        if (unexpected.length > 0) throw new Error(`unexpected requests to the fake: ${unexpected.join(', ')}`);
      },
    };
  },
});
