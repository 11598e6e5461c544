import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Servers keep who a token or session belongs to in memory for a short while;
 * these triggers tell every server (NOTIFY on channel cg_auth, delivered when
 * the writing transaction commits) when that answer may have changed: an
 * account's row (role, reach, password, disabled), a token or session revoked
 * or expiring (payload: the account id), or an assignment or grid that scopes
 * reach (payload "*": forget everyone).
 */
export class AuthChanges1796500000000 implements MigrationInterface {
  name = 'AuthChanges1796500000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE FUNCTION cg_auth_account_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_TABLE_NAME = 'account' THEN
          PERFORM pg_notify('cg_auth', COALESCE(NEW.id, OLD.id)::text);
        ELSE
          PERFORM pg_notify('cg_auth', COALESCE(NEW.account_id, OLD.account_id)::text);
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`CREATE FUNCTION cg_auth_reach_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('cg_auth', '*');
        RETURN NULL;
      END $$`);
    await q.query(
      `CREATE TRIGGER account_auth_changed AFTER UPDATE OR DELETE ON account FOR EACH ROW EXECUTE FUNCTION cg_auth_account_changed()`,
    );
    for (const table of ['api_token', 'session']) {
      await q.query(`CREATE TRIGGER ${table}_auth_changed AFTER UPDATE OF revoked_at, expires_at, account_id OR DELETE ON ${table}
        FOR EACH ROW EXECUTE FUNCTION cg_auth_account_changed()`);
    }
    for (const table of ['grid_assignment', 'post_holder', 'grid_version']) {
      await q.query(`CREATE TRIGGER ${table}_auth_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON ${table}
        FOR EACH STATEMENT EXECUTE FUNCTION cg_auth_reach_changed()`);
    }
  }

  public async down(q: QueryRunner): Promise<void> {
    for (const table of ['account', 'api_token', 'session', 'grid_assignment', 'post_holder', 'grid_version']) {
      await q.query(`DROP TRIGGER ${table}_auth_changed ON ${table}`);
    }
    await q.query('DROP FUNCTION cg_auth_reach_changed()');
    await q.query('DROP FUNCTION cg_auth_account_changed()');
  }
}
