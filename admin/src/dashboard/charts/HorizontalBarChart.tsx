import { useTheme } from '@mui/material/styles';
import { ChartFrame } from './ChartFrame.tsx';
import { textWidth } from './scale.ts';

/** Room for the value at the end of a bar */
const VALUE_WIDTH = 44;

export interface RowDatum {
  key: string;
  label: string;
  value: number;
}

interface Props {
  title: string;
  rows: readonly RowDatum[];
  color?: string;
  rowHeight?: number;
  formatValue?: (value: number) => string;
}

/** A ranked list as bars: label on the left, a bar scaled to the largest value, the value at its end. */
export const HorizontalBarChart = ({
  title,
  rows,
  color,
  rowHeight = 28,
  formatValue = (v) => v.toLocaleString(),
}: Props) => {
  const theme = useTheme();
  const max = Math.max(1, ...rows.map((r) => r.value));
  return (
    <ChartFrame title={title} height={rows.length * rowHeight}>
      {(width) => {
        const labelWidth = Math.min(width * 0.45, Math.max(40, ...rows.map((r) => textWidth(r.label, 13))) + 12);
        const barSpace = Math.max(0, width - labelWidth - VALUE_WIDTH);
        return rows.map((row, i) => {
          const cy = i * rowHeight + rowHeight / 2;
          const barLength = (row.value / max) * barSpace;
          return (
            <g key={row.key} data-testid={`row-${row.key}`}>
              <text x={0} y={cy} dy="0.32em" fontSize={13} fill={theme.palette.text.primary}>
                {row.label}
              </text>
              <rect
                x={labelWidth}
                y={cy - rowHeight * 0.3}
                width={Math.max(1, barLength)}
                height={rowHeight * 0.6}
                rx={3}
                fill={color ?? theme.palette.primary.main}
                opacity={1 - i * 0.05}
              >
                <title>{`${row.label}: ${formatValue(row.value)}`}</title>
              </rect>
              <text
                x={labelWidth + barLength + 6}
                y={cy}
                dy="0.32em"
                fontSize={12}
                fontWeight={600}
                fill={theme.palette.text.secondary}
              >
                {formatValue(row.value)}
              </text>
            </g>
          );
        });
      }}
    </ChartFrame>
  );
};
