import type { TemplateExample } from '@backstage/plugin-scaffolder-node';

export const registerExamples: TemplateExample[] = [
  {
    description:
      'Register the task definition that ecs-tmpfs:task-definition:add-mounts wrote (account and Region from its ARN)',
    example: `steps:
  - id: register
    action: ecs-tmpfs:task-definition:register
    name: Register the new revision
    input:
      path: \${{ steps['add-tmpfs'].output.path }}
`,
  },
  {
    description:
      'Register a new task definition file in a given account and Region, refusing on warnings too',
    example: `steps:
  - id: register
    action: ecs-tmpfs:task-definition:register
    name: Register
    input:
      path: task-definition.json
      accountId: '111111111111'
      region: eu-west-1
      failOn: warning
`,
  },
];
