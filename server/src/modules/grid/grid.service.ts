import { CrudService } from '../../core/crud.service';
import { FieldProblems } from '../../core/errors';
import type { RequestContext } from '../../core/request-context';
import { Community } from '../community/community.entity';
import { GeoJsonGeometry, Grid } from './grid.entity';
import type { CreateGridInput, UpdateGridInput } from './grid.inputs';
import { affairService } from '../service/affair.service';

export class GridService extends CrudService<Grid, CreateGridInput, UpdateGridInput> {
  constructor() {
    super({
      entity: Grid,
      label: 'Grid',
      searchColumns: ['code', 'name'],
      references: { communityId: { entity: Community, label: 'Community' } },
      dependants: [{ countSql: 'SELECT COUNT(*) AS count FROM household_version WHERE grid_id = $1', label: 'household memberships' }],
      members: [
        {
          countSql: 'SELECT COUNT(*) AS count FROM household_version WHERE grid_id = $1 AND (upper_inf(valid) OR upper(valid) > $2::date)',
          label: 'households',
        },
      ],
    });
  }

  /** A grid moved to another community takes its households' open affairs along: they are re-routed there. */
  override async change(ctx: RequestContext, input: Record<string, unknown> & { id: string; effectiveOn: string }): Promise<Grid> {
    const after = await super.change(ctx, input);
    if (input.communityId != null) {
      const rows: Array<{ household_id: number }> = await ctx.em.query(`SELECT DISTINCT household_id FROM affair WHERE grid_id = $1`, [
        after.id,
      ]);
      await affairService.rerouteOpenAffairs(
        ctx,
        rows.map((row) => Number(row.household_id)),
        input.effectiveOn,
      );
    }
    return after;
  }

  protected override async validate(
    ctx: RequestContext,
    grid: Partial<Grid>,
    problems: FieldProblems,
    existing: Grid | undefined,
    day: string,
  ): Promise<void> {
    if (await this.taken(ctx, { code: grid.code }, existing, day)) {
      problems.add('code', `is used by another grid on ${day}`);
    }
    const boundaryProblem = grid.boundary ? geoJsonProblem(grid.boundary) : null;
    if (boundaryProblem) problems.add('boundary', boundaryProblem);
  }
}

/** A boundary is a GeoJSON Polygon or MultiPolygon of closed rings of [longitude, latitude] positions. */
export function geoJsonProblem(geometry: GeoJsonGeometry): string | null {
  const isPosition = (p: unknown) =>
    Array.isArray(p) &&
    p.length >= 2 &&
    p.every((n) => typeof n === 'number' && Number.isFinite(n)) &&
    Math.abs(p[0] as number) <= 180 &&
    Math.abs(p[1] as number) <= 90;
  const isRing = (ring: unknown) =>
    Array.isArray(ring) &&
    ring.length >= 4 &&
    ring.every(isPosition) &&
    ring[0][0] === ring[ring.length - 1][0] &&
    ring[0][1] === ring[ring.length - 1][1];
  const isPolygon = (polygon: unknown) => Array.isArray(polygon) && polygon.length >= 1 && polygon.every(isRing);
  if (geometry.type === 'Polygon')
    return isPolygon(geometry.coordinates) ? null : 'Polygon needs closed rings of at least 4 [longitude, latitude] positions';
  if (geometry.type === 'MultiPolygon') {
    return Array.isArray(geometry.coordinates) && geometry.coordinates.length > 0 && geometry.coordinates.every(isPolygon)
      ? null
      : 'MultiPolygon needs polygons of closed rings of at least 4 [longitude, latitude] positions';
  }
  return 'must be a GeoJSON geometry of type Polygon or MultiPolygon';
}

export const gridService = new GridService();
