import fs from 'node:fs';
import { dropDatabase } from '../../server/src/database/databases';
import { assertNoWorkerHeld } from './exit-watch';

export default async function globalTeardown(): Promise<void> {
  if (process.env.TEST_TEMPLATE_DATABASE) await dropDatabase(process.env.TEST_TEMPLATE_DATABASE);
  const embedded = (globalThis as Record<string, unknown>).__embedded as { stop(): Promise<void>; dataDir: string } | undefined;
  if (embedded) {
    await embedded.stop();
    fs.rmSync(embedded.dataDir, { recursive: true, force: true });
  }
  // Jest has ended its workers by now: last, so that a failure here leaves nothing behind.
  assertNoWorkerHeld();
}
