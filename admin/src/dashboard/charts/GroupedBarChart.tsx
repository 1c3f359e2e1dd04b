import { useTheme } from '@mui/material/styles';
import { CategoryLabel } from './CategoryLabel.tsx';
import { ChartFrame } from './ChartFrame.tsx';
import type { LegendItem } from './Legend.tsx';
import { bandLayout } from './scale.ts';
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
  return (
    <ChartFrame title={title} height={height} legend={series}>
      {(width) => {
        const { ticks, band, bottom, slanted, center, y } = bandLayout(
          categories.map((c) => c.label),
          Math.max(0, ...values.flat()),
          { width, height },
          MARGIN,
        );
        const groupWidth = Math.min(band * 0.8, series.length * 30);
        const barWidth = series.length > 0 ? groupWidth / series.length : 0;
        return (
          <>
            <ValueAxis ticks={ticks} y={y} left={MARGIN.left} right={width - MARGIN.right} />
            {categories.map((category, i) => (
              <g key={category.key} data-testid={`group-${category.key}`}>
                {series.map((s, j) => {
                  const value = values[i]?.[j] ?? 0;
                  const x = center(i) - groupWidth / 2 + j * barWidth;
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
                <CategoryLabel x={center(i)} y={bottom + 4} label={category.label} slanted={slanted} />
              </g>
            ))}
          </>
        );
      }}
    </ChartFrame>
  );
};
