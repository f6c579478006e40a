import { expect, test, type APIRequestContext } from '@playwright/test';
import { saveScreenshot, signInAsGuest } from './helpers';

const BACKEND = process.env.E2E_BACKEND_URL ?? 'http://localhost:7007';
const SIMULATOR = process.env.E2E_SIMULATOR_URL ?? 'http://127.0.0.1:4599';

async function guestToken(request: APIRequestContext): Promise<string> {
  const res = await request.get(`${BACKEND}/api/auth/guest/refresh`);
  expect(res.ok()).toBe(true);
  return (await res.json()).backstageIdentity.token;
}

async function api(request: APIRequestContext, path: string, init?: any) {
  const token = await guestToken(request);
  return request.fetch(`${BACKEND}/api/ecs-tmpfs${path}`, {
    ...init,
    headers: { Authorization: `Bearer ${token}`, ...(init?.headers ?? {}) },
  });
}

/** Waits until every sync target has finished a run that started after `since`. */
async function waitForSync(request: APIRequestContext, since: number) {
  await expect
    .poll(
      async () => {
        const status = await (await api(request, '/sync/status')).json();
        return status.targets.every(
          (t: any) =>
            !t.running &&
            t.lastRun &&
            Date.parse(t.lastRun.startedAt) >= since - 1000,
        );
      },
      { timeout: 90_000, intervals: [1000] },
    )
    .toBe(true);
}

test('the "add a secure tmpfs mount" template registers a new revision that the entity tab shows after a sync', async ({
  page,
  request,
}) => {
  const entityRef = 'component:default/payments-api';
  // The first scheduled sync runs a second after start-up.
  await expect
    .poll(
      async () => {
        const res = await api(
          request,
          `/entity-services?entityRef=${encodeURIComponent(entityRef)}`,
        );
        return res.ok() ? (await res.json()).services.length : 0;
      },
      { timeout: 90_000, intervals: [1000] },
    )
    .toBeGreaterThan(0);
  const { services } = await (
    await api(
      request,
      `/entity-services?entityRef=${encodeURIComponent(entityRef)}`,
    )
  ).json();
  const service = services[0];
  const oldRevision: number = service.revision;

  await signInAsGuest(page);
  const formData = encodeURIComponent(
    JSON.stringify({ entityRef, serviceArn: service.serviceArn }),
  );
  await page.goto(
    `/create/templates/default/add-secure-tmpfs-mount?formData=${formData}`,
  );
  await expect(
    page.getByText('Add a secure tmpfs mount to an existing service').first(),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Next' }).click();

  // The tmpfs template picker (a field extension of the frontend plugin).
  const picker = page.getByLabel('tmpfs template').first();
  await expect(picker).toBeVisible();
  await picker.click();
  await page
    .getByRole('option', { name: /secrets-tmpfs|Short-lived secrets/i })
    .first()
    .click();
  await expect(page.getByText('/run/secrets').first()).toBeVisible();
  await page.getByRole('button', { name: 'Review' }).click();
  await page.getByRole('button', { name: 'Create' }).click();

  const newArnText = page.getByText(
    new RegExp(`task-definition/${service.family}:${oldRevision + 1}`),
  );
  await expect(newArnText.first()).toBeVisible({ timeout: 90_000 });
  await saveScreenshot(page, 'scaffolder-task');
  const newArn = `${service.taskDefinitionArn.replace(/:\d+$/, '')}:${
    oldRevision + 1
  }`;

  // The team's pipeline deploys the new revision (update-service), then the plugin syncs.
  const deploy = await request.post(`${SIMULATOR}/_simulator/services/deploy`, {
    data: { serviceArn: service.serviceArn, taskDefinitionArn: newArn },
  });
  expect(deploy.status()).toBe(200);
  const since = Date.now();
  const trigger = await api(request, '/sync/trigger', {
    method: 'POST',
    data: {},
  });
  expect(trigger.status()).toBe(202);
  await waitForSync(request, since);

  await page.goto('/catalog/default/component/payments-api/ecs-tmpfs');
  await expect(
    page.getByText(`${service.family}:${oldRevision + 1}`).first(),
  ).toBeVisible();
  await expect(
    page
      .getByRole('table', { name: /tmpfs mounts of payments-api/ })
      .getByText('/run/secrets'),
  ).toBeVisible();
});
