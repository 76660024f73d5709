import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { seedDemo } from "../prisma/seed";
import { createPrisma } from "../server/db/create-prisma";
import { getEnv } from "../server/env";
import { loadDotEnv } from "../server/load-dotenv";

// Prepares a machine to run Corroborate on the embedded default: .env with generated secrets, the SQLite
// database migrated, and the demo newsroom seeded when the database is empty. Safe to run again.

if (!existsSync(".env")) {
  const example = readFileSync(".env.example", "utf8");
  writeFileSync(".env", example.replace(/"generate-me"/g, () => `"${randomBytes(32).toString("base64url")}"`));
  console.log("Created .env with generated secrets.");
}
loadDotEnv();
const env = getEnv();

const databaseFile = env.DATABASE_URL.replace(/^file:/, "");
// The SQLite driver cannot create the folder of its file (Prisma reports only "External error id#0").
mkdirSync(path.dirname(path.resolve(databaseFile)), { recursive: true });

const migrate = spawnSync("npx", ["prisma", "migrate", "deploy"], { stdio: "inherit", env: process.env });
if (migrate.status !== 0) {
  console.error("Applying the database migrations failed.");
  process.exit(migrate.status ?? 1);
}

const prisma = createPrisma(env.DATABASE_URL);
try {
  if (await seedDemo(prisma)) console.log("Seeded the demo newsroom.");
} finally {
  await prisma.$disconnect();
}
