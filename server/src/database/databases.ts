import { Client } from 'pg';

/** Helpers for the server-level work that a single database connection cannot do. */

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

export function databaseName(url: string): string {
  return decodeURIComponent(new URL(url).pathname.replace(/^\//, '')) || 'postgres';
}

async function onMaintenance<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: withDatabase(url, 'postgres'), connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Creates the database named in `url` if it does not exist (optionally as a copy of `template`). */
export async function ensureDatabase(url: string, template?: string): Promise<void> {
  const name = databaseName(url);
  await onMaintenance(url, async (client) => {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) {
      await client.query(`CREATE DATABASE ${quote(name)}${template ? ` TEMPLATE ${quote(template)}` : ''}`);
    }
  });
}

export async function dropDatabase(url: string): Promise<void> {
  await onMaintenance(url, (client) => client.query(`DROP DATABASE IF EXISTS ${quote(databaseName(url))} WITH (FORCE)`));
}
