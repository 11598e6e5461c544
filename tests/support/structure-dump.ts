import type { TestServer } from './test-server';

/**
 * The structure on a day, read straight from the database by codes (not
 * ids, which a revert or a replay gives anew): communities with their office,
 * grids with their community, each household's grid, grid members and post
 * holders. Two equal dumps are the same structure, memberships and posts.
 */
export async function structureOn(api: Pick<TestServer, 'sql'>, day: string) {
  const [communities, grids, households, members, holders] = await Promise.all([
    api.sql<{ code: string; name: string; name_en: string; office: string | null }>(
      `SELECT v.code, v.name, v.name_en, ov.name AS office FROM community c JOIN community_version v ON v.community_id = c.id AND v.valid @> $1::date
      LEFT JOIN office_version ov ON ov.office_id = v.office_id AND ov.valid @> $1::date WHERE c.valid @> $1::date ORDER BY v.code`,
      [day],
    ),
    api.sql<{ code: string; name: string; community: string }>(
      `SELECT v.code, v.name, cv.code AS community FROM grid g JOIN grid_version v ON v.grid_id = g.id AND v.valid @> $1::date
      JOIN community_version cv ON cv.community_id = v.community_id AND cv.valid @> $1::date WHERE g.valid @> $1::date ORDER BY v.code`,
      [day],
    ),
    api.sql<{ grid: string; households: number; which: string }>(
      `SELECT gv.code AS grid, COUNT(*)::int AS households, md5(string_agg(h.household_id::text, ',' ORDER BY h.household_id)) AS which
      FROM household_version h JOIN household hh ON hh.id = h.household_id AND hh.valid @> $1::date
      JOIN grid_version gv ON gv.grid_id = h.grid_id AND gv.valid @> $1::date WHERE h.valid @> $1::date GROUP BY 1 ORDER BY 1`,
      [day],
    ),
    api.sql<{ grid: string; staff: number[] }>(
      `SELECT gv.code AS grid, array_agg(a.staff_member_id ORDER BY a.staff_member_id) AS staff FROM grid_assignment a
      JOIN grid_version gv ON gv.grid_id = a.grid_id AND gv.valid @> $1::date WHERE a.valid @> $1::date GROUP BY 1 ORDER BY 1`,
      [day],
    ),
    api.sql<{ post_id: number; slot: string; staff_member_id: number }>(
      `SELECT h.post_id, h.slot, h.staff_member_id FROM post_holder h WHERE h.valid @> $1::date ORDER BY 1, 2`,
      [day],
    ),
  ]);
  return { communities, grids, households, members, holders };
}

/** Every row of the dated tables (audit, plans and lineage aside): equal digests mean the structure's history is unchanged. */
export async function structureFingerprint(api: Pick<TestServer, 'sql'>): Promise<Record<string, string>> {
  const tables = [
    'office',
    'office_version',
    'community',
    'community_version',
    'grid',
    'grid_version',
    'household',
    'household_version',
    'resident',
    'resident_version',
    'community_predecessor_office',
    'community_predecessor_community',
    'grid_assignment',
    'post_holder',
  ];
  const digests = await Promise.all(
    tables.map(async (table) => {
      const [row] = await api.sql<{ digest: string }>(
        `SELECT md5(COALESCE(string_agg((to_jsonb(t) - 'version' - 'updated_at')::text, '|' ORDER BY (to_jsonb(t) - 'version' - 'updated_at')::text), '')) AS digest FROM ${table} t`,
      );
      return [table, row.digest] as const;
    }),
  );
  return Object.fromEntries(digests);
}
