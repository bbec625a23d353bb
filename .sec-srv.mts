import { startHarness } from '/work/main/test/support/platform-harness.ts';
const h = await startHarness({}, {});
console.log('PORT', h.port);
setTimeout(async () => { await h.close(); process.exit(0); }, 15000);
