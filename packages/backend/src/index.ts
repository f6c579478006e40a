import { createBackend } from '@backstage/backend-defaults';
import { ecsTmpfsPermissionPolicyModule } from './permissionPolicy';

const backend = createBackend();

backend.add(import('@backstage/plugin-app-backend'));

// auth: guest sign-in for local use (see app-config.yaml)
backend.add(import('@backstage/plugin-auth-backend'));
backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));

// catalog: the sample fleet's entities carry the ECS annotations
backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(
  import('@backstage/plugin-catalog-backend-module-scaffolder-entity-model'),
);
backend.add(import('@backstage/plugin-catalog-backend-module-logs'));

// permissions, with this repository's policy
backend.add(import('@backstage/plugin-permission-backend'));
backend.add(ecsTmpfsPermissionPolicyModule);

// scaffolder, with the ECS tmpfs actions
backend.add(import('@backstage/plugin-scaffolder-backend'));
backend.add(import('@internal/plugin-scaffolder-backend-module-ecs-tmpfs'));

backend.add(import('@backstage/plugin-user-settings-backend'));

// events and signals: live updates for the frontend (user settings, catalog)
backend.add(import('@backstage/plugin-events-backend'));
backend.add(import('@backstage/plugin-signals-backend'));

// ECS tmpfs: templates, ECS/CloudWatch ingestion, REST API
backend.add(import('@internal/plugin-ecs-tmpfs-backend'));

backend.start();
