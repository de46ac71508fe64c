import { Link } from 'react-router';

/** One big number that opens the log filtered to what it counts. */
export function FigureLink({ to, value, label, color }: { to: string; value: number | string; label: string; color?: string }) {
  return (
    <Link className="figure-link" to={to}>
      <span className="figure-value">{typeof value === 'number' ? value.toLocaleString() : value}</span>
      <span className="figure-label">
        {color && <span className="figure-swatch" style={{ background: color }} aria-hidden="true" />}
        {label}
      </span>
    </Link>
  );
}
