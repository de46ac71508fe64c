import { z } from 'zod';

// Imported first by main.tsx. Without jitless, zod probes `new Function` once to see whether it may compile
// validators; the hub's Content-Security-Policy (no 'unsafe-eval') refuses that and the browser reports a
// violation every page load, though zod then validates the same way without it.
z.config({ jitless: true });
