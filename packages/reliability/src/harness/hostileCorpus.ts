/** One hostile request: method, path with query string, body and content type. */
export interface HostileCase {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  body?: string;
  contentType?: string;
}

const API = '/api/ecs-tmpfs';

/** Strings that break parsers, queries and file systems. */
export const HOSTILE_STRINGS: string[] = [
  '',
  ' ',
  "'; DROP TABLE ecs_tmpfs_services; --",
  "' OR '1'='1",
  '" OR 1=1 --',
  '1; SELECT pg_sleep(5)',
  '{"$gt": ""}',
  '{"$where": "sleep(1000)"}',
  '../../../etc/passwd',
  '..\\..\\windows\\win.ini',
  '%2e%2e%2f%2e%2e%2f',
  '\u0000',
  'a\u0000b',
  '\ud800',
  '🦄'.repeat(50),
  'Ω≈ç√∫˜µ≤≥÷',
  '\u202e\u0041\u202d',
  '<script>alert(1)</script>',
  '${jndi:ldap://x/a}',
  '__proto__',
  'constructor',
  'prototype',
  'x'.repeat(70_000),
  '-1',
  '1e309',
  'NaN',
  'null',
];

const HOSTILE_VALUES: unknown[] = [
  ...HOSTILE_STRINGS,
  null,
  true,
  0,
  -1,
  1e308,
  -0,
  [],
  {},
  [null],
  { __proto__: { admin: true } },
  JSON.parse('{"__proto__": {"polluted": true}}'),
  { constructor: { prototype: { polluted: true } } },
];

/** JSON text nested `depth` objects deep (built as text: JSON.stringify would overflow). */
function deepJson(depth: number): string {
  return `${'{"a":'.repeat(depth)}"leaf"${'}'.repeat(depth)}`;
}

const json = (v: unknown) => JSON.stringify(v);

/** encodeURIComponent, but a lone surrogate goes out as its (invalid) UTF-8 bytes. */
function encode(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return '%ED%A0%80';
  }
}

const validMount = {
  containerPath: '/tmp',
  size: 64,
  mountOptions: ['noexec', 'nosuid', 'nodev'],
};

/** A template body that would be accepted; each case breaks exactly one thing of it. */
function template(name: string): Record<string, unknown> {
  return {
    name,
    title: 'Hostile',
    owner: 'group:default/team-a',
    mounts: [validMount],
    tags: ['x'],
  };
}

/**
 * At least 500 deterministic hostile requests against every route of the plugin. None is a
 * valid mutation, so after all of them the stored data must be unchanged.
 */
