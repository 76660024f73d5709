import { databaseUrlSchema } from "../server/db/database-url";
import { migrateDatabase } from "../server/db/migrate";
import { loadDotEnv } from "../server/load-dotenv";

// `npm run db:migrate`: applies the migrations of the database DATABASE_URL names (from the environment or .env;
// unset: the embedded SQLite file). Needs no other variable, so a release step can run it before the processes.

loadDotEnv();
const url = databaseUrlSchema.safeParse(process.env.DATABASE_URL);
if (!url.success) {
  console.error(url.error.issues.map((issue) => issue.message).join("\n"));
  process.exit(1);
}
try {
  console.log(await migrateDatabase(url.data));
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
