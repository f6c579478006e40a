// Measures the headroom dashboard at fleet scale in Chromium: time from navigation to the
// services table being interactive (rows rendered and a sort click answered).
//
// Start the app with a large simulated fleet first, e.g.
//   SIMULATOR_ARGS="--services 5000 --clusters 100" bash scripts/start.sh
// then: node scripts/bench/dashboard-bench.mjs [runs=5]
import { chromium } from 'playwright-core';

const APP = process.env.E2E_BASE_URL ?? 'http://localhost:3000';
const BACKEND = process.env.E2E_BACKEND_URL ?? 'http://localhost:7007';
const runs = Number(process.argv[2] ?? 5);

async function guestToken() {
  const res = await fetch(`${BACKEND}/api/auth/guest/refresh`);
  return (await res.json()).backstageIdentity.token;
}

async function fleetSize(token) {
  const res = await fetch(`${BACKEND}/api/ecs-tmpfs/fleet?limit=1`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  return res.ok ? (await res.json()).totalCount : 0;
}

async function syncSettled(token) {
  const res = await fetch(`${BACKEND}/api/ecs-tmpfs/sync/status`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  if (!res.ok) return false;
  const { targets } = await res.json();
  return targets.length > 0 && targets.every(t => t.lastRun && !t.running);
}

const token = await guestToken();
const deadline = Date.now() + 20 * 60_000;
while (Date.now() < deadline && !(await syncSettled(token))) {
  await new Promise(r => setTimeout(r, 5_000));
}
const size = await fleetSize(token);
console.log(`fleet size served by /fleet: ${size} services`);

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});
const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
await page.goto(APP);
await page.getByRole('button', { name: 'Enter' }).click();
await page
  .getByRole('link', { name: 'Catalog', exact: true })
  .first()
  .waitFor();

const timings = [];
for (let i = 0; i < runs; i++) {
  await page.goto(`${APP}/catalog`);
  await page.getByRole('link', { name: 'ECS headroom' }).first().waitFor();
  const t0 = performance.now();
  // client-side navigation, as a user clicking the sidebar
  await page.getByRole('link', { name: 'ECS headroom' }).first().click();
  const table = page.getByRole('table', { name: 'ECS services headroom' });
  await table.getByRole('row').nth(1).waitFor();
  const rendered = performance.now() - t0;
  // show every owner (5,000 rows behind the pager), then sort: the table must answer
  const allOwners = page.getByLabel('All owners');
  if (!(await allOwners.isChecked())) await allOwners.check();
  const firstBefore = await table.getByRole('row').nth(1).innerText();
  await table
    .getByRole('button', { name: /Headroom/ })
    .first()
    .click();
  await page.waitForFunction(
    ([before]) => {
      const t = document.querySelector(
        'table[aria-label="ECS services headroom"]',
      );
      const row = t?.querySelectorAll('tbody tr')[0];
      return row && row.textContent !== before;
    },
    [firstBefore],
    { timeout: 30_000 },
  );
  const interactive = performance.now() - t0;
  timings.push({ rendered, interactive });
  console.log(
    `run ${i + 1}: first rows ${rendered.toFixed(
      0,
    )} ms, all owners + sorted ${interactive.toFixed(0)} ms`,
  );
}
await browser.close();

const p = (xs, q) =>
  [...xs].sort((a, b) => a - b)[
    Math.min(xs.length - 1, Math.floor(q * xs.length))
  ];
const r = timings.map(t => t.rendered);
const it = timings.map(t => t.interactive);
console.log(
  `dashboard, ${size} services, ${runs} runs: first rows p50 ${p(
    r,
    0.5,
  ).toFixed(0)} ms (max ${Math.max(...r).toFixed(0)}), ` +
    `interactive (all owners + sort answered) p50 ${p(it, 0.5).toFixed(
      0,
    )} ms (max ${Math.max(...it).toFixed(0)})`,
);
