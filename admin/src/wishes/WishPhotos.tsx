/**
 * The photos of a wish on its page: those of the listing (SUBMITTED) and of the work done (RESOLVED), as
 * thumbnails; one opens in a viewer (previous / next with the buttons or the arrow keys, Esc closes). The URLs are
 * signed and expire: they come fresh with every read of the wish.
 */
import ChevronLeftIcon from '@mui/icons-material/ChevronLeft';
import ChevronRightIcon from '@mui/icons-material/ChevronRight';
import CloseIcon from '@mui/icons-material/Close';
import { Box, ButtonBase, Dialog, DialogContent, IconButton, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import { useRecordContext, useTranslate } from 'react-admin';
import type { WishDetailFragment } from '../gql/graphql.ts';

type Photo = WishDetailFragment['photos'][number];

const STAGES = ['SUBMITTED', 'RESOLVED'] as const;

export const WishPhotos = () => {
  const record = useRecordContext<Partial<Pick<WishDetailFragment, 'photos'>>>();
  const translate = useTranslate();
  const photos = record?.photos ?? [];
  const [open, setOpen] = useState<number | null>(null);
  if (photos.length === 0) {
    return <Typography color="text.secondary">{translate('wishgrid.wishes.noPhotos')}</Typography>;
  }
  return (
    <Stack spacing={1.5}>
      {STAGES.map((stage) => {
        const ofStage = photos.filter((p) => p.stage === stage);
        if (ofStage.length === 0) return null;
        return (
          <Box key={stage} data-testid={`wish-photos-${stage}`}>
            <Typography variant="subtitle2" gutterBottom>
              {translate(`wishgrid.wishes.photos${stage}`)}
            </Typography>
            <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 1 }}>
              {ofStage.map((photo) => (
                <ButtonBase
                  key={photo.id}
                  onClick={() => setOpen(photos.indexOf(photo))}
                  aria-label={translate('wishgrid.wishes.openPhoto', {
                    n: photos.indexOf(photo) + 1,
                    total: photos.length,
                  })}
                  sx={{ borderRadius: 1, overflow: 'hidden', border: 1, borderColor: 'divider' }}
                >
                  <Box
                    component="img"
                    src={photo.thumbnailUrl}
                    alt=""
                    loading="lazy"
                    sx={{ width: 96, height: 96, objectFit: 'cover', display: 'block' }}
                  />
                </ButtonBase>
              ))}
            </Stack>
          </Box>
        );
      })}
      {open !== null && photos[open] ? (
        <PhotoViewer photos={photos} index={open} onIndex={setOpen} onClose={() => setOpen(null)} />
      ) : null}
    </Stack>
  );
};

const PhotoViewer = ({
  photos,
  index,
  onIndex,
  onClose,
}: {
  photos: readonly Photo[];
  index: number;
  onIndex: (index: number) => void;
  onClose: () => void;
}) => {
  const translate = useTranslate();
  const photo = photos[index] as Photo;
  const go = (step: number) => onIndex((index + step + photos.length) % photos.length);
  const several = photos.length > 1;
  return (
    <Dialog
      open
      onClose={onClose}
      maxWidth="lg"
      fullWidth
      aria-label={translate('wishgrid.wishes.photoViewer', { n: index + 1, total: photos.length })}
      onKeyDown={(event) => {
        if (event.key === 'ArrowLeft' && several) go(-1);
        if (event.key === 'ArrowRight' && several) go(1);
      }}
    >
      <Stack direction="row" sx={{ alignItems: 'center', justifyContent: 'space-between', px: 2, pt: 1 }}>
        <Typography variant="body2">
          {translate(`wishgrid.wishes.photos${photo.stage ?? 'SUBMITTED'}`)} · {index + 1} / {photos.length}
        </Typography>
        <IconButton onClick={onClose} aria-label={translate('ra.action.close')}>
          <CloseIcon />
        </IconButton>
      </Stack>
      <DialogContent sx={{ display: 'flex', alignItems: 'center', gap: 1, p: 1 }}>
        {several ? (
          <IconButton onClick={() => go(-1)} aria-label={translate('wishgrid.wishes.previousPhoto')}>
            <ChevronLeftIcon />
          </IconButton>
        ) : null}
        <Box
          component="img"
          src={photo.url}
          alt={translate('wishgrid.wishes.photoViewer', { n: index + 1, total: photos.length })}
          data-testid="photo-viewer-image"
          sx={{ flex: 1, minWidth: 0, maxHeight: '75vh', objectFit: 'contain' }}
        />
        {several ? (
          <IconButton onClick={() => go(1)} aria-label={translate('wishgrid.wishes.nextPhoto')}>
            <ChevronRightIcon />
          </IconButton>
        ) : null}
      </DialogContent>
    </Dialog>
  );
};
