import { useTheme } from '@mui/material/styles';
import { useId } from 'react';
import { textWidth } from './scale.ts';
import { useWidth } from './use-width.ts';

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
  const id = useId();
  const [ref, width] = useWidth<HTMLDivElement>();
  const labelWidth = Math.min(width * 0.45, Math.max(40, ...rows.map((r) => textWidth(r.label, 13))) + 12);
  const valueWidth = 44;
  const barSpace = Math.max(0, width - labelWidth - valueWidth);
  const max = Math.max(1, ...rows.map((r) => r.value));
  const height = rows.length * rowHeight;
  return (
    <div ref={ref} style={{ width: '100%' }}>
      {width > 0 && (
        <svg width={width} height={height} role="img" aria-labelledby={`${id}-title`}>
          <title id={`${id}-title`}>{title}</title>
          {rows.map((row, i) => {
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
          })}
        </svg>
      )}
    </div>
  );
};