export function hostileCorpus(): HostileCase[] {
  const cases: HostileCase[] = [];
  const post = (path: string, body: string, contentType = 'application/json') =>
    cases.push({ method: 'POST', path, body, contentType });
  const put = (path: string, body: string) =>
    cases.push({ method: 'PUT', path, body, contentType: 'application/json' });

  // Templates: every field replaced by every hostile value (names are never valid here).
  for (const field of [
    'name',
    'title',
    'owner',
    'mounts',
    'tags',
    'description',
    'readonlyRootFilesystem',
  ]) {
    for (const value of HOSTILE_VALUES) {
      const body = template('hostile-template');
      body[field] = value;
      // Some hostile names ('constructor', 'null') are valid names: break another field too.
      if (field === 'name') body.mounts = 'none';
      else body.name = `../${String(field)}`;
      post(`${API}/templates`, json(body));
    }
  }
  // Mount fields.
  for (const field of ['containerPath', 'size', 'mountOptions']) {
    for (const value of HOSTILE_VALUES) {
      post(
        `${API}/templates`,
        json({
          ...template('Bad Name!'),
          mounts: [{ ...validMount, [field]: value }],
        }),
      );
    }
  }
  post(
    `${API}/templates`,
    json({
      ...template('Bad Name!'),
      mounts: Array.from({ length: 10_000 }, (_, i) => ({
        ...validMount,
        containerPath: `/m${i}`,
      })),
    }),
  );
  post(`${API}/templates`, deepJson(5000));
  post(
    `${API}/templates`,
    json({ ...template('Bad Name!'), extra: JSON.parse(deepJson(200)) }),
  );
  post(`${API}/templates`, '{"name": ');
  post(`${API}/templates`, 'not json at all');
  post(`${API}/templates`, json([template('array-body')]));
  post(`${API}/templates`, '"just a string"');
  post(`${API}/templates`, 'null');
  post(`${API}/templates`, json(template('Bad Name!')), 'text/plain');
  post(
    `${API}/templates`,
    'name=x&title=y',
    'application/x-www-form-urlencoded',
  );
  post(`${API}/templates`, '<xml/>', 'application/xml');
  post(`${API}/templates`, '{"name":"x"}', 'application/json; charset=utf-7');
  post(`${API}/templates`, '{"__proto__": {"isAdmin": true}, "name": 1}');
  post(`${API}/templates`, '{"constructor": {"prototype": {"x": 1}}}');

  // Updates and deletes of names that do not exist or are read-only.
  for (const name of [
    ...HOSTILE_STRINGS.slice(0, 22).map(encode),
    'secrets-tmpfs',
    'tmp-scratch',
  ]) {
    if (!name) continue;
    put(`${API}/templates/${name}`, json({ ...template('x'), version: 1 }));
    put(`${API}/templates/${name}`, json({ title: 5, version: 'one' }));
    cases.push({ method: 'DELETE', path: `${API}/templates/${name}` });
    cases.push({ method: 'GET', path: `${API}/templates/${name}` });
  }

  // A stale version and hostile fields against a stored template.
  put(
    `${API}/templates/kept-template`,
    json({ title: 'Changed', version: 99 }),
  );
  for (const value of HOSTILE_VALUES) {
    put(`${API}/templates/kept-template`, json({ mounts: value, version: 1 }));
  }

  // Validate: hostile documents.
  for (const value of HOSTILE_VALUES) {
    post(`${API}/validate`, json({ taskDefinition: value }));
    post(
      `${API}/validate`,
      json({
        taskDefinition: {
          containerDefinitions: [
            {
              name: value,
              linuxParameters: {
                tmpfs: [{ containerPath: value, size: value }],
              },
            },
          ],
        },
      }),
    );
  }
  post(`${API}/validate`, `{"taskDefinition":${deepJson(3000)}}`);

  // Sync trigger: never a configured target.
  for (const value of HOSTILE_VALUES) {
    post(`${API}/sync/trigger`, json({ accountId: value }));
    post(
      `${API}/sync/trigger`,
      json({ accountId: '999999999999', region: value }),
    );
  }
  post(`${API}/sync/trigger`, '[]');
  post(`${API}/sync/trigger`, 'garbage{');

  // Query strings.
  const queries = [
    'offset=-1',
    'offset=99999999999999999999',
    'offset=abc',
    'limit=0',
    'limit=-5',
    'limit=1e9',
    'limit=100000',
    'sort=__proto__',
    'sort=unknown',
    'sort=name;DROP',
    'order=sideways',
    'status=banana',
    'status=ok&status=low',
    'offset=1&offset=2',
    'limit[]=1',
    'owner[a]=b',
    'owner=%00',
    'search=%25%25%25',
    "search='%20OR%201=1",
    'accountId=abc',
    'region=../../x',
    'tag=%E2%80%AE',
    'constructor[prototype][x]=1',
    '__proto__[x]=1',
    `search=${'a'.repeat(5000)}`,
    `owner=${encodeURIComponent("' OR 1=1 --")}`,
    '%ff%fe=1',
    'a=%',
    'search=%',
  ];
  for (const q of queries) {
    for (const route of ['fleet', 'fleet.csv', 'templates']) {
      cases.push({ method: 'GET', path: `${API}/${route}?${q}` });
    }
  }
  for (const value of HOSTILE_STRINGS.filter(s => s.length < 1000)) {
    const v = encode(value);
    cases.push({ method: 'GET', path: `${API}/service?arn=${v}` });
    cases.push({
      method: 'GET',
      path: `${API}/entity-services?entityRef=${v}`,
    });
    cases.push({ method: 'GET', path: `${API}/fleet?search=${v}&owner=${v}` });
  }
  cases.push({ method: 'GET', path: `${API}/service` });
  cases.push({ method: 'GET', path: `${API}/service?arn=a&arn=b` });
  cases.push({ method: 'GET', path: `${API}/entity-services` });
  cases.push({ method: 'GET', path: `${API}/entity-services?entityRef[]=x` });
  return cases;
}
