// A Chart.js canvas. The picture is for sighted readers: it carries a short description (role="img") and every
// chart of the page sits beside a table of the same figures, which is what screen readers read.
import type { ChartConfiguration } from 'chart.js';
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip } from 'chart.js';
import { useEffect, useRef } from 'react';

// Only what the bar charts use, so the bundle carries no other chart type.
Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);
Chart.defaults.font.family =
  "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";
Chart.defaults.color = '#3a3a3a';
// No animation: the figures must be readable at once, and printed as they are.
Chart.defaults.animation = false;

export function ChartCanvas({
  config,
  label,
  testId,
  size = 'medium',
}: {
  config: ChartConfiguration<'bar'>;
  label: string;
  testId?: string;
  size?: 'small' | 'medium' | 'large';
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (!canvas.current) return;
    const chart = new Chart(canvas.current, config);
    return () => chart.destroy();
  }, [config]);
  return (
    <div className={`chart-box chart-box-${size}`}>
      <canvas ref={canvas} role="img" aria-label={label} data-testid={testId}>
        {label}
      </canvas>
    </div>
  );
}
