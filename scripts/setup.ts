import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { seedDemo } from "../prisma/seed";
import { createPrisma } from "../server/db/create-prisma";
import { databaseProvider } from "../server/db/database-url";
import { migrateDatabase } from "../server/db/migrate";
import { getEnv } from "../server/env";
import { loadDotEnv } from "../server/load-dotenv";

// Prepares a machine to run Corroborate: .env with generated secrets, the database migrated, and on the embedded
// SQLite default the demo newsroom seeded when the database is empty. A PostgreSQL database is a newsroom's
// own: it is seeded only when asked (DEMO=1 here, or `npm run db:seed`). Safe to run again.

if (!existsSync(".env")) {
  const example = readFileSync(".env.example", "utf8");
  writeFileSync(".env", example.replace(/"generate-me"/g, () => `"${randomBytes(32).toString("base64url")}"`));
  console.log("Created .env with generated secrets.");
}
loadDotEnv();
const env = getEnv();

try {
  console.log(await migrateDatabase(env.DATABASE_URL));
} catch (error) {
  console.error(`Applying the database migrations failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}

if (databaseProvider(env.DATABASE_URL) === "postgresql" && process.env.DEMO !== "1") {
  console.log("PostgreSQL: the demo newsroom is not seeded (DEMO=1 npm run setup, or npm run db:seed, seeds it into an empty database).");
} else {
  const prisma = createPrisma(env.DATABASE_URL);
  try {
    if (await seedDemo(prisma)) console.log("Seeded the demo newsroom.");
  } finally {
    await prisma.$disconnect();
  }
}
