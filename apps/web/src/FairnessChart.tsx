import { useEffect, useRef } from 'react';
import { BarController, BarElement, CategoryScale, Chart, LinearScale, Tooltip } from 'chart.js';
import { useI18n } from './i18n';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip);

/** The words of a histogram chart: what is counted (bars) and by what (axis). */
export interface HistogramTexts {
  counted: string;
  axis: string;
  chartLabel: string;
  caption: string;
}

/**
 * How many GADMs got 0, 1, 2… meetings (a bar chart, with the same numbers as a table for screen
 * readers). With `texts` it draws another histogram the same way (participants by their waits);
 * `zeroIsBad` colours the first bar as a warning (a GADM without meetings).
 */
export function FairnessChart({
  histogram,
  texts,
  zeroIsBad = true,
}: {
  histogram: Record<string, number>;
  texts?: HistogramTexts;
  zeroIsBad?: boolean;
}) {
  const { t, lang } = useI18n();
  const words = texts ?? {
    counted: t('fair.gadms'),
    axis: t('fair.meetingsPerGadm'),
    chartLabel: t('fair.chartLabel'),
    caption: t('fair.caption'),
  };
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
          {
            label: words.counted,
            data,
            backgroundColor: labels.map((l) => (zeroIsBad && l === '0' ? '#b42318' : '#1d5fa8')),
            borderRadius: 3,
          },
        ],
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        scales: {
          x: {
            title: { display: true, text: words.axis, color: '#1f2937' },
            ticks: { color: '#1f2937' },
            grid: { display: false },
          },
          y: {
            beginAtZero: true,
            title: { display: true, text: words.counted, color: '#1f2937' },
            ticks: { precision: 0, color: '#1f2937' },
          },
        },
        plugins: { tooltip: { enabled: true } },
      },
    });
    return () => chart.destroy();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [JSON.stringify(histogram), lang, words.counted, words.axis, zeroIsBad]);
  return (
    <figure className="chart">
      <div className="chart-box">
        <canvas ref={canvas} role="img" aria-label={words.chartLabel} />
      </div>
      <figcaption>{words.caption}</figcaption>
      <table className="visually-hidden">
        <thead>
          <tr>
            <th scope="col">{words.axis}</th>
            <th scope="col">{words.counted}</th>
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
