import {
  createPermission,
  type BasicPermission,
} from '@backstage/plugin-permission-common';

/**
 * Reading templates is open to anyone who may use the plugin; the permission exists so an
 * organisation's policy can narrow it.
 * @public
 */
export const ecsTmpfsTemplateReadPermission = createPermission({
  name: 'ecs-tmpfs.template.read',
  attributes: { action: 'read' },
});

/** @public */
export const ecsTmpfsTemplateCreatePermission = createPermission({
  name: 'ecs-tmpfs.template.create',
  attributes: { action: 'create' },
});

/** @public */
export const ecsTmpfsTemplateUpdatePermission = createPermission({
  name: 'ecs-tmpfs.template.update',
  attributes: { action: 'update' },
});

/** @public */
export const ecsTmpfsTemplateDeletePermission = createPermission({
  name: 'ecs-tmpfs.template.delete',
  attributes: { action: 'delete' },
});

/**
 * Triggering an ECS/CloudWatch sync costs AWS API calls and money, so it is guarded like a
 * mutation.
 * @public
 */
export const ecsTmpfsSyncTriggerPermission = createPermission({
  name: 'ecs-tmpfs.sync.trigger',
  attributes: { action: 'update' },
});

/**
 * Reading the fleet-wide view (every service of every team) is broader than reading one
 * entity's services, which follows catalog read access.
 * @public
 */
export const ecsTmpfsFleetReadPermission = createPermission({
  name: 'ecs-tmpfs.fleet.read',
  attributes: { action: 'read' },
});

/** Every permission of the ECS tmpfs plugins, for `permissionsRegistry.addPermissions`. @public */
export const ecsTmpfsPermissions: BasicPermission[] = [
  ecsTmpfsTemplateReadPermission,
  ecsTmpfsTemplateCreatePermission,
  ecsTmpfsTemplateUpdatePermission,
  ecsTmpfsTemplateDeletePermission,
  ecsTmpfsSyncTriggerPermission,
  ecsTmpfsFleetReadPermission,
];
