import { existsSync } from "node:fs";

/**
 * Loads `.env` from the working directory into process.env when the file exists. Variables already set in
 * the environment win, as in Next's own loading.
 */
export function loadDotEnv(path = ".env"): void {
  if (existsSync(path)) process.loadEnvFile(path);
}
