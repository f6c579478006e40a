import { expect, test } from '@playwright/test';
import { signInAsGuest } from './helpers';

test('guest signs in and sees the catalog with the sample fleet', async ({
  page,
}) => {
  await signInAsGuest(page);
  const nav = page.getByRole('navigation', { name: 'sidebar nav' });
  await expect(
    nav.getByRole('link', { name: 'Catalog', exact: true }),
  ).toBeVisible();
  // The guest's own components (platform team) first, then every component of the fleet.
  await expect(page.getByText(/Owned Components|All Components/)).toBeVisible({
    timeout: 60_000,
  });
  await page.getByText('All', { exact: true }).first().click();
  await expect(page.getByText(/All Components \(\d+\)/)).toBeVisible();
  await page.getByPlaceholder('Search').fill('storefront-web');
  await expect(
    page.getByRole('link', { name: 'storefront-web', exact: true }),
  ).toBeVisible();
});
