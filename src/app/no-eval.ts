// Imported first by main.ts, before any module builds a zod schema. zod compiles object parsers with `new Function`
// unless told not to, and probes for it when a schema is built; under the page's Content-Security-Policy (no
// 'unsafe-eval', index.html) the probe is blocked and reported as a violation on every load. Without eval zod
// parses the same, a little slower, which the one validation per load does not notice.
import { config } from 'zod';

config({ jitless: true });
