import {
  createBackendModule,
  coreServices,
} from '@backstage/backend-plugin-api';
import type { Config } from '@backstage/config';
import {
  AuthorizeResult,
  type PolicyDecision,
} from '@backstage/plugin-permission-common';
import type {
  PermissionPolicy,
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import { ecsTmpfsPermissions } from '@internal/plugin-ecs-tmpfs-common';

const MUTATING = new Set(
  ecsTmpfsPermissions
    .filter(p => p.attributes.action !== 'read')
    .map(p => p.name),
);

/**
 * The repository's permission policy.
 *
 * Everything outside this product is allowed (as Backstage's allow-all policy does), so the
 * catalog and scaffolder behave as in a fresh app. The ECS tmpfs mutations (template create /
 * update / delete, triggering a sync) are allowed only to the users and groups listed in
 * `permission.ecsTmpfs.editors`; reads stay open to signed-in users. Later issues extend this
 * file rather than replacing it.
 */
export class EcsTmpfsPermissionPolicy implements PermissionPolicy {
  private readonly editors: Set<string>;

  constructor(editors: string[]) {
    this.editors = new Set(editors.map(e => e.toLocaleLowerCase('en-US')));
  }

  static fromConfig(config: Config) {
    return new EcsTmpfsPermissionPolicy(
      config.getOptionalStringArray('permission.ecsTmpfs.editors') ?? [],
    );
  }

  async handle(
    request: PolicyQuery,
    user?: PolicyQueryUser,
  ): Promise<PolicyDecision> {
    if (!MUTATING.has(request.permission.name)) {
      return { result: AuthorizeResult.ALLOW };
    }
    const refs = [
      user?.info.userEntityRef,
      ...(user?.info.ownershipEntityRefs ?? []),
    ]
      .filter((r): r is string => Boolean(r))
      .map(r => r.toLocaleLowerCase('en-US'));
    return refs.some(r => this.editors.has(r))
      ? { result: AuthorizeResult.ALLOW }
      : { result: AuthorizeResult.DENY };
  }
}

export const ecsTmpfsPermissionPolicyModule = createBackendModule({
  pluginId: 'permission',
  moduleId: 'ecs-tmpfs-policy',
  register(reg) {
    reg.registerInit({
      deps: { policy: policyExtensionPoint, config: coreServices.rootConfig },
      async init({ policy, config }) {
        policy.setPolicy(EcsTmpfsPermissionPolicy.fromConfig(config));
      },
    });
  },
});
