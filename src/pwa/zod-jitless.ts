/**
 * zod 4 probes `new Function('')` to decide whether it may compile fast parsers. Under our strict
 * Content-Security-Policy (no 'unsafe-eval') that probe is blocked and logged as a CSP violation.
 * Jitless mode skips the probe; parsing stays correct (the app parses little on the main thread).
 * Must run before any zod object schema parses: src/pwa/start.ts imports it first, and main.tsx
 * imports start.ts first.
 */
import { config } from 'zod';

config({ jitless: true });
