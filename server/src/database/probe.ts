import { Client } from 'pg';

/**
 * One database connection outside the pool. `/readyz` asks it, so readiness
 * still answers while every pooled connection is busy; and it cancels the
 * statements of requests whose client went away. Connected on first use,
 * reconnected after a failure; its own statements are serialised.
 */
export class DatabaseProbe {
  private client: Promise<Client> | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  private closed = false;

  constructor(
    private readonly url: string,
    private readonly timeoutMs = 3_000,
  ) {}

  /** Whether the database answers `SELECT 1` within the timeout. */
  async ready(): Promise<boolean> {
    try {
      await this.run('SELECT 1');
      return true;
    } catch {
      return false;
    }
  }

  /** Stops the statement that the backend `pid` is running, if any. */
  async cancel(pid: number): Promise<void> {
    await this.run('SELECT pg_cancel_backend($1)', [pid]);
  }

  async close(): Promise<void> {
    this.closed = true;
    const client = this.client;
    this.client = undefined;
    await client?.then((c) => c.end()).catch(() => undefined);
  }

  private run(text: string, values?: unknown[]): Promise<unknown> {
    const result = this.queue.then(async () => {
      const client = await this.connection();
      try {
        return await client.query({ text, values, query_timeout: this.timeoutMs } as never);
      } catch (error) {
        this.drop(client);
        throw error;
      }
    });
    this.queue = result.catch(() => undefined);
    return result;
  }

  private connection(): Promise<Client> {
    if (this.closed) return Promise.reject(new Error('the database probe is closed'));
    this.client ??= (async () => {
      const client = new Client({
        connectionString: this.url,
        connectionTimeoutMillis: this.timeoutMs,
        statement_timeout: this.timeoutMs,
        application_name: 'community-grid-probe',
      });
      client.on('error', () => this.drop(client));
      try {
        await client.connect();
      } catch (error) {
        this.client = undefined;
        throw error;
      }
      return client;
    })();
    return this.client;
  }

  private drop(client: Client): void {
    void this.client?.then(
      (current) => {
        if (current === client) this.client = undefined;
      },
      () => undefined,
    );
    client.end().catch(() => undefined);
  }
}
