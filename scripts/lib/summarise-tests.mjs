// Prints one closing line, "N passed, N failed, N skipped", over the jest and Playwright JSON
// reports given as arguments (missing files count as nothing run).
import { existsSync, readFileSync } from 'node:fs';

let passed = 0;
let failed = 0;
let skipped = 0;
const parts = [];

for (const file of process.argv.slice(2)) {
  if (!existsSync(file)) continue;
  const report = JSON.parse(readFileSync(file, 'utf8'));
  if (typeof report.numPassedTests === 'number') {
    // jest
    const p = report.numPassedTests;
    const f = report.numFailedTests + (report.numRuntimeErrorTestSuites ?? 0);
    const s = report.numPendingTests + (report.numTodoTests ?? 0);
    parts.push(`jest: ${p} passed, ${f} failed, ${s} skipped`);
    passed += p;
    failed += f;
    skipped += s;
  } else if (report.stats) {
    // Playwright
    const p = report.stats.expected + (report.stats.flaky ?? 0);
    const f = report.stats.unexpected;
    const s = report.stats.skipped;
    parts.push(`playwright: ${p} passed, ${f} failed, ${s} skipped`);
    passed += p;
    failed += f;
    skipped += s;
  }
}
for (const part of parts) console.log(part);
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
