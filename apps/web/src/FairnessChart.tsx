import { useEffect, useRef } from 'react';
import { BarController, BarElement, CategoryScale, Chart, LinearScale, Tooltip } from 'chart.js';
import { useI18n } from './i18n';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip);

/** How many GADMs got 0, 1, 2… meetings (a bar chart, with the same numbers as a table for screen readers). */
export function FairnessChart({ histogram }: { histogram: Record<string, number> }) {
  const { t, lang } = useI18n();
  const canvas = useRef<HTMLCanvasElement>(null);
  const keys = Object.keys(histogram)
    .map(Number)
    .sort((a, b) => a - b);
  const max = keys.length ? keys[keys.length - 1] : 0;
  const labels = Array.from({ length: max + 1 }, (_, i) => String(i));
  const data = labels.map((k) => histogram[k] ?? 0);
  useEffect(() => {
    if (!canvas.current) return;
    const chart = new Chart(canvas.current, {
      type: 'bar',
      data: {
        labels,
        datasets: [
          { label: t('fair.gadms'), data, backgroundColor: labels.map((l) => (l === '0' ? '#b42318' : '#1d5fa8')), borderRadius: 3 },
        ],
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        scales: {
          x: {
            title: { display: true, text: t('fair.meetingsPerGadm'), color: '#1f2937' },
            ticks: { color: '#1f2937' },
            grid: { display: false },
          },
          y: {
            beginAtZero: true,
            title: { display: true, text: t('fair.gadms'), color: '#1f2937' },
            ticks: { precision: 0, color: '#1f2937' },
          },
        },
        plugins: { tooltip: { enabled: true } },
      },
    });
    return () => chart.destroy();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [JSON.stringify(histogram), lang]);
  return (
    <figure className="chart">
      <div className="chart-box">
        <canvas ref={canvas} role="img" aria-label={t('fair.chartLabel')} />
      </div>
      <figcaption>{t('fair.caption')}</figcaption>
      <table className="visually-hidden">
        <thead>
          <tr>
            <th scope="col">{t('fair.meetingsPerGadm')}</th>
            <th scope="col">{t('fair.gadms')}</th>
          </tr>
        </thead>
        <tbody>
          {labels.map((l, i) => (
            <tr key={l}>
              <td>{l}</td>
              <td>{data[i]}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
