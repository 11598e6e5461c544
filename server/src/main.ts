import 'reflect-metadata';
import { createApp } from './app';
import { loadConfig } from './config';
import { openDatabase } from './database/database';
import { buildApiSchema } from './schema/build-schema';
import { loadSampleIfEmpty } from './seed/sample-district';
import { authService } from './modules/auth/auth.service';
import { ensureAdministrator } from './modules/auth/bootstrap';
import { ServiceScheduler } from './modules/service/service-scheduler';

/** config → database → schema → HTTP server. */
async function main(): Promise<void> {
  const started = Date.now();
  let ready = false;
  // If start-up ever waits on something that can no longer happen, Node would exit 0 in silence.
  process.once('beforeExit', () => {
    if (!ready) {
      console.error('Community Grid failed to start: start-up stalled');
      process.exitCode = 1;
    }
  });
  const config = loadConfig();
  const database = await openDatabase(config);
  let app: Awaited<ReturnType<typeof createApp>> | undefined;
  let scheduler: ServiceScheduler | undefined;
  let stopping = false;
  const stop = async (exitCode: number) => {
    if (stopping) return;
    stopping = true;
    await app?.stop().catch(() => undefined);
    await scheduler?.stop().catch((error) => console.error('Stopping the job queue failed:', error));
    await database.close().catch((error) => console.error('Stopping the database failed:', error));
    console.log('Community Grid stopped');
    process.exit(exitCode);
  };
  process.once('SIGINT', () => void stop(0));
  process.once('SIGTERM', () => void stop(0));

  try {
    if (config.loadSampleOnEmpty) {
      const loaded = await loadSampleIfEmpty(database.dataSource);
      if (loaded)
        console.log(
          `Loaded the sample district: ${loaded.communities} communities, ${loaded.grids} grids, ${loaded.households} households, ${loaded.residents} residents`,
        );
    }
    const admin = await ensureAdministrator(database.dataSource, config.adminPassword);
    if (admin?.generatedPassword) {
      console.log(`Created the account "admin" with password ${admin.generatedPassword} (shown once; set ADMIN_PASSWORD to choose it)`);
    } else if (admin) {
      console.log('Created the account "admin" with the password in ADMIN_PASSWORD');
    }
    authService.policy = { idleMinutes: config.sessionIdleMinutes, maxHours: config.sessionMaxHours };
    app = await createApp({
      dataSource: database.dataSource,
      schema: await buildApiSchema(),
      isDevelopment: config.isDevelopment,
      isProduction: config.isProduction,
      trustProxy: config.trustProxy,
      reportStatementTimeoutMs: config.reportStatementTimeoutMs,
      listCountCap: config.listCountCap,
    });
    await new Promise<void>((resolve, reject) => {
      app!.server.once('error', reject);
      app!.server.listen(config.port, resolve);
    });
    if (config.serviceJobs) {
      // Escalations, reminders and re-routing: a sweep every minute, each job run once across instances.
      scheduler = new ServiceScheduler(database.dataSource);
      await scheduler.start({ cron: true });
    }
  } catch (error) {
    console.error('Community Grid failed to start:', error instanceof Error ? error.message : error);
    await stop(1);
    return;
  }
  ready = true;
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  console.log(`Community Grid is ready in ${((Date.now() - started) / 1000).toFixed(1)} s
  Dashboard  http://localhost:${port}/
  GraphQL    http://localhost:${port}/graphql
  Health     http://localhost:${port}/healthz  http://localhost:${port}/readyz
  Database   ${database.description}`);
}

main().catch((error) => {
  console.error('Community Grid failed to start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
