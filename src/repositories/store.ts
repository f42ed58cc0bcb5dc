import { readsGoToPrimary } from '../db/read-routing.js';
import type { PrismaClient } from '../generated/prisma/client.js';
import { AnnotationRepository } from './annotation-repository.js';
import { ApiKeyRepository } from './api-key-repository.js';
import { ArticleRepository } from './article-repository.js';
import type { SqlReader } from '../db/sql-reader.js';
import { prismaReader, type DbClient } from './db-client.js';
import { EntityRepository } from './entity-repository.js';
import { EventRepository } from './event-repository.js';
import { IdempotencyRepository } from './idempotency-repository.js';
import { IngestJobRepository } from './ingest-job-repository.js';
import { retryWriteConflicts } from './write-conflicts.js';
import { VoicesRepository } from './voices-repository.js';

export interface Repositories {
  articles: ArticleRepository;
  entities: EntityRepository;
  annotations: AnnotationRepository;
  apiKeys: ApiKeyRepository;
  events: EventRepository;
  idempotency: IdempotencyRepository;
  ingestJobs: IngestJobRepository;
  voices: VoicesRepository;
}

function repositoriesOn(db: DbClient, reader: SqlReader = prismaReader(db)): Repositories {
  return {
    articles: new ArticleRepository(db, reader),
    entities: new EntityRepository(db, reader),
    annotations: new AnnotationRepository(db, reader),
    apiKeys: new ApiKeyRepository(db, reader),
    events: new EventRepository(db, reader),
    idempotency: new IdempotencyRepository(db),
    ingestJobs: new IngestJobRepository(db, reader),
    voices: new VoicesRepository(reader),
  };
}

/** What a store works on: src/db/database.ts's Database, or a bare client (scripts, tests). */
export interface StoreConnections {
  prisma: PrismaClient;
  replica?: PrismaClient | null;
  /** Page reads on the driver; without one they go through Prisma's raw queries. */
  reader?: SqlReader;
  replicaReader?: SqlReader | null;
}

/**
 * The repositories, outside or inside a transaction; services own the transactions. Reads outside
 * a transaction go to the read replica when there is one and the request allows it
 * (src/db/read-routing.ts); transactions always run on the primary, page reads included.
 */
export class Store {
  private readonly prisma: PrismaClient;
  private readonly primary: Repositories;
  private readonly replica: Repositories | null;

  constructor(connections: StoreConnections) {
    this.prisma = connections.prisma;
    this.primary = repositoriesOn(connections.prisma, connections.reader);
    this.replica = connections.replica
      ? repositoriesOn(connections.replica, connections.replicaReader ?? undefined)
      : null;
  }

  get repositories(): Repositories {
    return this.replica && !readsGoToPrimary() ? this.replica : this.primary;
  }

  /**
   * Work that is a single statement, which Postgres commits (or rolls back) on its own: on the
   * primary, outside any transaction, so no round trips to open and commit one. Run again, as a
   * transaction is, when it loses a deadlock (write-conflicts.ts).
   */
  singleStatement<T>(work: (repositories: Repositories) => Promise<T>): Promise<T> {
    return retryWriteConflicts(() => work(this.primary));
  }

  transaction<T>(work: (repositories: Repositories) => Promise<T>): Promise<T> {
    // Generous waits: under a burst of ingests the pool queue, not the work, is what takes time.
    // A transaction aborted by a deadlock or serialization failure runs again (write-conflicts.ts).
    return retryWriteConflicts(() =>
      this.prisma.$transaction((tx) => work(repositoriesOn(tx)), { maxWait: 15_000, timeout: 30_000 }),
    );
  }
}
