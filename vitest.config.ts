import path from "node:path";
import { defineConfig } from "vitest/config";

// One integration database per run, inherited by the test workers (tests/support/database.ts): a SQLite file
// named by this process's id, or the PostgreSQL database that INTEGRATION_DATABASE_URL names
// (tests/integration/run-on-postgresql.ts sets it for `npm run test:integration:postgresql`).
const postgres = /^postgres(ql)?:\/\//.test(process.env.INTEGRATION_DATABASE_URL ?? "");
if (!postgres) process.env.INTEGRATION_DATABASE_FILE ??= `tests/.tmp/integration-${process.pid}.db`;

export default defineConfig({
  resolve: {
    alias: {
      "@": import.meta.dirname,
      "server-only": path.join(import.meta.dirname, "tests/support/server-only-stub.ts"),
    },
  },
  test: {
    projects: [
      { extends: true, test: { name: "unit", include: ["tests/unit/**/*.test.ts"], environment: "node" } },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          globalSetup: [postgres ? "tests/support/postgres-database.ts" : "tests/integration/global-setup.ts"],
          testTimeout: 20_000,
          hookTimeout: 60_000,
          // The tests share one migrated database; running files one at a time keeps them independent.
          fileParallelism: false,
        },
      },
    ],
  },
});
