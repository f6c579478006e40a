import { Table, type TableColumn } from '@backstage/core-components';
import type { Finding } from '@internal/plugin-ecs-tmpfs-common';
import { SeverityChip } from './SeverityChip';

const columns: TableColumn<Finding>[] = [
  {
    title: 'Severity',
    field: 'severity',
    render: finding => <SeverityChip severity={finding.severity} />,
  },
  { title: 'Rule', field: 'ruleId' },
  { title: 'Container', field: 'container', emptyValue: '—' },
  { title: 'Message', field: 'message' },
  { title: 'Fix', field: 'fix' },
];

export const FindingsTable = ({
  findings,
  title = 'Findings',
}: {
  findings: Finding[];
  title?: string;
}) => (
  <Table<Finding>
    title={title}
    columns={columns}
    data={findings}
    options={{
      paging: findings.length > 10,
      pageSize: 10,
      search: false,
      padding: 'dense',
    }}
    emptyContent={<div style={{ padding: 16 }}>No findings.</div>}
  />
);
