import type { TemplateExample } from '@backstage/plugin-scaffolder-node';

export const addMountsExamples: TemplateExample[] = [
  {
    description:
      'Add the mounts of a stored tmpfs template to a task definition file in the workspace',
    example: `steps:
  - id: add-tmpfs
    action: ecs-tmpfs:task-definition:add-mounts
    name: Add secure tmpfs mounts
    input:
      path: task-definition.json
      template: secure-tmp
      readonlyRootFilesystem: true
`,
  },
  {
    description:
      "Start from a service's running task definition, with its latest observed memory peak, and write the new one to the workspace",
    example: `steps:
  - id: add-tmpfs
    action: ecs-tmpfs:task-definition:add-mounts
    name: Preview and add the mount
    input:
      serviceArn: arn:aws:ecs:us-east-1:111111111111:service/prod/payments-api
      outputPath: task-definition.json
      template: secrets
      containers: [payments-api]
`,
  },
  {
    description: 'Add explicit mounts and fail on warnings as well as errors',
    example: `steps:
  - id: add-tmpfs
    action: ecs-tmpfs:task-definition:add-mounts
    name: Add /tmp and a secrets mount
    input:
      path: deploy/task-definition.json
      mounts:
        - containerPath: /tmp
          size: 256
        - containerPath: /run/secrets
          size: 8
          mountOptions: [mode=0700]
      applySecureDefaults: true
      failOn: warning
`,
  },
];
