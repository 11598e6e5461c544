import { Typography } from '@mui/material';
import { FieldProps, useRecordContext, useTranslate } from 'react-admin';

type Ring = Array<[number, number]>;

/** The grid's GeoJSON boundary drawn to scale (north up), so officials can see its shape at a glance. */
export const BoundaryField = (_props: FieldProps) => {
  const translate = useTranslate();
  const boundary = useRecordContext()?.boundary as { type: string; coordinates: unknown } | null | undefined;
  if (!boundary) return <Typography variant="body2">—</Typography>;
  const polygons = (boundary.type === 'Polygon' ? [boundary.coordinates] : boundary.coordinates) as Ring[][];
  const points = polygons.flat(2);
  const xs = points.map(([x]) => x);
  const ys = points.map(([, y]) => y);
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const span = Math.max(maxX - minX, maxY - minY) || 1;
  const toSvg = ([x, y]: [number, number]) => `${(((x - minX) / span) * 100).toFixed(2)},${(((maxY - y) / span) * 100).toFixed(2)}`;
  return (
    <svg viewBox="-5 -5 110 110" width={160} height={160} role="img" aria-label={translate('resources.grids.fields.boundary')}>
      {polygons.map((rings, i) => (
        <path
          key={i}
          fillRule="evenodd"
          fill="rgba(33,150,243,0.2)"
          stroke="#1976d2"
          strokeWidth={1.5}
          d={rings.map((ring) => `M${ring.map(toSvg).join('L')}Z`).join(' ')}
        />
      ))}
    </svg>
  );
};
