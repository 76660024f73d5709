import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { POSTGRES_SCHEMA_PATH, SCHEMA_PATH, schemaForProvider } from "@/server/db/provider-schema";

const schema = readFileSync(SCHEMA_PATH, "utf8");

describe("the PostgreSQL schema", () => {
  it("is prisma/schema.prisma derived for PostgreSQL, as committed", () => {
    expect(
      readFileSync(POSTGRES_SCHEMA_PATH, "utf8"),
      `${POSTGRES_SCHEMA_PATH} is not ${SCHEMA_PATH} derived for PostgreSQL: after changing the data model, run ` +
        "npm run db:diff -- <name>, which writes it with a migration for each provider",
    ).toBe(schemaForProvider(schema, "postgresql"));
  });

  it("changes only the datasource's provider and the client's output, below a two-line header saying where it comes from", () => {
    const [first, second, ...body] = schemaForProvider(schema, "postgresql").split("\n");
    expect([first, second]).toEqual([
      expect.stringMatching(/^\/\/ Derived from prisma\/schema.prisma/),
      expect.stringMatching(/^\/\/ /),
    ]);
    const lines = schema.split("\n");
    const changed = body.filter((line, n) => line !== lines[n]).map((line) => line.trim());
    expect(changed).toEqual(['output     = "../../server/db/generated-postgresql"', 'provider = "postgresql"']);
  });

  it("derives back to the SQLite schema it came from", () => {
    expect(schemaForProvider(schemaForProvider(schema, "postgresql"), "sqlite")).toBe(schema);
    expect(schemaForProvider(schemaForProvider(schema, "postgresql"), "postgresql")).toBe(
      schemaForProvider(schema, "postgresql"),
    );
  });

  it("refuses a schema it cannot rewrite", () => {
    expect(() => schemaForProvider(schema.replace('provider = "sqlite"', 'engine = "sqlite"'), "postgresql")).toThrow(
      /datasource db's provider/,
    );
    expect(() => schemaForProvider(schema.replace(/output\s+=/, "into ="), "postgresql")).toThrow(
      /generator client's output/,
    );
  });
});
