import { useTheme } from '@mui/material/styles';

interface Props {
  x: number;
  y: number;
  label: string;
  slanted: boolean;
}

/** A category's name under its bar(s), slanted when names are too wide for their bands. */
export const CategoryLabel = ({ x, y, label, slanted }: Props) => {
  const theme = useTheme();
  return (
    <text
      x={x}
      y={y}
      dy="0.9em"
      fontSize={12}
      fill={theme.palette.text.secondary}
      textAnchor={slanted ? 'end' : 'middle'}
      transform={slanted ? `rotate(-35 ${x} ${y})` : undefined}
    >
      {label}
    </text>
  );
};
