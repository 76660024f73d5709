import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";

const DEMO_DIR = path.join(import.meta.dirname, "..", "..", "prisma", "demo");

/** The text of a seed-story file by its number ("000" … "004"). */
export function seedFile(number: string): string {
  const name = readdirSync(DEMO_DIR).find((file) => file.startsWith(`${number}_`));
  if (!name) throw new Error(`no seed file ${number}`);
  return readFileSync(path.join(DEMO_DIR, name), "utf8");
}
