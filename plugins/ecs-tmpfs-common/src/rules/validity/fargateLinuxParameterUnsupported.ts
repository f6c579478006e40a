import { containerJsonPath, isFargate } from '../../model/containers';
import { describeValue } from '../../model/json';
import { containerFinding } from '../helpers';
import type { Rule } from '../types';

const FARGATE_REJECTED = [
  'sharedMemorySize',
  'devices',
  'maxSwap',
  'swappiness',
];

export const fargateLinuxParameterUnsupported: Rule = {
  id: 'fargate-linux-parameter-unsupported',
  severity: 'error',
  category: 'validity',
  description:
    'Fargate rejects linuxParameters.sharedMemorySize, devices, maxSwap and swappiness.',
  check: ({ td }) =>
    isFargate(td)
      ? td.containers.flatMap(c =>
          FARGATE_REJECTED.filter(
            key =>
              c.linuxParameters?.[key] !== undefined &&
              c.linuxParameters?.[key] !== null,
          ).map(key =>
            containerFinding(
              c,
              `${containerJsonPath(c)}.linuxParameters.${key}`,
              `linuxParameters.${key} = ${describeValue(
                c.linuxParameters?.[key],
              )} in container "${c.name}" is not supported on Fargate`,
              key === 'sharedMemorySize'
                ? 'Remove sharedMemorySize; for /dev/shm on Fargate add a tmpfs at "/dev/shm" instead.'
                : `Remove linuxParameters.${key}, or drop FARGATE from requiresCompatibilities.`,
            ),
          ),
        )
      : [],
};
