// A table of figures: a caption, column headers, and each row headed by its first cell (a period, a service, a
// fiche), so a screen reader reads « mars 2025, Contacts, 120 ». Numbers are right-aligned.
import type { ReactNode } from 'react';

export interface Column {
  label: string;
  num?: boolean;
}

export function DataTable({
  caption,
  columns,
  rows,
  testId,
  empty = 'aucune donnée pour cette période',
  captionHidden = false,
}: {
  caption: string;
  columns: Column[];
  rows: ReactNode[][];
  testId: string;
  empty?: string;
  captionHidden?: boolean;
}) {
  if (rows.length === 0)
    return (
      <p className="muted" data-testid={`${testId}-empty`}>
        {caption} : {empty}.
      </p>
    );
  return (
    <div className="table-wrap">
      <table className="figures-table" data-testid={testId}>
        <caption className={captionHidden ? 'visually-hidden' : undefined}>{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column.label} scope="col" className={column.num ? 'num' : undefined}>
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => (
            <tr key={index} data-testid={`${testId}-row`}>
              {row.map((value, cell) =>
                cell === 0 ? (
                  <th key={cell} scope="row">
                    {value}
                  </th>
                ) : (
                  <td key={cell} className={columns[cell]?.num ? 'num' : undefined}>
                    {value}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
