import ChevronRightIcon from '@mui/icons-material/ChevronRight';
import ExpandMoreIcon from '@mui/icons-material/ExpandMore';
import { Box, Card, CardContent, IconButton, List, ListItemButton, ListItemText, Typography } from '@mui/material';
import { useState } from 'react';
import { useGetList, useListContext, useTranslate } from 'react-admin';
import { type Named, useLocalName } from '../common/names.tsx';

type TreeUnit = Named & { id: string; kind: string; children?: { id: string }[] };

/** The units directly below `parentId` (or the street, at the top), in the server's tree order. */
function useUnitsBelow(parentId: string | null, enabled: boolean) {
  return useGetList<TreeUnit>(
    'orgUnits',
    {
      filter: parentId === null ? { kind: 'STREET' } : { parentId, retired: false },
      // `id` leaves the order to the server: by path, i.e. the tree's own order.
      sort: { field: 'id', order: 'ASC' },
      pagination: { page: 1, perPage: 200 },
    },
    { enabled },
  );
}

const TreeNode = ({ unit, depth }: { unit: TreeUnit; depth: number }) => {
  const translate = useTranslate();
  const name = useLocalName();
  const { filterValues, displayedFilters, setFilters } = useListContext();
  // The street and its communities open by themselves; deeper levels on demand.
  const [open, setOpen] = useState(depth === 0);
  const hasChildren = (unit.children?.length ?? 0) > 0;
  const { data: children, isPending } = useUnitsBelow(unit.id, open && hasChildren);
  const selected = filterValues.parentId === unit.id;
  return (
    <>
      <ListItemButton
        dense
        selected={selected}
        sx={{ pl: 1 + depth * 2, py: 0.25 }}
        onClick={() => setFilters({ ...filterValues, parentId: unit.id }, { ...displayedFilters, parentId: true })}
        data-testid={`org-tree-${unit.id}`}
      >
        {hasChildren ? (
          <IconButton
            size="small"
            edge="start"
            aria-label={translate(open ? 'wishgrid.orgUnits.tree.collapse' : 'wishgrid.orgUnits.tree.expand')}
            onClick={(event) => {
              event.stopPropagation();
              setOpen(!open);
            }}
          >
            {open ? <ExpandMoreIcon fontSize="small" /> : <ChevronRightIcon fontSize="small" />}
          </IconButton>
        ) : (
          <Box sx={{ width: 30, flexShrink: 0 }} />
        )}
        <ListItemText
          primary={name(unit)}
          secondary={translate(`wishgrid.orgUnits.kind.${unit.kind}`)}
          slotProps={{ secondary: { variant: 'caption' } }}
          sx={{ my: 0 }}
        />
      </ListItemButton>
      {open && hasChildren && !isPending
        ? (children ?? []).map((child) => <TreeNode key={child.id} unit={child} depth={depth + 1} />)
        : null}
    </>
  );
};

/** The street → communities → compounds, grids and partners, beside the list: a click lists a unit's children. */
export const OrgUnitTree = () => {
  const translate = useTranslate();
  const { data: roots } = useUnitsBelow(null, true);
  return (
    <Card sx={{ order: -1, mr: 2, mt: 8, width: 260, flexShrink: 0, alignSelf: 'flex-start' }}>
      <CardContent sx={{ px: 1, '&:last-child': { pb: 1 } }}>
        <Typography variant="subtitle1" sx={{ px: 1 }}>
          {translate('wishgrid.orgUnits.tree.title')}
        </Typography>
        <Typography variant="caption" color="text.secondary" sx={{ px: 1, display: 'block' }}>
          {translate('wishgrid.orgUnits.tree.hint')}
        </Typography>
        <List dense disablePadding sx={{ maxHeight: '70vh', overflowY: 'auto' }}>
          {(roots ?? []).map((root) => (
            <TreeNode key={root.id} unit={root} depth={0} />
          ))}
        </List>
      </CardContent>
    </Card>
  );
};
