import { geoJsonProblem } from './grid.service';

describe('grid boundaries', () => {
  const square = [
    [101.7, 36.6],
    [101.71, 36.6],
    [101.71, 36.61],
    [101.7, 36.61],
    [101.7, 36.6],
  ];

  it('accepts closed Polygon and MultiPolygon rings of longitude/latitude positions', () => {
    expect(geoJsonProblem({ type: 'Polygon', coordinates: [square] })).toBeNull();
    expect(geoJsonProblem({ type: 'MultiPolygon', coordinates: [[square], [square]] })).toBeNull();
  });

  it('refuses open rings, too few positions, positions off the globe and other geometry types', () => {
    expect(geoJsonProblem({ type: 'Polygon', coordinates: [square.slice(0, 4)] })).toMatch(/closed rings/);
    expect(
      geoJsonProblem({
        type: 'Polygon',
        coordinates: [
          [
            [0, 0],
            [1, 1],
            [0, 0],
          ],
        ],
      }),
    ).toMatch(/at least 4/);
    expect(geoJsonProblem({ type: 'Polygon', coordinates: [square.map(([x, y]) => [x + 200, y])] })).not.toBeNull();
    expect(geoJsonProblem({ type: 'MultiPolygon', coordinates: [] })).toMatch(/MultiPolygon/);
    expect(geoJsonProblem({ type: 'LineString', coordinates: square })).toBe('must be a GeoJSON geometry of type Polygon or MultiPolygon');
  });
});
