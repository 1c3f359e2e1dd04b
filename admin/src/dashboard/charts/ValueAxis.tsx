import { useTheme } from '@mui/material/styles';

interface Props {
  ticks: number[];
  /** y of a value */
  y: (value: number) => number;
  left: number;
  right: number;
  format?: (value: number) => string;
}

/** Horizontal grid lines with their values on the left. */
export const ValueAxis = ({ ticks, y, left, right, format = (v) => v.toLocaleString() }: Props) => {
  const theme = useTheme();
  return (
    <g>
      {ticks.map((tick) => (
        <g key={tick}>
          <line x1={left} x2={right} y1={y(tick)} y2={y(tick)} stroke={theme.palette.divider} />
          <text x={left - 6} y={y(tick)} dy="0.32em" textAnchor="end" fontSize={11} fill={theme.palette.text.secondary}>
            {format(tick)}
          </text>
        </g>
      ))}
    </g>
  );
};
