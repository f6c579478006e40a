import FormControlLabel from '@material-ui/core/FormControlLabel';
import FormHelperText from '@material-ui/core/FormHelperText';
import Grid from '@material-ui/core/Grid';
import MenuItem from '@material-ui/core/MenuItem';
import Switch from '@material-ui/core/Switch';
import TextField from '@material-ui/core/TextField';
import type { HeadroomStatus } from '@internal/plugin-ecs-tmpfs-common';
import { headroomStatusLabel } from '../shared/HeadroomStatusIndicator';
import { shortRef } from '../shared/format';
import type { FleetFilterState } from './fleetFilters';

/** What the switch's position means, in words, so "off" never reads as "disabled". */
function scopeText(allTeams: boolean, myTeams: string[], owners: string[]) {
  if (allTeams) return 'Showing every owner';
  const mine =
    owners.length === myTeams.length && owners.every(o => myTeams.includes(o));
  return mine
    ? `Showing your teams: ${myTeams.map(shortRef).join(', ')}`
    : 'Showing the chosen teams';
}

const STATUSES: HeadroomStatus[] = ['exhausted', 'low', 'unknown', 'ok'];
const ANY = '';

const SingleSelect = ({
  id,
  label,
  value,
  options,
  render = v => v,
  onChange,
}: {
  id: string;
  label: string;
  value?: string;
  options: string[];
  render?: (v: string) => string;
  onChange: (value: string | undefined) => void;
}) => (
  <TextField
    id={id}
    select
    fullWidth
    label={label}
    value={value ?? ANY}
    onChange={e => onChange(e.target.value || undefined)}
  >
    <MenuItem value={ANY}>Any</MenuItem>
    {options.map(option => (
      <MenuItem key={option} value={option}>
        {render(option)}
      </MenuItem>
    ))}
  </TextField>
);

export const FleetFilters = ({
  filters,
  teams,
  myTeams,
  accounts,
  regions,
  onChange,
}: {
  filters: FleetFilterState;
  teams: string[];
  myTeams: string[];
  accounts: string[];
  regions: string[];
  onChange: (filters: FleetFilterState) => void;
}) => {
  const teamOptions = Array.from(new Set([...myTeams, ...teams])).sort();
  const allTeams = filters.owners.length === 0;
  return (
    <Grid container spacing={2} alignItems="center">
      <Grid item xs={12} md={3}>
        {/* no `id`: the label must name only the visible select, not MUI's hidden input */}
        <TextField
          select
          fullWidth
          label="Team"
          value={filters.owners}
          SelectProps={{
            multiple: true,
            renderValue: selected =>
              (selected as string[]).length
                ? (selected as string[]).map(shortRef).join(', ')
                : 'All owners',
            displayEmpty: true,
            labelId: 'ecs-tmpfs-team-filter-label',
          }}
          InputLabelProps={{ shrink: true, id: 'ecs-tmpfs-team-filter-label' }}
          onChange={e =>
            onChange({
              ...filters,
              owners: e.target.value as unknown as string[],
            })
          }
        >
          {teamOptions.map(team => (
            <MenuItem key={team} value={team}>
              {shortRef(team)}
            </MenuItem>
          ))}
        </TextField>
      </Grid>
      <Grid item xs={12} md={2}>
        <FormControlLabel
          control={
            <Switch
              color="primary"
              checked={allTeams}
              onChange={(_e, checked) =>
                onChange({ ...filters, owners: checked ? [] : myTeams })
              }
              // with no team of one's own there is nothing to switch back to
              disabled={allTeams && myTeams.length === 0}
              inputProps={{ 'aria-describedby': 'ecs-tmpfs-owner-scope' }}
            />
          }
          label="All owners"
        />
        <FormHelperText id="ecs-tmpfs-owner-scope">
          {myTeams.length === 0 && allTeams
            ? 'You are in no team: showing every owner'
            : scopeText(allTeams, myTeams, filters.owners)}
        </FormHelperText>
      </Grid>
      <Grid item xs={6} md={2}>
        <SingleSelect
          id="ecs-tmpfs-status-filter"
          label="Status"
          value={filters.status}
          options={STATUSES}
          render={s => headroomStatusLabel(s as HeadroomStatus)}
          onChange={v =>
            onChange({ ...filters, status: v as HeadroomStatus | undefined })
          }
        />
      </Grid>
      <Grid item xs={6} md={2}>
        <SingleSelect
          id="ecs-tmpfs-account-filter"
          label="Account"
          value={filters.accountId}
          options={accounts}
          onChange={v => onChange({ ...filters, accountId: v })}
        />
      </Grid>
      <Grid item xs={6} md={1}>
        <SingleSelect
          id="ecs-tmpfs-region-filter"
          label="Region"
          value={filters.region}
          options={regions}
          onChange={v => onChange({ ...filters, region: v })}
        />
      </Grid>
      <Grid item xs={6} md={2}>
        <TextField
          id="ecs-tmpfs-search"
          fullWidth
          label="Search"
          placeholder="service or cluster"
          value={filters.search ?? ''}
          onChange={e => onChange({ ...filters, search: e.target.value })}
        />
      </Grid>
    </Grid>
  );
};
