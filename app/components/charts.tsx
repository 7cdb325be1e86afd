import { useFormat, useT } from "#app/i18n/react";

/** Small server-rendered SVG charts: every bar carries its number as text, so no colour is needed to read them. */
export function BarChart({
  title,
  data,
  colours,
}: {
  title: string;
  data: { label: string; value: number }[];
  colours?: string[];
}) {
  const t = useT();
  const format = useFormat();
  const max = Math.max(1, ...data.map((d) => d.value));
  const rowH = 24;
  const labelW = 150;
  const barW = 220;
  const height = data.length * rowH + 8;
  const width = labelW + barW + 60;
  return (
    <figure className="chart">
      <figcaption>{title}</figcaption>
      <svg
        width={width}
        height={height}
        // narrower than the chart (a phone), it shrinks to fit instead of widening the page
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-label={t("dashboard.components.chart.label", {
          title,
          values: data.map((d) => `${d.label} ${format.number(d.value)}`).join(", "),
        })}
      >
        {data.map((d, i) => {
          const w = Math.round((d.value / max) * barW);
          const y = i * rowH + 4;
          return (
            <g key={d.label}>
              <text x={0} y={y + 15} fontSize="12" fill="currentColor">
                {d.label}
              </text>
              <rect
                x={labelW}
                y={y + 2}
                width={Math.max(w, d.value ? 2 : 0)}
                height={rowH - 8}
                rx={3}
                fill={colours?.[i] ?? "var(--brand)"}
              />
              <text x={labelW + w + 6} y={y + 15} fontSize="12" fill="currentColor">
                {format.number(d.value)}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
