import { formatHeadroom, formatMiB, formatPercent } from './format';

describe('format', () => {
  it('shows MiB with at most one decimal and thousands separators', () => {
    expect(formatMiB(26.399999999999977)).toBe('26.4 MiB');
    expect(formatMiB(246.39999999999964)).toBe('246.4 MiB');
    expect(formatMiB(2048)).toBe('2,048 MiB');
    expect(formatMiB(1234.56)).toBe('1,234.6 MiB');
    expect(formatMiB(-0.04)).toBe('0 MiB');
    expect(formatMiB(undefined)).toBe('—');
  });

  it('shows percentages with at most one decimal', () => {
    expect(formatPercent(0.025781249999999977)).toBe('2.6 %');
    expect(formatPercent(-0.0149)).toBe('-1.5 %');
    expect(formatPercent(-0.0001)).toBe('0 %');
    expect(formatPercent(undefined)).toBe('—');
  });

  it('never shows unknown headroom as a number', () => {
    expect(
      formatHeadroom({
        headroomMiB: 26.399999999999977,
        headroomRatio: 0.0258,
      }),
    ).toBe('26.4 MiB (2.6 %)');
    expect(formatHeadroom({ headroomMiB: undefined })).toMatch(/^unknown/);
  });
});
