/**
 * A JSON parser that also records where every value sits in the source text, so findings
 * (which carry JSON paths) can point at a line and column. Paths use the findings' notation:
 * `taskDefinition.containerDefinitions[0].linuxParameters.tmpfs[1]`.
 */
import { joinPath } from '@internal/plugin-ecs-tmpfs-common';

export interface SourcePosition {
  /** 1-based */
  line: number;
  /** 1-based, in UTF-16 code units like editors count */
  column: number;
}

export class JsonSyntaxError extends Error {
  constructor(message: string, readonly position: SourcePosition) {
    super(message);
    this.name = 'JsonSyntaxError';
  }
}

export interface LocatedJson {
  value: unknown;
  /** position of each path: an object member's key, an array element's value */
  positions: Map<string, SourcePosition>;
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const WHITESPACE = /[ \t\n\r]*/y;

class Scanner {
  private pos = 0;
  readonly positions = new Map<string, SourcePosition>();
  private readonly lineStarts: number[] = [0];

  constructor(private readonly text: string) {
    for (let i = 0; i < text.length; i++) {
      if (text.charCodeAt(i) === 10) this.lineStarts.push(i + 1);
    }
  }

  positionOf(offset: number): SourcePosition {
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - this.lineStarts[lo] + 1 };
  }

  private fail(message: string, offset = this.pos): never {
    throw new JsonSyntaxError(message, this.positionOf(offset));
  }

  private unexpected(expected: string): never {
    if (this.pos >= this.text.length) {
      this.fail(`Unexpected end of JSON input, expected ${expected}`);
    }
    const ch = this.text[this.pos];
    this.fail(`Unexpected token ${JSON.stringify(ch)}, expected ${expected}`);
  }

  private skipWhitespace() {
    WHITESPACE.lastIndex = this.pos;
    WHITESPACE.exec(this.text);
    this.pos = WHITESPACE.lastIndex;
  }

  parseDocument(): unknown {
    this.skipWhitespace();
    const value = this.parseValue('');
    this.skipWhitespace();
    if (this.pos < this.text.length) this.unexpected('end of input');
    return value;
  }

  private parseValue(path: string): unknown {
    this.skipWhitespace();
    const ch = this.text[this.pos];
    switch (ch) {
      case '{':
        return this.parseObject(path);
      case '[':
        return this.parseArray(path);
      case '"':
        return this.parseString();
      case 't':
        return this.parseLiteral('true', true);
      case 'f':
        return this.parseLiteral('false', false);
      case 'n':
        return this.parseLiteral('null', null);
      default:
        if (ch === '-' || (ch >= '0' && ch <= '9')) return this.parseNumber();
        return this.unexpected('a value');
    }
  }

  private parseLiteral(word: string, value: unknown): unknown {
    if (this.text.startsWith(word, this.pos)) {
      this.pos += word.length;
      return value;
    }
    return this.unexpected('a value');
  }

  private parseNumber(): number {
    NUMBER.lastIndex = this.pos;
    const match = NUMBER.exec(this.text);
    if (!match) return this.unexpected('a number');
    this.pos = NUMBER.lastIndex;
    return Number(match[0]);
  }

  private parseString(): string {
    const start = this.pos;
    this.pos++;
    let hasEscape = false;
    for (;;) {
      if (this.pos >= this.text.length) this.fail('Unterminated string', start);
      const code = this.text.charCodeAt(this.pos);
      if (code === 34) break; // "
      if (code < 0x20) this.fail('Bad control character in string');
      if (code === 92) {
        // backslash
        hasEscape = true;
        const next = this.text[this.pos + 1];
        if (next === 'u') {
          if (
            !/^[0-9a-fA-F]{4}$/.test(
              this.text.slice(this.pos + 2, this.pos + 6),
            )
          ) {
            this.fail('Bad Unicode escape in string');
          }
          this.pos += 6;
          continue;
        }
        if (next === undefined || !'"\\/bfnrt'.includes(next)) {
          this.fail('Bad escaped character in string');
        }
        this.pos += 2;
        continue;
      }
      this.pos++;
    }
    this.pos++;
    const raw = this.text.slice(start, this.pos);
    return hasEscape ? JSON.parse(raw) : raw.slice(1, -1);
  }

  private parseObject(path: string): Record<string, unknown> {
    const result: Record<string, unknown> = {};
    this.pos++;
    this.skipWhitespace();
    if (this.text[this.pos] === '}') {
      this.pos++;
      return result;
    }
    for (;;) {
      this.skipWhitespace();
      if (this.text[this.pos] !== '"')
        this.unexpected('a property name in double quotes');
      const keyOffset = this.pos;
      const key = this.parseString();
      const memberPath = joinPath(path, key);
      this.positions.set(memberPath, this.positionOf(keyOffset));
      this.skipWhitespace();
      if (this.text[this.pos] !== ':')
        this.unexpected("':' after a property name");
      this.pos++;
      result[key] = this.parseValue(memberPath);
      this.skipWhitespace();
      const next = this.text[this.pos];
      if (next === ',') {
        this.pos++;
        continue;
      }
      if (next === '}') {
        this.pos++;
        return result;
      }
      this.unexpected("',' or '}' after a property value");
    }
  }

  private parseArray(path: string): unknown[] {
    const result: unknown[] = [];
    this.pos++;
    this.skipWhitespace();
    if (this.text[this.pos] === ']') {
      this.pos++;
      return result;
    }
    for (;;) {
      this.skipWhitespace();
      const elementPath = joinPath(path, result.length);
      this.positions.set(elementPath, this.positionOf(this.pos));
      result.push(this.parseValue(elementPath));
      this.skipWhitespace();
      const next = this.text[this.pos];
      if (next === ',') {
        this.pos++;
        continue;
      }
      if (next === ']') {
        this.pos++;
        return result;
      }
      this.unexpected("',' or ']' after an array element");
    }
  }
}

/**
 * Parses JSON text and records every path's position. A leading byte-order mark is allowed and,
 * as in editors, takes no column.
 */
export function parseJsonWithPositions(text: string): LocatedJson {
  const scanner = new Scanner(
    text.charCodeAt(0) === 0xfeff ? text.slice(1) : text,
  );
  const value = scanner.parseDocument();
  scanner.positions.set('', { line: 1, column: 1 });
  return { value, positions: scanner.positions };
}

/**
 * The position of a path, or of its nearest ancestor that exists in the text (a finding about a
 * missing field points at the object that lacks it).
 */
export function locate(
  positions: Map<string, SourcePosition>,
  path: string,
): SourcePosition {
  let current = path;
  for (;;) {
    const found = positions.get(current);
    if (found) return found;
    if (current === '') return { line: 1, column: 1 };
    const cut = Math.max(current.lastIndexOf('.'), current.lastIndexOf('['));
    current = cut <= 0 ? '' : current.slice(0, cut);
  }
}
