import { useTheme } from '@mui/material/styles';
import { useId } from 'react';
import { CategoryLabel } from './CategoryLabel.tsx';
import { categoryLabelLayout, niceTicks } from './scale.ts';
import { useWidth } from './use-width.ts';
import { ValueAxis } from './ValueAxis.tsx';

export interface BarDatum {
  key: string;
  label: string;
  value: number;
  color?: string;
}

interface Props {
  /** Read by screen readers (the SVG's <title>) */
  title: string;
  data: readonly BarDatum[];
  height?: number;
  formatValue?: (value: number) => string;
}

const MARGIN = { top: 20, right: 8, left: 40 };

/** Vertical bars, one per category, each with its value on top. */
export const BarChart = ({ title, data, height = 240, formatValue = (v) => v.toLocaleString() }: Props) => {
  const theme = useTheme();
  const id = useId();
  const [ref, width] = useWidth<HTMLDivElement>();
  const ticks = niceTicks(Math.max(0, ...data.map((d) => d.value)));
  const top = ticks[ticks.length - 1] ?? 1;
  const innerWidth = Math.max(0, width - MARGIN.left - MARGIN.right);
  const band = data.length > 0 ? innerWidth / data.length : 0;
  const labels = categoryLabelLayout(
    data.map((d) => d.label),
    band,
    12,
  );
  const bottom = height - labels.height;
  const y = (value: number) => bottom - (value / top) * (bottom - MARGIN.top);
  const barWidth = Math.min(56, band * 0.62);
  return (
    <div ref={ref} style={{ width: '100%' }}>
      {width > 0 && (
        <svg width={width} height={height} role="img" aria-labelledby={`${id}-title`}>
          <title id={`${id}-title`}>{title}</title>
          <ValueAxis ticks={ticks} y={y} left={MARGIN.left} right={width - MARGIN.right} format={formatValue} />
          {data.map((d, i) => {
            const cx = MARGIN.left + band * (i + 0.5);
            return (
              <g key={d.key} data-testid={`bar-${d.key}`} data-value={d.value}>
                <rect
                  x={cx - barWidth / 2}
                  y={y(d.value)}
                  width={barWidth}
                  height={Math.max(0, bottom - y(d.value))}
                  rx={3}
                  fill={d.color ?? theme.palette.primary.main}
                >
                  <title>{`${d.label}: ${formatValue(d.value)}`}</title>
                </rect>
                <text
                  x={cx}
                  y={y(d.value) - 5}
                  textAnchor="middle"
                  fontSize={12}
                  fontWeight={600}
                  fill={theme.palette.text.primary}
                >
                  {formatValue(d.value)}
                </text>
                <CategoryLabel x={cx} y={bottom + 4} label={d.label} slanted={labels.slanted} />
              </g>
            );
          })}
        </svg>
      )}
    </div>
  );
};
