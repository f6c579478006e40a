import { expect, test } from '@playwright/test';
import { saveScreenshot, signInAsGuest, watchConsoleErrors } from './helpers';

test('a service page shows its tmpfs mounts, findings and headroom', async ({
  page,
}) => {
  const errors = watchConsoleErrors(page);
  await signInAsGuest(page);
  await page.goto('/catalog/default/component/storefront-web/ecs-tmpfs');

  // The first sync runs a second after start-up; the tab shows the services once it has.
  await expect(
    page.getByRole('heading', { name: /storefront-web/ }).first(),
  ).toBeVisible({ timeout: 90_000 });
  const mounts = page.getByRole('table', { name: 'tmpfs mounts of nginx' });
  await expect(mounts.first()).toBeVisible();
  await expect(mounts.first().getByText('/var/cache/nginx')).toBeVisible();
  await expect(page.getByText(/headroom/i).first()).toBeVisible();
  await expect(page.getByText('readonly-root-disabled').first()).toBeVisible();
  await saveScreenshot(page, 'entity-tab');
  expect(errors.filter(e => !/favicon|manifest/i.test(e))).toEqual([]);
});
