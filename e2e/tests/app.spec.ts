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
  await expect(
    page.getByRole('link', { name: 'storefront-web' }),
  ).toBeVisible();
});
