import { InfoCard, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Grid from '@material-ui/core/Grid';
import { useMemo, useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import useDebounce from 'react-use/esm/useDebounce';
import { ecsTmpfsApiRef } from '../../api/EcsTmpfsApi';
import { CsvExportButton } from './CsvExportButton';
import { FleetFilters } from './FleetFilters';
import { FleetTable } from './FleetTable';
import { SyncStatusPanel } from './SyncStatusPanel';
import { TeamRollup } from './TeamRollup';
import {
  toFleetQuery,
  type FleetFilterState,
  type FleetViewState,
} from './fleetFilters';
import { useMyTeams } from './useMyTeams';
import { ApiErrorPanel } from '../shared/ApiErrorPanel';

const SEARCH_DEBOUNCE_MS = 300;

const Dashboard = ({ myTeams }: { myTeams: string[] }) => {
  const api = useApi(ecsTmpfsApiRef);
  const [filters, setFilters] = useState<FleetFilterState>({
    owners: myTeams,
  });
  const [search, setSearch] = useState<string | undefined>();
  const [view, setView] = useState<FleetViewState>({
    sort: 'headroomRatio',
    order: 'asc',
    page: 0,
    pageSize: 25,
  });
  useDebounce(() => setSearch(filters.search), SEARCH_DEBOUNCE_MS, [
    filters.search,
  ]);

  const filterQuery = useMemo(
    () => toFleetQuery({ ...filters, search }),
    [filters, search],
  );
  const fleet = useAsync(
    () => api.getFleet(toFleetQuery({ ...filters, search }, view)),
    [api, filterQuery, view],
  );
  // every team and every target, unfiltered, to offer as filter choices
  const allTeams = useAsync(
    async () => (await api.getFleet({ limit: 1 })).teams.map(t => t.owner),
    [api],
  );
  const sync = useAsyncRetry(() => api.getSyncStatus(), [api]);
  const targets = sync.value?.targets ?? [];
  const accounts = Array.from(new Set(targets.map(t => t.accountId))).sort();
  const regions = Array.from(new Set(targets.map(t => t.region))).sort();

  const changeFilters = (next: FleetFilterState) => {
    setFilters(next);
    setView(v => ({ ...v, page: 0 }));
  };

  return (
    <Grid container spacing={3}>
      <Grid item xs={12}>
        <SyncStatusPanel
          status={sync.value}
          loading={sync.loading}
          error={sync.error}
          onRefresh={sync.retry}
        />
      </Grid>
      <Grid item xs={12}>
        <InfoCard
          title="Services"
          action={<CsvExportButton query={filterQuery} />}
        >
          <FleetFilters
            filters={filters}
            teams={allTeams.value ?? []}
            myTeams={myTeams}
            accounts={accounts}
            regions={regions}
            onChange={changeFilters}
          />
          {fleet.error ? (
            <ApiErrorPanel error={fleet.error} />
          ) : (
            <FleetTable
              rows={fleet.value?.items ?? []}
              totalCount={fleet.value?.totalCount ?? 0}
              loading={fleet.loading}
              view={view}
              onViewChange={setView}
            />
          )}
        </InfoCard>
      </Grid>
      <Grid item xs={12}>
        <InfoCard title="Per-team roll-up">
          {fleet.value && <TeamRollup teams={fleet.value.teams} />}
          {!fleet.value && fleet.loading && <Progress />}
          {fleet.error && <p>Unavailable: the services could not be loaded.</p>}
        </InfoCard>
      </Grid>
    </Grid>
  );
};

/** The headroom dashboard, filtered to the signed-in user's teams at first. */
export const HeadroomDashboard = () => {
  const myTeams = useMyTeams();
  if (myTeams.loading) return <Progress />;
  if (myTeams.error) return <ApiErrorPanel error={myTeams.error} />;
  return <Dashboard myTeams={myTeams.value ?? []} />;
};
