import { useTheme } from '@mui/material/styles';
import { CategoryLabel } from './CategoryLabel.tsx';
import { ChartFrame } from './ChartFrame.tsx';
import { bandLayout } from './scale.ts';
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
  return (
    <ChartFrame title={title} height={height}>
      {(width) => {
        const { ticks, band, bottom, slanted, center, y } = bandLayout(
          data.map((d) => d.label),
          Math.max(0, ...data.map((d) => d.value)),
          { width, height },
          MARGIN,
        );
        const barWidth = Math.min(56, band * 0.62);
        return (
          <>
            <ValueAxis ticks={ticks} y={y} left={MARGIN.left} right={width - MARGIN.right} format={formatValue} />
            {data.map((d, i) => (
              <g key={d.key} data-testid={`bar-${d.key}`} data-value={d.value}>
                <rect
                  x={center(i) - barWidth / 2}
                  y={y(d.value)}
                  width={barWidth}
                  height={Math.max(0, bottom - y(d.value))}
                  rx={3}
                  fill={d.color ?? theme.palette.primary.main}
                >
                  <title>{`${d.label}: ${formatValue(d.value)}`}</title>
                </rect>
                <text
                  x={center(i)}
                  y={y(d.value) - 5}
                  textAnchor="middle"
                  fontSize={12}
                  fontWeight={600}
                  fill={theme.palette.text.primary}
                >
                  {formatValue(d.value)}
                </text>
                <CategoryLabel x={center(i)} y={bottom + 4} label={d.label} slanted={slanted} />
              </g>
            ))}
          </>
        );
      }}
    </ChartFrame>
  );
};
