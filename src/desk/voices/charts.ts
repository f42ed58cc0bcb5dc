import { html } from '../html';

// Charts as SVG with a title and a description for assistive technology; every chart has its table
// beside it with the same numbers. Colours are told apart by pattern and labels too.

export interface Bar {
  label: string;
  value: number;
  /** A class for the bar's fill. */
  tone?: string;
}

const ROW = 26;

/** Horizontal bars with their values written at the end. */
export function BarChart({ id, title, bars, width = 560 }: { id: string; title: string; bars: Bar[]; width?: number }) {
  const max = Math.max(1, ...bars.map((bar) => bar.value));
  const labelWidth = 190;
  const plot = width - labelWidth - 56;
  const height = bars.length * ROW + 8;
  const summary = bars.map((bar) => `${bar.label}: ${bar.value}`).join('; ');
  return html`<svg class="chart" viewBox=${`0 0 ${width} ${height}`} width=${width} height=${height} role="img"
      aria-labelledby=${`${id}-title ${id}-desc`} data-chart=${id}>
    <title id=${`${id}-title`}>${title}</title>
    <desc id=${`${id}-desc`}>${summary}</desc>
    ${bars.map((bar, i) => {
      const y = i * ROW + 4;
      const w = Math.max(bar.value > 0 ? 2 : 0, (bar.value / max) * plot);
      return html`<g key=${bar.label} data-bar=${bar.label} data-value=${bar.value}>
        <text x=${labelWidth - 8} y=${y + 16} text-anchor="end" class="chart-label">${bar.label.length > 26 ? `${bar.label.slice(0, 25)}…` : bar.label}</text>
        <rect x=${labelWidth} y=${y + 3} width=${w} height=${ROW - 8} class=${`bar ${bar.tone ?? ''}`} rx="2" />
        <text x=${labelWidth + w + 6} y=${y + 16} class="chart-value">${bar.value}</text>
      </g>`;
    })}
  </svg>`;
}

/** A share's label under its start; one that might run off the chart's right edge is ended at it. */
function shareLabel(text: string, start: number, width: number) {
  // Labels are about 8 px per character at their size: an estimate only decides which side anchors.
  const fits = start + 6 + text.length * 8 <= width;
  return fits
    ? html`<text x=${start + 6} y="62" class="chart-label">${text}</text>`
    : html`<text x=${width - 2} y="62" text-anchor="end" class="chart-label">${text}</text>`;
}

/** One bar split in shares (share of voice), each share labelled with its percentage below. */
export function ShareBar({ id, title, parts, width = 560 }: { id: string; title: string; parts: Bar[]; width?: number }) {
  const total = parts.reduce((sum, part) => sum + part.value, 0);
  let x = 0;
  const summary = parts.map((part) => `${part.label}: ${part.value} (${total ? Math.round((part.value / total) * 100) : 0}%)`).join('; ');
  return html`<svg class="chart" viewBox=${`0 0 ${width} 78`} width=${width} height="78" role="img" aria-labelledby=${`${id}-title ${id}-desc`} data-chart=${id}>
    <title id=${`${id}-title`}>${title}</title>
    <desc id=${`${id}-desc`}>${total ? summary : 'No quotes of people in this period.'}</desc>
    ${total === 0
      ? html`<rect x="0" y="8" width=${width} height="30" class="bar bar-empty" rx="3" />`
      : parts.map((part) => {
          const w = (part.value / total) * width;
          const start = x;
          x += w;
          return html`<g key=${part.label} data-bar=${part.label} data-value=${part.value}>
            <rect x=${start} y="8" width=${w} height="30" class=${`bar ${part.tone ?? ''}`} />
            ${w > 60 ? shareLabel(`${part.label} ${Math.round((part.value / total) * 100)}%`, start, width) : null}
          </g>`;
        })}
  </svg>`;
}

/** Columns per bucket, stacked by series, with the first and last bucket named under the axis. */
export function StackedColumns({
  id,
  title,
  buckets,
  series,
  width = 560,
}: {
  id: string;
  title: string;
  buckets: { label: string; values: number[] }[];
  series: { label: string; tone: string }[];
  width?: number;
}) {
  const height = 180;
  const plotHeight = 140;
  const max = Math.max(1, ...buckets.map((bucket) => bucket.values.reduce((a, b) => a + b, 0)));
  const step = buckets.length ? width / buckets.length : width;
  const columnWidth = Math.max(1, step * 0.7);
  const summary = buckets
    .filter((bucket) => bucket.values.some((value) => value > 0))
    .map((bucket) => `${bucket.label}: ${bucket.values.map((value, i) => `${series[i]?.label} ${value}`).join(', ')}`)
    .join('; ');
  return html`<svg class="chart" viewBox=${`0 0 ${width} ${height}`} width=${width} height=${height} role="img"
      aria-labelledby=${`${id}-title ${id}-desc`} data-chart=${id}>
    <title id=${`${id}-title`}>${title}</title>
    <desc id=${`${id}-desc`}>${summary || 'No quotes in this period.'}</desc>
    <line x1="0" x2=${width} y1=${plotHeight + 0.5} y2=${plotHeight + 0.5} class="axis" />
    ${buckets.map((bucket, i) => {
      let y = plotHeight;
      return html`<g key=${bucket.label} data-bucket=${bucket.label}>
        ${bucket.values.map((value, s) => {
          const h = (value / max) * (plotHeight - 8);
          y -= h;
          return value > 0 ? html`<rect x=${i * step + (step - columnWidth) / 2} y=${y} width=${columnWidth} height=${h} class=${`bar ${series[s]?.tone ?? ''}`} key=${s} />` : null;
        })}
      </g>`;
    })}
    ${buckets.length > 0
      ? html`<text x="0" y=${height - 8} class="chart-label">${buckets[0]!.label}</text>
          <text x=${width} y=${height - 8} text-anchor="end" class="chart-label">${buckets.at(-1)!.label}</text>`
      : null}
  </svg>`;
}
