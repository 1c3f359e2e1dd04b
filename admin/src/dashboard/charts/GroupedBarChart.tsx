import { Stack } from '@mui/material';
import { useTheme } from '@mui/material/styles';
import { useId } from 'react';
import { CategoryLabel } from './CategoryLabel.tsx';
import { Legend, type LegendItem } from './Legend.tsx';
import { categoryLabelLayout, niceTicks } from './scale.ts';
import { useWidth } from './use-width.ts';
import { ValueAxis } from './ValueAxis.tsx';

interface Props {
  title: string;
  categories: readonly { key: string; label: string }[];
  series: readonly LegendItem[];
  /** values[category][series] */
  values: readonly (readonly number[])[];
  height?: number;
}

const MARGIN = { top: 18, right: 8, left: 40 };

/** Side-by-side bars: for each category, one bar per series. */
export const GroupedBarChart = ({ title, categories, series, values, height = 260 }: Props) => {
  const theme = useTheme();
  const id = useId();
  const [ref, width] = useWidth<HTMLDivElement>();
  const ticks = niceTicks(Math.max(0, ...values.flat()));
  const top = ticks[ticks.length - 1] ?? 1;
  const innerWidth = Math.max(0, width - MARGIN.left - MARGIN.right);
  const band = categories.length > 0 ? innerWidth / categories.length : 0;
  const labels = categoryLabelLayout(
    categories.map((c) => c.label),
    band,
    12,
  );
  const bottom = height - labels.height;
  const y = (value: number) => bottom - (value / top) * (bottom - MARGIN.top);
  const groupWidth = Math.min(band * 0.8, series.length * 30);
  const barWidth = series.length > 0 ? groupWidth / series.length : 0;
  return (
    <Stack spacing={1}>
      <Legend items={series} />
      <div ref={ref} style={{ width: '100%' }}>
        {width > 0 && (
          <svg width={width} height={height} role="img" aria-labelledby={`${id}-title`}>
            <title id={`${id}-title`}>{title}</title>
            <ValueAxis ticks={ticks} y={y} left={MARGIN.left} right={width - MARGIN.right} />
            {categories.map((category, i) => {
              const cx = MARGIN.left + band * (i + 0.5);
              return (
                <g key={category.key} data-testid={`group-${category.key}`}>
                  {series.map((s, j) => {
                    const value = values[i]?.[j] ?? 0;
                    const x = cx - groupWidth / 2 + j * barWidth;
                    return (
                      <g key={s.key}>
                        <rect
                          x={x + 1}
                          y={y(value)}
                          width={Math.max(0, barWidth - 2)}
                          height={Math.max(0, bottom - y(value))}
                          rx={2}
                          fill={s.color}
                        >
                          <title>{`${category.label} · ${s.label}: ${value.toLocaleString()}`}</title>
                        </rect>
                        {barWidth >= 16 && (
                          <text
                            x={x + barWidth / 2}
                            y={y(value) - 4}
                            textAnchor="middle"
                            fontSize={10}
                            fill={theme.palette.text.secondary}
                          >
                            {value}
                          </text>
                        )}
                      </g>
                    );
                  })}
                  <CategoryLabel x={cx} y={bottom + 4} label={category.label} slanted={labels.slanted} />
                </g>
              );
            })}
          </svg>
        )}
      </div>
    </Stack>
  );
};
