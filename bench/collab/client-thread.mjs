// Entry of a client thread of the bench (client-threads.ts): registers tsx in this thread, which a worker does not
// inherit from the bench's process, then runs the TypeScript side.
import { register } from "tsx/esm/api";

register();
await import("./client-worker.ts");
