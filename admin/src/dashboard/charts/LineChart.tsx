import { useTheme } from '@mui/material/styles';
import { CategoryLabel } from './CategoryLabel.tsx';
import { ChartFrame } from './ChartFrame.tsx';
import { niceTicks } from './scale.ts';
import { ValueAxis } from './ValueAxis.tsx';

export interface LineSeries {
  key: string;
  label: string;
  color: string;
  values: readonly number[];
}

interface Props {
  title: string;
  /** The x axis, one label per point */
  labels: readonly string[];
  series: readonly LineSeries[];
  height?: number;
}

const MARGIN = { top: 16, right: 16, bottom: 28, left: 48 };

/** One line per series over the same points (e.g. months), dots with their values on hover. */
export const LineChart = ({ title, labels, series, height = 260 }: Props) => {
  const theme = useTheme();
  const ticks = niceTicks(Math.max(0, ...series.flatMap((s) => s.values)));
  const top = ticks[ticks.length - 1] ?? 1;
  const bottom = height - MARGIN.bottom;
  const y = (value: number) => bottom - (value / top) * (bottom - MARGIN.top);
  return (
    <ChartFrame title={title} height={height} legend={series}>
      {(width) => {
        const innerWidth = Math.max(0, width - MARGIN.left - MARGIN.right);
        const step = labels.length > 1 ? innerWidth / (labels.length - 1) : 0;
        const x = (i: number) => (labels.length > 1 ? MARGIN.left + i * step : MARGIN.left + innerWidth / 2);
        return (
          <>
            <ValueAxis ticks={ticks} y={y} left={MARGIN.left} right={width - MARGIN.right} />
            {labels.map((label, i) => (
              <CategoryLabel key={label} x={x(i)} y={bottom + 4} label={label} slanted={false} />
            ))}
            {series.map((s) => (
              <g key={s.key} data-testid={`line-${s.key}`}>
                <polyline
                  points={s.values.map((v, i) => `${x(i)},${y(v)}`).join(' ')}
                  fill="none"
                  stroke={s.color}
                  strokeWidth={2.5}
                  strokeLinejoin="round"
                />
                {s.values.map((v, i) => (
                  <circle
                    key={labels[i] ?? i}
                    cx={x(i)}
                    cy={y(v)}
                    r={4}
                    fill={theme.palette.background.paper}
                    stroke={s.color}
                    strokeWidth={2}
                  >
                    <title>{`${labels[i] ?? ''} · ${s.label}: ${v.toLocaleString()}`}</title>
                  </circle>
                ))}
              </g>
            ))}
          </>
        );
      }}
    </ChartFrame>
  );
};
