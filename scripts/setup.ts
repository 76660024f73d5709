import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { ZodError } from "zod";
import { emailAddressSchema } from "../lib/accounts/email-address";
import { seedDemo } from "../prisma/seed";
import { createPrisma } from "../server/db/create-prisma";
import { databaseProvider } from "../server/db/database-url";
import { migrateDatabase } from "../server/db/migrate";
import { getEnv } from "../server/env";
import { loadDotEnv } from "../server/load-dotenv";
import { demoSeedAllowed } from "../server/users/demo-accounts";
import { setUpAdmin } from "../server/users/first-admin";

// Prepares a machine to run Corroborate: .env with generated secrets, the database migrated, and the demo newsroom
// seeded into an empty database where that is allowed (server/users/demo-accounts.ts#demoSeedAllowed: the embedded
// SQLite default unless DEMO=0; PostgreSQL only with DEMO=1 and never with NODE_ENV=production). With
// `--admin <email>` it makes that person an admin and prints a one-time link to set their password. Safe to run again.

let adminEmail: string | undefined;
try {
  adminEmail = parseArgs({ options: { admin: { type: "string" } }, allowPositionals: false }).values.admin;
} catch (error) {
  console.error(`${error instanceof Error ? error.message : String(error)}\nUsage: npm run setup [-- --admin <email>]`);
  process.exit(2);
}
// A malformed --admin stops setup before it changes anything.
if (adminEmail !== undefined) {
  const parsed = emailAddressSchema.safeParse(adminEmail);
  if (!parsed.success) {
    console.error(
      `--admin ${JSON.stringify(adminEmail)}: ${parsed.error.issues[0]?.message ?? "not an email address"}`,
    );
    process.exit(2);
  }
}

if (!existsSync(".env")) {
  const example = readFileSync(".env.example", "utf8");
  writeFileSync(
    ".env",
    example.replace(/"generate-me"/g, () => `"${randomBytes(32).toString("base64url")}"`),
    { mode: 0o600 },
  );
  chmodSync(".env", 0o600);
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

const provider = databaseProvider(env.DATABASE_URL);
const prisma = createPrisma(env.DATABASE_URL);
try {
  if (!demoSeedAllowed({ provider, nodeEnv: process.env.NODE_ENV, demo: process.env.DEMO })) {
    console.log(
      provider === "postgresql"
        ? "PostgreSQL: the demo newsroom is not seeded (DEMO=1 seeds it into an empty database, never with NODE_ENV=production)."
        : "DEMO=0: the demo newsroom is not seeded.",
    );
  } else if (await seedDemo(prisma)) {
    console.log("Seeded the demo newsroom.");
  }
  if (adminEmail !== undefined) {
    try {
      const link = await setUpAdmin(prisma, adminEmail);
      const url = new URL(link.path, env.NEXTAUTH_URL).href;
      console.log(
        `${link.created ? "Created the admin" : "Made admin:"} ${link.email}. Open this link within 24 hours to set the password (it works once):\n  ${url}`,
      );
    } catch (error) {
      if (!(error instanceof ZodError)) throw error;
      console.error(`--admin ${JSON.stringify(adminEmail)}: ${error.issues[0]?.message ?? "not an email address"}`);
      process.exitCode = 2;
    }
  }
} finally {
  await prisma.$disconnect();
}
