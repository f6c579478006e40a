import { JsonSyntaxError, locate, parseJsonWithPositions } from './jsonLocator';

describe('parseJsonWithPositions', () => {
  const text = [
    '{',
    '  "taskDefinition": {',
    '    "containerDefinitions": [',
    '      { "name": "a\\"b", "linuxParameters": { "tmpfs": [ { "size": 1e2 } ] } },',
    '      {}',
    '    ]',
    '  }',
    '}',
  ].join('\n');

  it('parses like JSON.parse and records key and element positions', () => {
    const { value, positions } = parseJsonWithPositions(text);
    expect(value).toEqual(JSON.parse(text));
    expect(positions.get('taskDefinition')).toEqual({ line: 2, column: 3 });
    expect(positions.get('taskDefinition.containerDefinitions[0]')).toEqual({
      line: 4,
      column: 7,
    });
    expect(
      positions.get(
        'taskDefinition.containerDefinitions[0].linuxParameters.tmpfs[0].size',
      ),
    ).toEqual({
      line: 4,
      column: text.split('\n')[3].indexOf('"size"') + 1,
    });
    expect(positions.get('taskDefinition.containerDefinitions[1]')).toEqual({
      line: 5,
      column: 7,
    });
  });

  it('locates a missing field at its nearest existing ancestor', () => {
    const { positions } = parseJsonWithPositions(text);
    expect(
      locate(
        positions,
        'taskDefinition.containerDefinitions[1].readonlyRootFilesystem',
      ),
    ).toEqual({
      line: 5,
      column: 7,
    });
    expect(locate(positions, 'nothing.here')).toEqual({ line: 1, column: 1 });
  });

  it('handles odd keys, a BOM, and values of every kind', () => {
    const { value, positions } = parseJsonWithPositions(
      '\ufeff{"a b": [true, false, null, -0.5, "\\u00e9"]}',
    );
    expect(value).toEqual({ 'a b': [true, false, null, -0.5, 'é'] });
    expect(positions.get('["a b"][4]')).toEqual({ line: 1, column: 35 });
  });

  it.each([
    ['{"a": 1,}', 1, 9, 'Unexpected token "}", expected a property name'],
    ['{\n  "a": 1\n  "b": 2\n}', 3, 3, "expected ',' or '}'"],
    ['[1, 2', 1, 6, 'Unexpected end of JSON input'],
    ['{"a": "x\ny"}', 1, 9, 'Bad control character'],
    ['{"a": tru}', 1, 7, 'expected a value'],
    ['{"a": 1} x', 1, 10, 'expected end of input'],
    ['{"a": "\\x"}', 1, 8, 'Bad escaped character'],
    ['', 1, 1, 'Unexpected end of JSON input'],
    ['{"a": 01}', 1, 8, "expected ',' or '}'"],
  ])('reports %p at line %i column %i', (input, line, column, message) => {
    let error: unknown;
    try {
      parseJsonWithPositions(input);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(JsonSyntaxError);
    expect((error as JsonSyntaxError).position).toEqual({ line, column });
    expect((error as JsonSyntaxError).message).toContain(message);
    expect(() => JSON.parse(input)).toThrow();
  });
});
