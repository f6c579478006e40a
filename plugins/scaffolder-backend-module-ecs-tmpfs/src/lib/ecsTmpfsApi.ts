import type {
  AuthService,
  DiscoveryService,
} from '@backstage/backend-plugin-api';
import { ResponseError } from '@backstage/errors';
import type {
  ServiceView,
  TmpfsTemplate,
} from '@internal/plugin-ecs-tmpfs-common';

/** What the actions read from the ecs-tmpfs backend plugin's REST API. */
export interface EcsTmpfsApi {
  /** undefined when no template has that name */
  getTemplate(name: string): Promise<TmpfsTemplate | undefined>;
  /** undefined when the backend has not synced that service */
  getService(serviceArn: string): Promise<ServiceView | undefined>;
}

/** Calls `/api/ecs-tmpfs` with the scaffolder's own service credentials. */
export class DefaultEcsTmpfsApi implements EcsTmpfsApi {
  constructor(
    private readonly deps: { discovery: DiscoveryService; auth: AuthService },
  ) {}

  async getTemplate(name: string): Promise<TmpfsTemplate | undefined> {
    return this.get<TmpfsTemplate>(`/templates/${encodeURIComponent(name)}`);
  }

  async getService(serviceArn: string): Promise<ServiceView | undefined> {
    return this.get<ServiceView>(
      `/service?arn=${encodeURIComponent(serviceArn)}`,
    );
  }

  private async get<T>(path: string): Promise<T | undefined> {
    const { discovery, auth } = this.deps;
    const baseUrl = await discovery.getBaseUrl('ecs-tmpfs');
    const { token } = await auth.getPluginRequestToken({
      onBehalfOf: await auth.getOwnServiceCredentials(),
      targetPluginId: 'ecs-tmpfs',
    });
    const response = await fetch(`${baseUrl}${path}`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    if (response.status === 404) {
      return undefined;
    }
    if (!response.ok) {
      const error = await ResponseError.fromResponse(response);
      // The backend's own message says why (e.g. a permission policy); keep it.
      throw new Error(
        `The ecs-tmpfs backend refused GET ${path}: ${error.cause.message}`,
      );
    }
    return (await response.json()) as T;
  }
}
