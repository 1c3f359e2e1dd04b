import HowToRegIcon from '@mui/icons-material/HowToReg';
import {
  Autocomplete,
  Box,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import { useLocaleState, useRecordContext, useTranslate } from 'react-admin';
import { useApiAction } from '../common/api-action.ts';
import { personHint } from '../pointEntries/PersonInput.tsx';
import { type PersonOption, useDebounced, usePeople } from '../pointEntries/person-search.ts';
import type { ActivityRecord } from './activity-statuses.ts';

const CHECK_IN = `mutation CheckInToActivity($input: CheckInToActivityInput!) {
  checkInToActivity(input: $input) { activity { id checkedInCount signedUpCount placesLeft } }
}`;

type Option = { id: string; displayName: string; hint: string; group: 'signedUp' | 'others' };

/**
 * Records that a person attended. Those who signed up and are not checked in yet are offered first; anyone
 * else the viewer may see can be found by name and comes as a walk-in. Hours default to the activity's length.
 */
export const CheckInButton = () => {
  const record = useRecordContext<ActivityRecord>();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const { run, pending } = useApiAction();
  const [open, setOpen] = useState(false);
  const [person, setPerson] = useState<Option | null>(null);
  const [hours, setHours] = useState('');
  const [text, setText] = useState('');
  const q = useDebounced(text.trim());
  const found = usePeople({ q }, open && q.length > 0);
  if (!record) return null;

  const waiting: Option[] = (record.signUps ?? [])
    .filter((s) => s.status === 'SIGNED_UP' && !s.checkedIn)
    .map((s) => ({ id: s.person.id, displayName: s.person.displayName, hint: '', group: 'signedUp' }));
  const checkedIn = new Set((record.checkIns ?? []).map((c) => c.person.id));
  const waitingIds = new Set(waiting.map((o) => o.id));
  const needle = q.toLowerCase();
  const options: Option[] = [
    ...waiting.filter((o) => needle === '' || o.displayName.toLowerCase().includes(needle)),
    ...found
      .filter((p: PersonOption) => !waitingIds.has(p.id) && !checkedIn.has(p.id))
      .map((p): Option => ({ id: p.id, displayName: p.displayName, hint: personHint(p, locale), group: 'others' })),
  ];
  const hoursValue = hours.trim() === '' ? null : Number(hours);
  const hoursInvalid = hoursValue !== null && !(hoursValue > 0 && hoursValue <= 24);

  const close = () => {
    setOpen(false);
    setPerson(null);
    setHours('');
    setText('');
  };
  const submit = async () => {
    if (!person || hoursInvalid) return;
    const ok = await run(
      CHECK_IN,
      { input: { activityId: record.id, personId: person.id, ...(hoursValue !== null ? { hours: hoursValue } : {}) } },
      { success: 'wishgrid.activities.checkInDialog.done' },
    );
    if (ok) close();
  };

  return (
    <>
      <Button variant="contained" startIcon={<HowToRegIcon />} onClick={() => setOpen(true)} data-testid="check-in">
        {translate('wishgrid.activities.action.checkIn')}
      </Button>
      <Dialog open={open} onClose={close} fullWidth maxWidth="sm">
        <DialogTitle>{translate('wishgrid.activities.checkInDialog.title')}</DialogTitle>
        <DialogContent>
          <Stack sx={{ gap: 2, pt: 1 }}>
            <Autocomplete<Option>
              options={options}
              value={person}
              onChange={(_e, option) => setPerson(option)}
              inputValue={text}
              onInputChange={(_e, next) => setText(next)}
              filterOptions={(all) => all}
              groupBy={(o) => translate(`wishgrid.activities.checkInDialog.${o.group}`)}
              getOptionLabel={(o) => o.displayName}
              isOptionEqualToValue={(a, b) => a.id === b.id}
              noOptionsText={translate('wishgrid.activities.checkInDialog.noOptions')}
              renderOption={(props, o) => {
                const { key, ...rest } = props as typeof props & { key: string };
                return (
                  <Box component="li" key={key} {...rest}>
                    <Box>
                      <Typography variant="body2">{o.displayName}</Typography>
                      {o.hint && (
                        <Typography variant="caption" color="textSecondary">
                          {o.hint}
                        </Typography>
                      )}
                    </Box>
                  </Box>
                );
              }}
              renderInput={(params) => (
                <TextField
                  {...params}
                  autoFocus
                  label={translate('wishgrid.activities.checkInDialog.person')}
                  helperText={translate('wishgrid.activities.checkInDialog.personHelp')}
                  slotProps={{
                    ...params.slotProps,
                    htmlInput: { ...params.slotProps.htmlInput, 'data-testid': 'check-in-person' },
                  }}
                />
              )}
            />
            <TextField
              type="number"
              label={translate('wishgrid.activities.checkInDialog.hours')}
              value={hours}
              onChange={(e) => setHours(e.target.value)}
              error={hoursInvalid}
              helperText={translate('wishgrid.activities.checkInDialog.hoursHelp')}
              slotProps={{ htmlInput: { min: 0.25, max: 24, step: 0.25, 'data-testid': 'check-in-hours' } }}
            />
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={close}>{translate('ra.action.cancel')}</Button>
          <Button
            variant="contained"
            onClick={submit}
            disabled={!person || hoursInvalid || pending}
            data-testid="check-in-submit"
          >
            {translate('ra.action.confirm')}
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
};
