import {
  StatusError,
  StatusOK,
  StatusPending,
  StatusWarning,
} from '@backstage/core-components';
import type { HeadroomStatus } from '@internal/plugin-ecs-tmpfs-common';

const LABELS: Record<HeadroomStatus, string> = {
  ok: 'OK',
  low: 'Low',
  exhausted: 'Exhausted',
  unknown: 'Unknown',
};

export function headroomStatusLabel(status: HeadroomStatus): string {
  return LABELS[status];
}

export const HeadroomStatusIndicator = ({
  status,
}: {
  status: HeadroomStatus;
}) => {
  const label = LABELS[status];
  switch (status) {
    case 'ok':
      return <StatusOK>{label}</StatusOK>;
    case 'low':
      return <StatusWarning>{label}</StatusWarning>;
    case 'exhausted':
      return <StatusError>{label}</StatusError>;
    default:
      return <StatusPending>{label}</StatusPending>;
  }
};
