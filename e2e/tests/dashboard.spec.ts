import { expect, test } from '@playwright/test';
import { saveScreenshot, signInAsGuest } from './helpers';

test('the headroom dashboard filters by team and sorts by headroom', async ({
  page,
}) => {
  await signInAsGuest(page);
  await page.goto('/ecs-tmpfs');
  const table = page.getByRole('table', { name: 'ECS services headroom' });
  await expect(table).toBeVisible({ timeout: 90_000 });

  // The guest's teams (guests, platform) are preselected; add storefront.
  const team = page.getByRole('button', { name: 'Team' });
  await team.click();
  await page.getByRole('option', { name: /storefront/ }).click();
  await page.keyboard.press('Escape');
  await expect(table.getByText('storefront-web').first()).toBeVisible();
  await expect(table.getByText('payments-api')).toHaveCount(0);

  await table
    .getByRole('button', { name: /Headroom/ })
    .first()
    .click();
  await expect(table.getByRole('row').nth(1)).toBeVisible();
  await saveScreenshot(page, 'dashboard');
});
