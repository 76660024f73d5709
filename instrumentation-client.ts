import { config } from "zod";

// Runs in the browser before the app becomes interactive. zod probes once whether it may compile its parsers
// with `new Function`; under the pages' Content-Security-Policy (proxy.ts) the browser refuses and reports a
// violation. Parsing without compiling is what zod falls back to anyway: say so, and the probe never runs.
config({ jitless: true });
