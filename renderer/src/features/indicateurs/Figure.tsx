// One figure of the dashboard: its title, a chart (when it has one) beside the table of the same figures, a
// note on what is counted, and its CSV export.
import type { ReactNode } from 'react';

export function Figure({
  id,
  title,
  chart,
  note,
  children,
  actions,
  stacked = false,
}: {
  id: string;
  title: string;
  chart?: ReactNode;
  note?: ReactNode;
  children: ReactNode;
  actions?: ReactNode;
  /** The chart above its table, both full width: for tables too wide to sit beside a chart. */
  stacked?: boolean;
}) {
  return (
    <section className="figure" aria-labelledby={`${id}-title`} data-testid={`figure-${id}`}>
      <h3 id={`${id}-title`}>{title}</h3>
      {note && <p className="hint">{note}</p>}
      <div className={chart && !stacked ? 'figure-grid' : 'figure-stack'}>
        {chart && <div className="figure-chart">{chart}</div>}
        <div className="figure-data">{children}</div>
      </div>
      {actions}
    </section>
  );
}
