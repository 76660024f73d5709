/** Where the collaboration server reports what happens; tests pass a quiet one. */
export interface Logger {
  info(message: string): void;
  warn(message: string, error?: unknown): void;
  error(message: string, error?: unknown): void;
}

/** Logs to the console with a `[collab]` prefix. */
export const consoleLogger: Logger = {
  info: (message) => console.log(`[collab] ${message}`),
  warn: (message, error) => console.warn(`[collab] ${message}`, error instanceof Error ? error.message : (error ?? "")),
  error: (message, error) => console.error(`[collab] ${message}`, error ?? ""),
};
