import { expect, test } from '@playwright/test';
import { signInAsGuest } from './helpers';

test('a guest creates and deletes a tmpfs template', async ({ page }) => {
  await signInAsGuest(page);
  await page.goto('/ecs-tmpfs/templates');
  const name = `e2e-scratch-${Date.now().toString(36)}`;

  await page.getByRole('button', { name: 'New template' }).click();
  await page.getByLabel('Name').fill(name);
  await page.getByLabel('Title').fill('E2E scratch');
  await page.getByLabel('Owner').fill('group:default/platform');
  await page.getByLabel('Container path').first().fill('/scratch');
  await page.getByLabel('Size (MiB)').first().fill('64');
  await page.getByRole('button', { name: 'Create' }).click();
  await expect(page.getByText(name).first()).toBeVisible();

  await page.getByText(name).first().click();
  await page.getByRole('button', { name: 'Delete' }).first().click();
  await page
    .getByRole('dialog')
    .getByRole('button', { name: 'Delete' })
    .click();
  await expect(page.getByText(name)).toHaveCount(0);
});
