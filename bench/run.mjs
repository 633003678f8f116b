// `npm run bench`: every benchmark, one after the other, on the built binary. Not a test: it
// prints numbers and fails only when a command fails.
import { benchUrenkaartCheck } from './checks.mjs';
import { benchRules } from './rules.mjs';
import { benchFactuur } from './factuur.mjs';
import { benchJaaropgave } from './jaaropgave.mjs';
import { benchKwaliteit } from './kwaliteit.mjs';
import { benchPostgres } from './postgres.mjs';
import { benchStartup } from './startup.mjs';
import { benchUrenkaart } from './urenkaart.mjs';

console.log(`gob benchmarks — Node ${process.version}, ${new Date().toISOString().slice(0, 10)}\n`);
benchStartup();
benchRules();
await benchUrenkaart();
// (awaited: its last part runs worker threads, which must not overlap the next benchmark)
await benchFactuur();
benchUrenkaartCheck();
benchKwaliteit();
await benchJaaropgave();
await benchPostgres();
