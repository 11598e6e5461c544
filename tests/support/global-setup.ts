import 'reflect-metadata';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createDataSource } from '../../server/src/database/data-source';
import { dropDatabase, ensureDatabase, withDatabase } from '../../server/src/database/databases';
import { startEmbeddedPostgres } from '../../server/src/database/embedded-postgres';
import { loadSampleDistrict } from '../../server/src/seed/sample-district';
import { ensureAdministrator } from '../../server/src/modules/auth/bootstrap';
import { OPEN_HANDLES_DIR } from './exit-watch';

export const ADMIN_PASSWORD = 'admin-password-for-tests';
/** Tests run with a fixed today (Asia/Shanghai), whatever the date and the machine's zone. */
export const TEST_TODAY = '2026-06-15';

/**
 * Once per `npm test`: a PostgreSQL server (DATABASE_URL's, or an embedded one
 * in a temporary folder) and a template database holding the migrated schema
 * and the sample district. Each test file copies the template into a database
 * of its own, so files run in parallel without seeing each other's writes.
 */
export default async function globalSetup(): Promise<void> {
  fs.rmSync(OPEN_HANDLES_DIR, { recursive: true, force: true });
  let serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'community-grid-test-'));
    fs.chmodSync(dataDir, 0o755);
    const embedded = await startEmbeddedPostgres(dataDir, await freePort());
    (globalThis as Record<string, unknown>).__embedded = { ...embedded, dataDir };
    serverUrl = embedded.url;
  }
  const template = withDatabase(serverUrl, `cg_template_${process.pid}`);
  await dropDatabase(template);
  await ensureDatabase(template);
  const dataSource = createDataSource({ url: template, poolSize: 2 });
  await dataSource.initialize();
  try {
    await dataSource.runMigrations();
    await dataSource.transaction((em) => loadSampleDistrict(em, undefined, TEST_TODAY));
    await ensureAdministrator(dataSource, ADMIN_PASSWORD);
    // Statistics for the planner, copied with the template: without them the dated joins
    // (counts over versions) get nested-loop plans that take seconds instead of milliseconds.
    await dataSource.query('ANALYZE');
  } finally {
    await dataSource.destroy();
  }
  process.env.TEST_DATABASE_SERVER = serverUrl;
  process.env.TEST_TEMPLATE_DATABASE = template;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
