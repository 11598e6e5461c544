import 'reflect-metadata';
import { loadConfig } from '../config';
import { openDatabase } from '../database/database';
import { District } from '../modules/district/district.entity';
import { clearStructure, loadSampleDistrict } from './sample-district';

/** `npm run seed` loads the sample district into an empty database; `-- --reset` replaces what is there. */
async function main(): Promise<void> {
  const reset = process.argv.includes('--reset');
  const database = await openDatabase(loadConfig());
  try {
    const summary = await database.dataSource.transaction(async (em) => {
      if (reset) await clearStructure(em);
      else if ((await em.count(District)) > 0) return null;
      return loadSampleDistrict(em);
    });
    console.log(
      summary
        ? `Loaded the sample district into ${database.description}: ${JSON.stringify(summary)}`
        : 'The database already has data; run `npm run seed -- --reset` to replace it with the sample district.',
    );
  } finally {
    await database.close();
  }
}

main().catch((error) => {
  console.error('Seeding failed:', error instanceof Error ? error.message : error);
  console.error('If the server is running on the embedded database, stop it first.');
  process.exit(1);
});
