import { useEffect, useRef } from 'react';
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip } from 'chart.js';
import { useI18n } from './i18n';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip, Legend);

export interface BarSeries {
  label: string;
  data: number[];
  color: string;
}

/** Colours with AA contrast against white for bars and their legend. */
export const PALETTE = ['#1d5fa8', '#17663a', '#b42318', '#8a5a00', '#5b3b8c'];

/**
 * A bar chart (Chart.js) with a caption; the same numbers are always shown in a table next to
 * it (the caller renders it), so the canvas is an image with a label for screen readers.
 */
export function BarChart({
  labels,
  series,
  title,
  xTitle,
  yTitle,
  horizontal = false,
  height = 260,
}: {
  labels: string[];
  series: BarSeries[];
  title: string;
  xTitle?: string;
  yTitle?: string;
  horizontal?: boolean;
  height?: number;
}) {
  const { t, lang } = useI18n();
  const canvas = useRef<HTMLCanvasElement>(null);
  const key = JSON.stringify({ labels, series, xTitle, yTitle, horizontal });
  useEffect(() => {
    if (!canvas.current) return;
    const text = '#1f2937';
    const chart = new Chart(canvas.current, {
      type: 'bar',
      data: { labels, datasets: series.map((s) => ({ label: s.label, data: s.data, backgroundColor: s.color, borderRadius: 3 })) },
      options: {
        indexAxis: horizontal ? 'y' : 'x',
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        scales: {
          x: {
            title: { display: !!xTitle, text: xTitle ?? '', color: text },
            ticks: { color: text, precision: horizontal ? 0 : undefined },
            grid: { display: horizontal },
            beginAtZero: true,
          },
          y: {
            title: { display: !!yTitle, text: yTitle ?? '', color: text },
            ticks: { color: text, precision: horizontal ? undefined : 0 },
            beginAtZero: true,
            grid: { display: !horizontal },
          },
        },
        plugins: { legend: { display: series.length > 1, labels: { color: text } }, tooltip: { enabled: true } },
      },
    });
    return () => chart.destroy();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, lang]);
  return (
    <figure className="chart">
      <div className="chart-box" style={{ height }}>
        <canvas ref={canvas} role="img" aria-label={t('reports.chartOf', { title })} />
      </div>
      <figcaption>{title}</figcaption>
    </figure>
  );
}
