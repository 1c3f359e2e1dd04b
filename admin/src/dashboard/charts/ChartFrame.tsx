import { Stack } from '@mui/material';
import { type ReactNode, useId } from 'react';
import { Legend, type LegendItem } from './Legend.tsx';
import { useWidth } from './use-width.ts';

/**
 * A chart's SVG at the width of its container (crisp text, no scaling), titled for screen readers, with
 * its series' legend above when it has one. `children` draws the chart for the width.
 */
export const ChartFrame = ({
  title,
  height,
  legend,
  children,
}: {
  /** Read by screen readers (the SVG's <title>) */
  title: string;
  height: number;
  legend?: readonly LegendItem[];
  children: (width: number) => ReactNode;
}) => {
  const id = useId();
  const [ref, width] = useWidth<HTMLDivElement>();
  const chart = (
    <div ref={ref} style={{ width: '100%' }}>
      {width > 0 && (
        <svg width={width} height={height} role="img" aria-labelledby={`${id}-title`}>
          <title id={`${id}-title`}>{title}</title>
          {children(width)}
        </svg>
      )}
    </div>
  );
  if (!legend) return chart;
  return (
    <Stack spacing={1}>
      <Legend items={legend} />
      {chart}
    </Stack>
  );
};
