import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  type ChartType,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
} from 'chart.js';
import { useEffect, useRef } from 'preact/hooks';

// Only the pieces the dashboard draws, so the bundle carries no unused chart types.
Chart.register(
  BarController,
  BarElement,
  CategoryScale,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Legend,
  Tooltip,
);

export interface Series {
  label: string;
  values: number[];
}

interface ChartFigureProps {
  title: string;
  type: Extract<ChartType, 'bar' | 'line'>;
  labels: string[];
  series: Series[];
  /** Horizontal bars, for long labels at phone width. */
  horizontal?: boolean;
}

const COLOURS = ['#0172ad', '#d1a200', '#2e7d32', '#c62828', '#6a1b9a', '#00838f', '#5d4037', '#546e7a'];

/**
 * One chart, with its numbers in a table below (a screen reader's view of it, and what a person can
 * copy). The canvas is drawn by Chart.js without animation, so what is shown is final at once.
 */
export function ChartFigure({ title, type, labels, series, horizontal = false }: ChartFigureProps) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const data = JSON.stringify({ labels, series });

  // Redrawn when the numbers change (`data`), not on every render.
  useEffect(() => {
    const chart = new Chart<typeof type, number[], string | string[]>(canvas.current!, {
      type,
      data: {
        // Beside horizontal bars a long label takes two lines (Chart.js draws an array as lines), so
        // that it is not cut at phone width.
        labels: horizontal ? labels.map((label) => label.split(', ')) : labels,
        datasets: series.map((one, index) => ({
          label: one.label,
          data: one.values,
          backgroundColor: series.length === 1 ? COLOURS : COLOURS[index % COLOURS.length],
          borderColor: COLOURS[index % COLOURS.length],
        })),
      },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        indexAxis: horizontal ? 'y' : 'x',
        plugins: { legend: { display: series.length > 1 } },
        scales: { [horizontal ? 'x' : 'y']: { beginAtZero: true, ticks: { precision: 0 } } },
      },
    });
    return () => chart.destroy();
  }, [data, type, horizontal]);

  return (
    <figure>
      <h3>{title}</h3>
      <div class="chart">
        <canvas ref={canvas} role="img" aria-label={title} />
      </div>
      <details>
        <summary>Numbers</summary>
        <div class="overflow-auto">
          <table>
            <thead>
              <tr>
                <th scope="col">{''}</th>
                {series.map((one) => (
                  <th scope="col" key={one.label}>
                    {one.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {labels.map((label, row) => (
                <tr key={label}>
                  <th scope="row">{label}</th>
                  {series.map((one) => (
                    <td key={one.label}>{one.values[row]}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
