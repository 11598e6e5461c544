import { Logger, run, Runner, Task } from 'graphile-worker';
import { Pool } from 'pg';
import type { DataSource } from 'typeorm';
import { RequestContext } from '../../core/request-context';
import { Clock, systemClock } from '../../core/time/clock';
import { affairService } from './affair.service';

/** Graphile Worker logs every job; only problems are worth the operator's attention. */
const quietLogger = new Logger(() => (level, message) => {
  if (level === 'error' || level === 'warning') console.error(`[jobs] ${message}`);
});

export interface SchedulerOptions {
  /** Sweep every minute from the crontab (the server); tests leave it off and call `sweep()`. */
  cron?: boolean;
  /** How often an idle worker looks for jobs besides being notified (ms). */
  pollInterval?: number;
}

export interface SweepReport {
  escalations: number;
  reminders: number;
  moved: number;
}

/**
 * Scheduled work of the one-stop service, kept in PostgreSQL by Graphile
 * Worker so that with several server instances each job runs once: a
 * periodic sweep (cron, once per minute across all instances) asks the
 * product's clock — not the database's now() — what is due, and queues one
 * job per escalation, reminder and moved household, each with a job key so
 * a job already waiting is not queued twice. Each job locks its affair and
 * re-checks that it is still due, so even a job queued again after another
 * instance ran it changes nothing.
 */
export class ServiceScheduler {
  private runner: Runner | null = null;
  private pool: Pool | null = null;

  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock = systemClock,
  ) {}

  async start(options: SchedulerOptions = {}): Promise<void> {
    const connectionString = (this.dataSource.options as { url?: string }).url;
    if (!connectionString) throw new Error('The job queue needs the database URL');
    // A pool of its own, ended by stop(): a connection the database drops while stopping is logged, never left to crash the process.
    this.pool = new Pool({ connectionString, max: 3, connectionTimeoutMillis: 10_000 });
    const logError = (error: Error) => console.error(`[jobs] ${error.message}`);
    this.pool.on('error', logError);
    // A connection the database drops while checked out errors on the client, not the pool.
    this.pool.on('connect', (client) => client.on('error', logError));
    this.runner = await run({
      pgPool: this.pool,
      concurrency: 2,
      noHandleSignals: true,
      pollInterval: options.pollInterval ?? 2000,
      logger: quietLogger,
      taskList: this.tasks(),
      crontab: options.cron ? '* * * * * service_sweep ?max=1&jobKey=service_sweep' : '',
    });
  }

  /** Queues a sweep now (what the crontab does every minute). */
  async sweep(): Promise<void> {
    await this.requireRunner().addJob('service_sweep', {}, { jobKey: 'service_sweep' });
  }

  /** Whether any job of the service is waiting or running. */
  async idle(): Promise<boolean> {
    const [row] = await this.dataSource.query(`SELECT COUNT(*)::int AS n FROM graphile_worker.jobs WHERE task_identifier LIKE 'service_%'`);
    return row.n === 0;
  }

  async stop(): Promise<void> {
    const runner = this.runner;
    const pool = this.pool;
    this.runner = null;
    this.pool = null;
    try {
      await runner?.stop();
    } finally {
      await pool?.end();
    }
  }

  private requireRunner(): Runner {
    if (!this.runner) throw new Error('The scheduler is not running');
    return this.runner;
  }

  private tasks(): Record<string, Task> {
    /** Work as the system, in one transaction, on the product's clock. */
    const inTransaction = <T>(work: (ctx: RequestContext) => Promise<T>) => {
      const ctx = new RequestContext(this.dataSource, undefined, this.clock);
      return ctx.transaction(() => work(ctx));
    };
    return {
      service_sweep: async (_payload, helpers) => {
        const due = await affairService.dueWork(this.dataSource.manager, this.clock.today());
        const today = this.clock.today();
        for (const { id, level } of due.escalations) {
          await helpers.addJob('service_escalate', { id, level }, { jobKey: `escalate:${id}:${level}` });
        }
        for (const id of due.reminders) await helpers.addJob('service_remind', { id }, { jobKey: `remind:${id}:${today}` });
        for (const householdId of due.moved)
          await helpers.addJob('service_reroute', { householdId }, { jobKey: `reroute:${householdId}:${today}` });
      },
      service_escalate: async (payload) => {
        const { id, level } = payload as { id: number; level: 1 | 2 };
        await inTransaction((ctx) => affairService.escalate(ctx, id, level));
      },
      service_remind: async (payload) => {
        await inTransaction((ctx) => affairService.remind(ctx, (payload as { id: number }).id));
      },
      service_reroute: async (payload) => {
        await inTransaction((ctx) => affairService.rerouteOpenAffairs(ctx, [(payload as { householdId: number }).householdId], ctx.today));
      },
    };
  }
}
