import { detectJsonFormat, formatJson, jsonBody } from './jsonFormat';

describe('jsonFormat', () => {
  const value = { a: 1, b: [1, { c: 'x' }], d: {} };

  it.each([
    ['2 spaces', '  '],
    ['4 spaces', '    '],
    ['tabs', '\t'],
  ])('round-trips %s', (_label, indent) => {
    const text = `${JSON.stringify(value, null, indent)}\n`;
    const format = detectJsonFormat(text);
    expect(format).toEqual({
      indent,
      eol: '\n',
      trailingNewline: true,
      bom: false,
    });
    expect(formatJson(JSON.parse(text), format)).toBe(text);
  });

  it('keeps compact JSON compact, without a trailing newline', () => {
    const text = JSON.stringify(value);
    const format = detectJsonFormat(text);
    expect(format.indent).toBeUndefined();
    expect(formatJson(value, format)).toBe(text);
  });

  it('keeps CRLF line endings and a byte-order mark', () => {
    const text = `\uFEFF${JSON.stringify(value, null, 2).replace(
      /\n/g,
      '\r\n',
    )}\r\n`;
    const format = detectJsonFormat(text);
    expect(format).toMatchObject({
      eol: '\r\n',
      bom: true,
      trailingNewline: true,
    });
    expect(formatJson(JSON.parse(jsonBody(text)), format)).toBe(text);
  });
});
