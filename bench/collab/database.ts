// The bench's database: a fresh SQLite file migrated with the committed migrations, as tests/integration's global
// setup does it, with the people and stories each scenario needs; and tokens signed as the app signs them.
import { mkdirSync, rmSync } from "node:fs";
import { signCollabToken } from "../../server/auth/collab-token";
import { createPrisma, type PrismaClient } from "../../server/db/create-prisma";
import { migratePostgres } from "../../server/db/migrate-postgres";
import { runPrismaCli } from "../../server/db/prisma-cli";
import {
  createPostgresDatabase,
  dropPostgresDatabase,
  postgresDatabaseUrl,
  postgresUnreachable,
} from "../../tests/support/postgres-database";
import { TOKEN_SECRET, TOKEN_TTL_SECONDS } from "./config";

export interface Person {
  id: string;
  name: string;
}

const BATCH = 500;

export class BenchDatabase {
  readonly prisma: PrismaClient;

  private constructor(
    /** The SQLite file, or the PostgreSQL database's name. */
    readonly file: string,
    readonly url: string,
    private readonly remove: () => Promise<void>,
  ) {
    this.prisma = createPrisma(url);
  }

  /** A fresh, migrated SQLite file named by this process's id (bench/.tmp/), so that runs side by side never share one. */
  static create(name = "collab"): BenchDatabase {
    const file = `bench/.tmp/${name}-${process.pid}.db`;
    const url = `file:./${file}`;
    mkdirSync("bench/.tmp", { recursive: true });
    removeFiles(file);
    runPrismaCli(["migrate", "deploy"], url);
    return new BenchDatabase(file, url, async () => removeFiles(file));
  }

  /**
   * A fresh, migrated database named by this process's id on the PostgreSQL server the integration tests use
   * (POSTGRES_ADMIN_URL, or the local one), as `npm run db:migrate` migrates it; dropped by close().
   */
  static async createPostgres(): Promise<BenchDatabase> {
    const name = `bench_collab_${process.pid}`;
    const url = postgresDatabaseUrl(name);
    await createPostgresDatabase(name);
    await migratePostgres(url);
    return new BenchDatabase(name, url, () => dropPostgresDatabase(name));
  }

  /** Why the PostgreSQL server of createPostgres() cannot be reached, or null when it answers. */
  static async postgresUnreachable(): Promise<string | null> {
    const why = await postgresUnreachable();
    return why && `no PostgreSQL server (${why})`;
  }

  /** Creates `count` editors named `<prefix> <n>`. */
  async people(prefix: string, count: number): Promise<Person[]> {
    const people = Array.from({ length: count }, (_, i) => ({
      id: `${prefix}-person-${i}`,
      name: `${prefix} editor ${i}`,
    }));
    for (let at = 0; at < people.length; at += BATCH) {
      await this.prisma.user.createMany({
        data: people
          .slice(at, at + BATCH)
          .map((person) => ({ ...person, email: `${person.id}@bench.local`, role: "editor", passwordHash: "!" })),
      });
    }
    return people;
  }

  /** Creates `count` stories with ids `<prefix>-story-<n>`, each with the stored draft `state(n)` (none when null). */
  async stories(prefix: string, count: number, state: (index: number) => Uint8Array | null): Promise<string[]> {
    const ids = Array.from({ length: count }, (_, i) => `${prefix}-story-${i}`);
    for (let at = 0; at < ids.length; at += BATCH) {
      const batch = ids.slice(at, at + BATCH);
      await this.prisma.story.createMany({ data: batch.map((id) => ({ id, slug: id, title: id })) });
      const documents = batch.flatMap((storyId, i) => {
        const bytes = state(at + i);
        return bytes ? [{ storyId, state: Uint8Array.from(bytes) }] : [];
      });
      if (documents.length > 0) await this.prisma.storyDocument.createMany({ data: documents });
    }
    return ids;
  }

  async close(): Promise<void> {
    await this.prisma.$disconnect();
    await this.remove();
  }
}

function removeFiles(file: string): void {
  for (const suffix of ["", "-journal", "-wal", "-shm"]) rmSync(`${file}${suffix}`, { force: true });
}

/** A collaboration token for `person` on `storyId`, as POST /api/collab-token issues it (single-use). */
export function tokenFor(person: Person, storyId: string): Promise<string> {
  return signCollabToken(
    { userId: person.id, name: person.name, role: "editor", storyId },
    TOKEN_SECRET,
    TOKEN_TTL_SECONDS,
  );
}

/** `${url}/${storyId}?token=…`, the address the stock provider builds. */
export function roomUrl(baseUrl: string, storyId: string, token: string): string {
  return `${baseUrl}/${storyId}?token=${encodeURIComponent(token)}`;
}
