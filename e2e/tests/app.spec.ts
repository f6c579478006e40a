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
  await expect(page.getByText(/Owned Components/)).toBeVisible();
  await page
    .getByRole('menuitem', { name: /All/ })
    .or(page.getByText('All', { exact: true }))
    .first()
    .click();
  await expect(
    page.getByRole('link', { name: 'storefront-web', exact: true }),
  ).toBeVisible();
});
