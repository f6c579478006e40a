import type {
  FleetQuery,
  FleetSortField,
  HeadroomStatus,
} from '@internal/plugin-ecs-tmpfs-common';

export interface FleetFilterState {
  /** empty = every team */
  owners: string[];
  status?: HeadroomStatus;
  accountId?: string;
  region?: string;
  search?: string;
}

export interface FleetViewState {
  sort: FleetSortField;
  order: 'asc' | 'desc';
  page: number;
  pageSize: number;
}

export function toFleetQuery(
  filters: FleetFilterState,
  view?: FleetViewState,
): FleetQuery {
  return {
    owner: filters.owners.length ? filters.owners : undefined,
    status: filters.status ? [filters.status] : undefined,
    accountId: filters.accountId ? [filters.accountId] : undefined,
    region: filters.region ? [filters.region] : undefined,
    search: filters.search || undefined,
    ...(view && {
      sort: view.sort,
      order: view.order,
      offset: view.page * view.pageSize,
      limit: view.pageSize,
    }),
  };
}
