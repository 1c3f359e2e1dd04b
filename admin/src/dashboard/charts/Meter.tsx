import { useTheme } from '@mui/material/styles';

interface Props {
  /** 0–1; null draws an empty track */
  value: number | null;
  label: string;
  color: string;
  height?: number;
}

/** A thin bar showing a share (a rating out of five, a proportion); `label` says the figure in words. */
export const Meter = ({ value, label, color, height = 8 }: Props) => {
  const theme = useTheme();
  const fraction = value === null ? 0 : Math.max(0, Math.min(1, value));
  return (
    <svg
      width="100%"
      height={height}
      role="img"
      aria-label={label}
      preserveAspectRatio="none"
      viewBox={`0 0 100 ${height}`}
    >
      <rect x={0} y={0} width={100} height={height} rx={1} ry={height / 2} fill={theme.palette.action.hover} />
      <rect x={0} y={0} width={fraction * 100} height={height} rx={1} ry={height / 2} fill={color} />
    </svg>
  );
};
