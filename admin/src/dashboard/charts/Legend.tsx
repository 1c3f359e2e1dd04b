import { Box } from '@mui/material';

export interface LegendItem {
  key: string;
  label: string;
  color: string;
}

/** The series of a chart, as coloured swatches (text, so screen readers and translations get them). */
export const Legend = ({ items }: { items: readonly LegendItem[] }) => (
  <Box
    component="ul"
    sx={{ display: 'flex', flexWrap: 'wrap', gap: 2, listStyle: 'none', m: 0, p: 0, typography: 'caption' }}
  >
    {items.map((item) => (
      <Box component="li" key={item.key} sx={{ display: 'flex', alignItems: 'center', gap: 0.75 }}>
        <Box component="span" sx={{ width: 12, height: 12, borderRadius: '2px', bgcolor: item.color }} />
        {item.label}
      </Box>
    ))}
  </Box>
);
