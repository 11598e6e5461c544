import type { DataSource, QueryRunner } from 'typeorm';
import { ClientGoneError } from '../core/errors';

/**
 * The one pooled connection a request uses: taken at its first statement,
 * given back when the request ends. Holding it per request lets the server
 * cancel what the request is running when its client goes away, and give one
 * request a statement timeout of its own (report builders). Its statements run
 * one after another (DataLoader batches may ask at once).
 */
export class RequestConnection {
  readonly runner: QueryRunner;
  private queue: Promise<unknown> = Promise.resolve();
  private aborted = false;
  private cancelling: Promise<void> = Promise.resolve();
  private sessionChanged = false;

  constructor(
    dataSource: DataSource,
    private readonly cancelBackend: (pid: number) => Promise<void>,
  ) {
    this.runner = dataSource.createQueryRunner();
    const query = this.runner.query.bind(this.runner) as (...args: unknown[]) => Promise<unknown>;
    this.runner.query = ((...args: unknown[]) => {
      const result = this.queue.then(() => {
        if (this.aborted) throw new ClientGoneError();
        return query(...args);
      });
      this.queue = result.catch(() => undefined);
      return result;
    }) as QueryRunner['query'];
  }

  /** statement_timeout for the rest of this request (reset before the connection goes back to the pool). */
  async setStatementTimeout(ms: number): Promise<void> {
    this.sessionChanged = true;
    await this.runner.query(`SET statement_timeout = ${Math.floor(ms)}`);
  }

  /** The client went away: cancel the running statement and refuse the next ones. */
  abort(): void {
    if (this.aborted) return;
    this.aborted = true;
    const pid = (this.runner as QueryRunner & { databaseConnection?: { processID?: number } }).databaseConnection?.processID;
    if (pid) this.cancelling = this.cancelBackend(pid).catch(() => undefined);
  }

  async release(): Promise<void> {
    await this.cancelling;
    await this.queue;
    if (this.runner.isReleased) return;
    const release = (
      this.runner as QueryRunner & { releasePostgresConnection(error?: Error): Promise<void> }
    ).releasePostgresConnection.bind(this.runner);
    // A cancelled connection is closed rather than reused: a late cancel must never hit another request's statement.
    if (this.aborted) return release(new ClientGoneError());
    // A request that ended inside its transaction (it failed before committing) leaves nothing open on the pooled connection.
    if (this.runner.isTransactionActive) {
      try {
        await this.runner.rollbackTransaction();
      } catch (error) {
        return release(error as Error);
      }
    }
    if (this.sessionChanged) {
      try {
        await this.runner.query('RESET statement_timeout');
      } catch (error) {
        return release(error as Error);
      }
    }
    return release();
  }
}
