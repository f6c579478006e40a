/**
 * How a JSON file was laid out, so a rewrite keeps it: indentation (spaces, tabs or none),
 * line endings, a trailing newline and a byte-order mark. With the transform keeping key
 * order, every untouched field of a normally formatted file comes back byte for byte.
 */
export interface JsonFormat {
  /** the indentation unit; undefined for single-line (compact) JSON */
  indent?: string;
  eol: '\n' | '\r\n';
  trailingNewline: boolean;
  bom: boolean;
}

const BOM = '\uFEFF';

export function detectJsonFormat(text: string): JsonFormat {
  const bom = text.startsWith(BOM);
  const body = bom ? text.slice(1) : text;
  const eol = body.includes('\r\n') ? '\r\n' : '\n';
  // The first indented line after the opening bracket holds one indentation unit.
  const firstIndent = /^[{[][ \t]*\r?\n([ \t]+)\S/.exec(body.trimStart());
  return {
    indent: firstIndent?.[1],
    eol,
    trailingNewline: /\n$/.test(body),
    bom,
  };
}

/** strips a byte-order mark so `JSON.parse` accepts the text */
export function jsonBody(text: string): string {
  return text.startsWith(BOM) ? text.slice(1) : text;
}

export function formatJson(value: unknown, format: JsonFormat): string {
  let text = JSON.stringify(value, null, format.indent);
  if (format.eol === '\r\n') {
    text = text.replace(/\n/g, '\r\n');
  }
  if (format.trailingNewline) {
    text += format.eol;
  }
  return format.bom ? BOM + text : text;
}

export const DEFAULT_JSON_FORMAT: JsonFormat = {
  indent: '  ',
  eol: '\n',
  trailingNewline: true,
  bom: false,
};
