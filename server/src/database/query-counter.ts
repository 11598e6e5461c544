import type { Logger } from 'typeorm';
import { requestScope } from '../core/request-context';

/**
 * Counts SQL statements per request (reported in the response's extensions)
 * and logs failures and slow queries. Query text is never sent to clients.
 */
export class QueryCounterLogger implements Logger {
  constructor(private readonly logEveryQuery: boolean) {}

  logQuery(query: string, parameters?: unknown[]): void {
    const context = requestScope.getStore();
    if (context) context.stats.sqlStatements++;
    if (this.logEveryQuery) console.log(`[sql] ${query}`, parameters?.length ? parameters : '');
  }

  logQueryError(error: string | Error, query: string): void {
    if (this.logEveryQuery) console.error(`[sql error] ${error instanceof Error ? error.message : error} in ${query}`);
  }

  logQuerySlow(time: number, query: string): void {
    console.warn(`[sql slow ${time} ms] ${query.slice(0, 500)}`);
  }

  logSchemaBuild(): void {}
  logMigration(message: string): void {
    console.log(`[migration] ${message}`);
  }
  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (level === 'warn') console.warn(message);
  }
}
