import { Link } from '@backstage/core-components';
import LinearProgress from '@material-ui/core/LinearProgress';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TablePagination from '@material-ui/core/TablePagination';
import TableRow from '@material-ui/core/TableRow';
import TableSortLabel from '@material-ui/core/TableSortLabel';
import { makeStyles } from '@material-ui/core/styles';
import type {
  FleetRow,
  FleetSortField,
} from '@internal/plugin-ecs-tmpfs-common';
import { HeadroomStatusIndicator } from '../shared/HeadroomStatusIndicator';
import {
  UNKNOWN_HEADROOM_TEXT,
  formatMiB,
  formatPercent,
  shortRef,
} from '../shared/format';
import type { FleetViewState } from './fleetFilters';

interface Column {
  title: string;
  sort?: FleetSortField;
  /** share of the table's width; the service column takes what is left */
  width?: string;
  /** short values that must stay on one line ("Exhausted", "1,024 MiB") */
  nowrap?: boolean;
  align?: 'right';
  render: (row: FleetRow) => React.ReactNode;
}

const useStyles = makeStyles({
  table: { tableLayout: 'auto' },
  nowrap: { whiteSpace: 'nowrap' },
});

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

function entityPath(entityRef: string): string | undefined {
  const match = /^([^:]+):([^/]+)\/(.+)$/.exec(entityRef);
  return match
    ? `/catalog/${match[2]}/${match[1].toLowerCase()}/${match[3]}/ecs-tmpfs`
    : undefined;
}

const COLUMNS: Column[] = [
  {
    title: 'Service',
    sort: 'serviceName',
    render: row => {
      const path = row.entityRef ? entityPath(row.entityRef) : undefined;
      return (
        <>
          {path ? <Link to={path}>{row.serviceName}</Link> : row.serviceName}
          <div>
            <small>
              {row.clusterName} · {row.accountId} · {row.region} ·{' '}
              {row.launchType}
            </small>
          </div>
        </>
      );
    },
  },
  {
    title: 'Owner',
    sort: 'owner',
    width: '12%',
    nowrap: true,
    render: row =>
      row.owner
        ? `${shortRef(row.owner)}${row.ownerSource === 'tag' ? ' (tag)' : ''}`
        : '—',
  },
  {
    title: 'Headroom',
    sort: 'headroomMiB',
    width: '15%',
    nowrap: true,
    render: row =>
      row.headroomMiB === undefined
        ? UNKNOWN_HEADROOM_TEXT
        : `${formatMiB(row.headroomMiB)} (${formatPercent(row.headroomRatio)})`,
  },
  {
    title: 'Status',
    sort: 'status',
    width: '11%',
    nowrap: true,
    render: row => <HeadroomStatusIndicator status={row.status} />,
  },
  {
    title: 'tmpfs total',
    sort: 'tmpfsTotalMiB',
    width: '9%',
    nowrap: true,
    align: 'right',
    render: row => formatMiB(row.tmpfsTotalMiB),
  },
  {
    title: 'Findings',
    sort: 'findings',
    width: '20%',
    render: row =>
      [
        plural(row.findingCounts.error, 'error', 'errors'),
        plural(row.findingCounts.warning, 'warning', 'warnings'),
        `${row.findingCounts.info} info`,
      ].join(' · '),
  },
];

export const FleetTable = ({
  rows,
  totalCount,
  loading,
  view,
  onViewChange,
}: {
  rows: FleetRow[];
  totalCount: number;
  loading: boolean;
  view: FleetViewState;
  onViewChange: (view: FleetViewState) => void;
}) => {
  const classes = useStyles();
  const cellProps = (column: Column) => ({
    align: column.align,
    className: column.nowrap ? classes.nowrap : undefined,
  });
  return (
    <>
      {loading && <LinearProgress aria-label="Loading services" />}
      <Table
        size="small"
        aria-label="ECS services headroom"
        className={classes.table}
      >
        <TableHead>
          <TableRow>
            {COLUMNS.map(column => (
              <TableCell
                key={column.title}
                {...cellProps(column)}
                // headers never wrap: "Owner" split as "Own er" reads as two words
                className={classes.nowrap}
                style={{ width: column.width }}
                sortDirection={view.sort === column.sort ? view.order : false}
              >
                {column.sort ? (
                  <TableSortLabel
                    active={view.sort === column.sort}
                    direction={view.sort === column.sort ? view.order : 'asc'}
                    onClick={() =>
                      onViewChange({
                        ...view,
                        page: 0,
                        sort: column.sort!,
                        order:
                          view.sort === column.sort && view.order === 'asc'
                            ? 'desc'
                            : 'asc',
                      })
                    }
                  >
                    {column.title}
                  </TableSortLabel>
                ) : (
                  column.title
                )}
              </TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.length === 0 && !loading && (
            <TableRow>
              <TableCell colSpan={COLUMNS.length}>
                No services match these filters.
              </TableCell>
            </TableRow>
          )}
          {rows.map(row => (
            <TableRow key={row.serviceArn}>
              {COLUMNS.map(column => (
                <TableCell key={column.title} {...cellProps(column)}>
                  {column.render(row)}
                </TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <TablePagination
        component="div"
        count={totalCount}
        page={view.page}
        rowsPerPage={view.pageSize}
        rowsPerPageOptions={[25, 50, 100]}
        onPageChange={(_e, page) => onViewChange({ ...view, page })}
        onRowsPerPageChange={e =>
          onViewChange({ ...view, page: 0, pageSize: Number(e.target.value) })
        }
      />
    </>
  );
};
