/**
 * Env files as compose reads them. The cases come from compose-go's own tests and fixtures (compose-spec/compose-go
 * e70e961c: `dotenv/godotenv_test.go`, `dotenv/parser_test.go`, `dotenv/fixtures/*.env`; the Go test is named beside
 * each), then from the corners of its grammar that those tests do not reach, whose expectations were taken from
 * compose-go's parser run on the same input. Values are compared as compose's GetEnvFromFile returns them: a map in
 * which a later definition wins.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { prng } from '../testing/prng';
import { type EnvFile, parseEnvFile } from './dotenv';

/** The fixtures, as their files are written (`\ufeff` is the BOM of utf8-bom.env). */
const fixtures = {
  'plain.env': 'OPTION_A=1\nOPTION_B=2\nOPTION_C= 3\nOPTION_D =4\nOPTION_E = 5\n456 = ABC\nOPTION_F = \nOPTION_G=\nOPTION_H = my string # Inline comment\n',
  'utf8-bom.env':
    '\ufeffOPTION_A=1\nOPTION_B=2\nOPTION_C= 3\nOPTION_D =4\nOPTION_E = 5\n456 = ABC\nOPTION_F =\nOPTION_G=\nOPTION_H = my string # Inline comment\n',
  'exported.env': "export OPTION_A=2\nexport OPTION_B='\\n'\n",
  'equals.env': "export OPTION_A='postgres://localhost:5432/database?sslmode=disable'\n\n",
  'quoted.env': [
    "OPTION_A='1'",
    "OPTION_B='2'",
    "OPTION_C=''",
    "OPTION_D='\\n'",
    'OPTION_E="1"',
    'OPTION_F="2"',
    'OPTION_G=""',
    'OPTION_H="\\n"',
    `OPTION_I = "echo 'asd'" # Inline comment`,
    "OPTION_J = 'first line",
    'second line',
    'third line',
    "and so on'",
    "OPTION_K='Let\\'s go!'",
    'OPTION_Z = "last value"',
    '',
  ].join('\n'),
  'unquoted.env': [
    'OPTION_A = "some quoted phrase"',
    'OPTION_B=first one with an unquoted phrase',
    'OPTION_C = then another one with an unquoted phrase',
    'OPTION_D = then another one with an unquoted phrase special è char',
    'OPTION_E = "then another one quoted phrase"',
    '',
  ].join('\n'),
  'special.env': 'VAR.WITH.DOTS=dots\nVAR_WITH_UNDERSCORES=underscores\nVAR-WITH-DASHES=dashes\n',
  'substitutions.env': 'OPTION_A=1\nOPTION_B=${OPTION_A}\nOPTION_C=$OPTION_B\nOPTION_D=${OPTION_A}_${OPTION_B}\nOPTION_E=${OPTION_NOT_DEFINED}\n',
  'substitutions-default.env':
    'OPTION_A=${OPTION_A:-1}\nOPTION_B=${OPTION_A}\nOPTION_C=$OPTION_B\nOPTION_D=${OPTION_A}_${OPTION_B}\nOPTION_E=${OPTION_NOT_DEFINED}\n',
  'inherited-multi-var.env': 'foo=bar\nVAR_TO_BE_LOADED_FROM_OS_ENV\nbar=baz\n',
  'inherited-single-var.env': 'VAR_TO_BE_LOADED_FROM_OS_ENV\n',
  'inherited-not-found.env': 'VARIABLE_NOT_FOUND\n',
  'invalid1.env': '# some comments\nfoo="\n  a\n  multine\n  value\n"\nINVALID LINE\nzot=qix',
};

function valuesOf(file: EnvFile): Record<string, string> {
  const values: Record<string, string> = {};
  for (const entry of file.entries) values[entry.name] = entry.value;
  return values;
}

const errorsOf = (file: EnvFile) => file.problems.filter((problem) => problem.severity === 'error').map((problem) => problem.message);

interface FileCase {
  /** the compose-go test or fixture */
  source: string;
  text: string;
  /** the environment compose runs in; none when absent */
  env?: Record<string, string>;
  /** every value the file sets, exactly */
  values?: Record<string, string>;
  /** some of the values (compose-go's parseAndCompare checks one key) */
  some?: Record<string, string>;
  /** the first error, as compose-go words it */
  error?: string;
}

const plainValues = { OPTION_A: '1', OPTION_B: '2', OPTION_C: '3', OPTION_D: '4', OPTION_E: '5', OPTION_F: '', OPTION_G: '', OPTION_H: 'my string' };

const files: FileCase[] = [
  // TestReadPlainEnv reads through godotenv's Read, which drops names starting with a digit; compose reads .env files
  // through GetEnvFromFile, which keeps them, so `456 = ABC` is a variable here.
  { source: 'TestReadPlainEnv (fixtures/plain.env)', text: fixtures['plain.env'], values: { ...plainValues, 456: 'ABC' } },
  { source: 'TestUTF8BOM (fixtures/utf8-bom.env)', text: fixtures['utf8-bom.env'], values: { ...plainValues, 456: 'ABC' } },
  { source: 'TestLoadExportedEnv (fixtures/exported.env)', text: fixtures['exported.env'], values: { OPTION_A: '2', OPTION_B: '\\n' } },
  {
    source: 'TestLoadEqualsEnv (fixtures/equals.env)',
    text: fixtures['equals.env'],
    values: { OPTION_A: 'postgres://localhost:5432/database?sslmode=disable' },
  },
  {
    source: 'TestLoadQuotedEnv (fixtures/quoted.env)',
    text: fixtures['quoted.env'],
    values: {
      OPTION_A: '1',
      OPTION_B: '2',
      OPTION_C: '',
      OPTION_D: '\\n',
      OPTION_E: '1',
      OPTION_F: '2',
      OPTION_G: '',
      OPTION_H: '\n',
      OPTION_I: "echo 'asd'",
      OPTION_J: 'first line\nsecond line\nthird line\nand so on',
      OPTION_K: "Let's go!",
      OPTION_Z: 'last value',
    },
  },
  {
    source: 'TestLoadUnquotedEnv (fixtures/unquoted.env)',
    text: fixtures['unquoted.env'],
    values: {
      OPTION_A: 'some quoted phrase',
      OPTION_B: 'first one with an unquoted phrase',
      OPTION_C: 'then another one with an unquoted phrase',
      OPTION_D: 'then another one with an unquoted phrase special è char',
      OPTION_E: 'then another one quoted phrase',
    },
  },
  {
    source: 'TestDash (fixtures/special.env)',
    text: fixtures['special.env'],
    values: { 'VAR-WITH-DASHES': 'dashes', 'VAR.WITH.DOTS': 'dots', VAR_WITH_UNDERSCORES: 'underscores' },
  },
  {
    source: 'TestSubstitutions (fixtures/substitutions.env)',
    text: fixtures['substitutions.env'],
    values: { OPTION_A: '1', OPTION_B: '1', OPTION_C: '1', OPTION_D: '1_1', OPTION_E: '' },
  },
  // the environment comes before the file's own earlier lines when a value is interpolated
  {
    source: 'TestSubstitutionsWithEnvFilePrecedence (fixtures/substitutions.env)',
    text: fixtures['substitutions.env'],
    env: { OPTION_A: '5' },
    values: { OPTION_A: '1', OPTION_B: '5', OPTION_C: '5', OPTION_D: '5_5', OPTION_E: '' },
  },
  {
    source: 'TestSubstitutionsWithEnvFileDefaultValuePrecedence (fixtures/substitutions-default.env)',
    text: fixtures['substitutions-default.env'],
    env: { OPTION_A: '5' },
    values: { OPTION_A: '5', OPTION_B: '5', OPTION_C: '5', OPTION_D: '5_5', OPTION_E: '' },
  },
  {
    source: 'TestSubstitutionsWithUnsetVarEnvFileDefaultValuePrecedence (fixtures/substitutions-default.env)',
    text: fixtures['substitutions-default.env'],
    env: {},
    values: { OPTION_A: '1', OPTION_B: '1', OPTION_C: '1', OPTION_D: '1_1', OPTION_E: '' },
  },
  // a bare name takes its value from the environment, and is not set at all when the environment has none
  {
    source: 'TestInheritedEnvVariableSameSize (fixtures/inherited-multi-var.env)',
    text: fixtures['inherited-multi-var.env'],
    env: { VAR_TO_BE_LOADED_FROM_OS_ENV: 'SOME_RANDOM_VALUE' },
    values: { foo: 'bar', VAR_TO_BE_LOADED_FROM_OS_ENV: 'SOME_RANDOM_VALUE', bar: 'baz' },
  },
  {
    source: 'TestInheritedEnvVariableSingleVar (fixtures/inherited-single-var.env)',
    text: fixtures['inherited-single-var.env'],
    env: { VAR_TO_BE_LOADED_FROM_OS_ENV: 'SOME_RANDOM_VALUE' },
    values: { VAR_TO_BE_LOADED_FROM_OS_ENV: 'SOME_RANDOM_VALUE' },
  },
  { source: 'TestInheritedEnvVariableNotFound (fixtures/inherited-not-found.env)', text: fixtures['inherited-not-found.env'], values: {} },
  { source: 'TestInheritedEnvVariableNotFoundWithLookup', text: fixtures['inherited-not-found.env'], env: { OTHER: 'x' }, values: {} },
  // the first error stops compose; its line number counts the multi-line value's lines
  { source: 'TestErrorParsing (fixtures/invalid1.env)', text: fixtures['invalid1.env'], error: 'line 7: key cannot contain a space' },
  {
    source: 'TestParseBytes',
    text: '\na=b\na[1]=c\na.propertyKey=d\nárvíztűrő-TÜKÖRFÚRÓGÉP=ÁRVÍZTŰRŐ-tükörfúrógép\n',
    values: { a: 'b', 'a[1]': 'c', 'a.propertyKey': 'd', 'árvíztűrő-TÜKÖRFÚRÓGÉP': 'ÁRVÍZTŰRŐ-tükörfúrógép' },
  },
  { source: 'TestParseVariable', text: '%!(EXTRA string)=foo', error: 'line 1: unexpected character "%" in variable name "%!(EXTRA string)=foo"' },
  { source: 'TestParse', text: 'ONE=1\nTWO=\'2\'\nTHREE = "3"', values: { ONE: '1', TWO: '2', THREE: '3' } },
  { source: 'TestExpandingEnvironmentWithLookup', text: 'TEST=$ME', env: { ME: 'YES' }, values: { TEST: 'YES' } },
  {
    source: 'TestVariableStringValueSeparator',
    text: 'TEST_URLS="stratum+tcp://stratum.antpool.com:3333\nstratum+tcp://stratum.antpool.com:443"',
    values: { TEST_URLS: 'stratum+tcp://stratum.antpool.com:3333\nstratum+tcp://stratum.antpool.com:443' },
  },
  // TestExpanding
  { source: 'TestExpanding: expands variables found in values', text: 'FOO=test\nBAR=$FOO', values: { FOO: 'test', BAR: 'test' } },
  { source: 'TestExpanding: parses variables wrapped in brackets', text: 'FOO=test\nBAR=${FOO}bar', values: { FOO: 'test', BAR: 'testbar' } },
  { source: 'TestExpanding: expands undefined variables to an empty string', text: 'BAR=$FOO', values: { BAR: '' } },
  { source: 'TestExpanding: expands variables in double quoted strings', text: 'FOO=test\nBAR="quote $FOO"', values: { FOO: 'test', BAR: 'quote test' } },
  { source: 'TestExpanding: does not expand variables in single quoted strings', text: "BAR='quote $FOO'", values: { BAR: 'quote $FOO' } },
  { source: 'TestExpanding: does not expand escaped variables 1', text: 'FOO="foo\\$BAR"', values: { FOO: 'foo$BAR' } },
  { source: 'TestExpanding: does not expand escaped variables 2', text: 'FOO="foo\\${BAR}"', values: { FOO: 'foo${BAR}' } },
  { source: 'TestExpanding: does not expand escaped variables 3', text: 'FOO=test\nBAR="foo\\${FOO} ${FOO}"', values: { FOO: 'test', BAR: 'foo${FOO} test' } },
  // TestParsing: each row parseAndCompare(input, key, value)
  ...(
    [
      ['FOO=bar', 'FOO', 'bar'],
      ['FOO =bar', 'FOO', 'bar'],
      ['FOO= bar', 'FOO', 'bar'],
      ['FOO="bar"', 'FOO', 'bar'],
      ["FOO='bar'", 'FOO', 'bar'],
      ['FOO="escaped\\"bar"', 'FOO', 'escaped"bar'],
      ['FOO="\\"quoted\\""', 'FOO', '"quoted"'],
      [`FOO="'d'"`, 'FOO', "'d'"],
      ['OPTION_A: 1', 'OPTION_A', '1'],
      ['OPTION_A: Foo=bar', 'OPTION_A', 'Foo=bar'],
      ['OPTION_A=1:B', 'OPTION_A', '1:B'],
      ['export OPTION_A=2', 'OPTION_A', '2'],
      ["export OPTION_B='\\n'", 'OPTION_B', '\\n'],
      ['export exportFoo=2', 'exportFoo', '2'],
      ['exportFOO=2', 'exportFOO', '2'],
      ['export_FOO =2', 'export_FOO', '2'],
      ['export.FOO= 2', 'export.FOO', '2'],
      ['export\tOPTION_A=2', 'OPTION_A', '2'],
      ['  export OPTION_A=2', 'OPTION_A', '2'],
      ['\texport OPTION_A=2', 'OPTION_A', '2'],
      ['export OPTION_A="export A"', 'OPTION_A', 'export A'],
      ['FOO="bar\\nbaz"', 'FOO', 'bar\nbaz'],
      ['FOO=a\\tb', 'FOO', 'a\\tb'],
      ['FOO="a\\tb"', 'FOO', 'a\tb'],
      ['KEY="Z\\aZ\\bZ\\fZ\\nZ\\rZ\\tZ\\vZ\\\\Z\\0123Z"', 'KEY', 'Z\x07Z\bZ\fZ\nZ\rZ\tZ\vZ\\ZSZ'],
      ['FOO.BAR=foobar', 'FOO.BAR', 'foobar'],
      ['FOO=foobar=', 'FOO', 'foobar='],
      ['FOO=bar ', 'FOO', 'bar'],
      ['FOO=bar # this is foo', 'FOO', 'bar'],
      ['FOO=bar #this is foo', 'FOO', 'bar'],
      ['FOO=bar #', 'FOO', 'bar'],
      ['FOO=123#not-an-inline-comment', 'FOO', '123#not-an-inline-comment'],
      ['FOO="bar#baz"', 'FOO', 'bar#baz'],
      ['FOO="bar#baz"#', 'FOO', 'bar#baz'],
      ['FOO="bar#baz" # comment', 'FOO', 'bar#baz'],
      ["FOO='bar#baz' # comment", 'FOO', 'bar#baz'],
      ['FOO="bar#baz#bang" # comment', 'FOO', 'bar#baz#bang'],
      ['FOO="ba#r"', 'FOO', 'ba#r'],
      ["FOO='ba#r'", 'FOO', 'ba#r'],
      ['FOO="bar\\n\\ b\\az"', 'FOO', 'bar\n\\ b\x07z'],
      ['FOO="bar\\\\\\n\\ b\\az"', 'FOO', 'bar\\\n\\ b\x07z'],
      ['FOO="bar\\\\r\\ b\\az"', 'FOO', 'bar\\r\\ b\x07z'],
      ['FOO="bar\\nbaz\\\\"', 'FOO', 'bar\nbaz\\'],
      ['="value"', '', 'value'],
      [' KEY =value', 'KEY', 'value'],
      ['   KEY=value', 'KEY', 'value'],
      ['\tKEY=value', 'KEY', 'value'],
      ['KEY="\\0123"', 'KEY', 'S'],
      ['KEY="\\x07"', 'KEY', '\\x07'],
      ['KEY="\\u12e4"', 'KEY', '\\u12e4'],
      ['KEY="\\U00101234"', 'KEY', '\\U00101234'],
    ] as const
  ).map(([text, key, value]): FileCase => ({ source: 'TestParsing', text, some: { [key]: value } })),
  { source: 'TestParsing: an incorrect line format', text: 'lol$wut', error: 'line 1: unexpected character "$" in variable name "lol$wut"' },
  // TestUnterminatedQuotes
  ...['KEY="', 'KEY="value', 'KEY="value\\"', `KEY="value'`, "KEY='", "KEY='value", "KEY='value\\'", `KEY='value"`].map(
    (text): FileCase => ({ source: 'TestUnterminatedQuotes', text, error: `line 1: unterminated quoted value ${text.slice(4)}` }),
  ),
  // TestLinesToIgnore
  ...['\n', '\r\n', '\t\t ', '# Comment', '\t # comment'].map((text): FileCase => ({ source: 'TestLinesToIgnore', text, values: {} })),

  // Beyond compose-go's tests; expectations from compose-go's parser run on the same input.
  // A last line with neither `=` nor a line break is the value of the empty name, not a name from the environment.
  { source: 'quirk: last bare line', text: 'A=1\nFOO', env: { FOO: 'env' }, values: { A: '1', '': 'FOO' } },
  { source: 'quirk: last line with a space and no `=`', text: 'INVALID LINE', values: { '': 'INVALID LINE' } },
  { source: 'quirk: the same line with a line break', text: 'INVALID LINE\n', error: 'line 1: key cannot contain a space' },
  // A bare name is looked up in the environment, then in the file's earlier lines.
  { source: 'quirk: bare name after a definition', text: 'A=1\nA\n', values: { A: '1' } },
  { source: 'quirk: bare name in the environment', text: 'A=1\nA\n', env: { A: 'env' }, values: { A: 'env' } },
  // An inline comment needs a space before `#`; a tab does not do.
  { source: 'quirk: only a space starts a comment', text: 'K=a\t#b\n', values: { K: 'a\t#b' } },
  { source: 'quirk: a value that starts with #', text: 'KEY=  # comment\n', values: { KEY: '# comment' } },
  // What follows a closing quote is the next statement.
  { source: 'quirk: two entries on a line', text: 'K="x" y=1\n', values: { K: 'x', y: '1' } },
  { source: 'quirk: two entries on a line, single-quoted', text: "K='a'b=c\n", values: { K: 'a', b: 'c' } },
  // Space characters inside a name are kept; only the ASCII space is refused.
  { source: 'quirk: a tab inside a name', text: 'MY\tKEY=1\n', values: { 'MY\tKEY': '1' } },
  // `export` followed by a line break exports the empty name.
  { source: 'quirk: export alone', text: 'export\nZ=1\n', env: { '': 'empty' }, values: { '': 'empty', Z: '1' } },
  { source: 'quirk: export at the end', text: 'export ', error: 'zero length string' },
  // The name ends at the first `=` or `:`.
  { source: 'quirk: colon before equals', text: 'A:B=C\n', values: { A: 'B=C' } },
  { source: 'quirk: YAML style with a URL', text: 'URL: http://x:80/\n', values: { URL: 'http://x:80/' } },
  // After a bare name with a space before its line break compose does not count that line.
  { source: 'quirk: line count', text: 'FOO \nBAR="unterminated\nX=1\nY=2', error: 'line 3: unterminated quoted value "unterminated' },
  { source: 'quirk: line count after a multi-line value', text: 'A="one\ntwo"\nbad key=1\n', error: 'line 3: key cannot contain a space' },
  // Escapes: `\0` without three octal digits loses its 0; in single quotes only `\'` is special.
  {
    source: 'quirk: short octal escapes',
    text: 'A="\\0"\nB="\\01"\nC="\\0999"\nD="\\0400"\nE="\\0377"\nF="\\c"',
    values: { A: '\\', B: '\\1', C: '\\999', D: '\\400', E: 'ÿ', F: '\\c' },
  },
  {
    source: 'quirk: backslashes in quotes',
    text: "A='it\\'s'\nB='a\\\\b'\nC=\"a\\\\b\"\nD='\\n'\nE=x\\\n",
    values: { A: "it's", B: 'a\\\\b', C: 'a\\b', D: '\\n', E: 'x\\' },
  },
  // A variable refers to the file's lines above, and to the environment first.
  { source: 'redefinition', text: 'A=1\nB=${A}\nA=2\nC=${A}\n', values: { A: '2', B: '1', C: '2' } },
  { source: 'redefinition under an environment', text: 'A=1\nB=${A}\nA=2\nC=${A}\n', env: { A: 'env' }, values: { A: '2', B: 'env', C: 'env' } },
  { source: 'self-reference', text: 'PATH=/a\nPATH=${PATH}:/b\n', values: { PATH: '/a:/b' } },
  { source: 'a required variable', text: 'A=${B:?need B}\n', error: 'required variable B is missing a value: need B' },
  { source: 'an invalid template', text: 'A="${"\n', error: 'Invalid template: "${"' },
  { source: 'a second BOM', text: '\ufeffA=1\n\ufeffB=2\n', error: 'line 2: unexpected character "\\ufeff" in variable name "\\ufeffB=2"' },
  { source: 'CRLF', text: 'export  A = \'x\' # c\r\nB="y"\r\nC=z \r\n', values: { A: 'x', B: 'y', C: 'z' } },
];

describe('parseEnvFile: as compose-go dotenv reads a file', () => {
  for (const c of files) {
    it(`${c.source}: ${JSON.stringify(c.text.length > 60 ? `${c.text.slice(0, 60)}…` : c.text)}`, () => {
      const env = c.env;
      const file = parseEnvFile(c.text, env ? (name) => env[name] : undefined);
      assert.equal(errorsOf(file)[0], c.error);
      if (c.values) assert.deepEqual(valuesOf(file), c.values);
      if (c.some) for (const [key, value] of Object.entries(c.some)) assert.equal(valuesOf(file)[key], value);
    });
  }

  it('reads every fixture the same with CRLF line ends (values compared with \\r\\n as \\n, as loadEnvAndCompareValues does)', () => {
    for (const c of files) {
      if (c.error || !c.values || c.text.includes('\r')) continue;
      const env = c.env;
      const file = parseEnvFile(c.text.replace(/\n/g, '\r\n'), env ? (name) => env[name] : undefined);
      assert.deepEqual(errorsOf(file), [], c.source);
      const values = Object.fromEntries(Object.entries(valuesOf(file)).map(([key, value]) => [key, value.replace(/\r\n/g, '\n')]));
      assert.deepEqual(values, c.values, c.source);
    }
  });

  it('TestMultipleFiles: a later file sees the earlier files, after the environment and its own lines', () => {
    const base = '\nENV_HOSTNAME=localhost\nENV_MY_URL="http://${ENV_HOSTNAME}"\n';
    const override = '\nENV_HOSTNAME=dev.my-company.com\nENV_MY_URL="http://${ENV_HOSTNAME}"\n';
    const load = (env: Record<string, string>) => {
      const values: Record<string, string> = {};
      for (const text of [base, override]) Object.assign(values, valuesOf(parseEnvFile(text, (name) => env[name], { previous: (name) => values[name] })));
      return values;
    };
    assert.deepEqual(load({}), { ENV_HOSTNAME: 'dev.my-company.com', ENV_MY_URL: 'http://dev.my-company.com' });
    assert.deepEqual(load({ ENV_HOSTNAME: 'host.local' }), { ENV_HOSTNAME: 'dev.my-company.com', ENV_MY_URL: 'http://host.local' });
    // a bare name finds an earlier file's value too
    assert.deepEqual(valuesOf(parseEnvFile('A\n', undefined, { previous: (name) => (name === 'A' ? 'from a.env' : undefined) })), { A: 'from a.env' });
  });

  it('TestMemoryExplosion: 1000 lines give 1000 entries', () => {
    const text = Array.from({ length: 1000 }, (_, i) => `KEY${i}=VALUE${i}`).join('\n');
    const file = parseEnvFile(text);
    assert.equal(file.entries.length, 1000);
    assert.deepEqual(file.problems, []);
  });
});

describe('parseEnvFile: where everything is', () => {
  /** Each entry: name, line, and the text of its name, value and whole spans, and of each use's span. */
  type Placed = [name: string, line: number, nameText: string, valueText: string, spanText: string, uses?: string[]];
  const placedOf = (text: string, file: EnvFile): Placed[] =>
    file.entries.map((entry) => {
      const placed: Placed = [
        entry.name,
        entry.line,
        text.slice(entry.nameSpan.start, entry.nameSpan.end),
        text.slice(entry.valueSpan.start, entry.valueSpan.end),
        text.slice(entry.span.start, entry.span.end),
      ];
      if (entry.uses.length) placed.push(entry.uses.map((use) => text.slice(use.span.start, use.span.end)));
      return placed;
    });

  const cases: { text: string; env?: Record<string, string>; placed: Placed[] }[] = [
    {
      text: '\ufeff# settings\r\nexport  HOST = example.com # the host\r\nPORT: 8080\r\n\r\n  URL="http://${HOST}:$PORT/"\r\n',
      placed: [
        ['HOST', 1, 'HOST', 'example.com', 'export  HOST = example.com'],
        ['PORT', 2, 'PORT', '8080', 'PORT: 8080'],
        ['URL', 4, 'URL', '"http://${HOST}:$PORT/"', 'URL="http://${HOST}:$PORT/"', ['${HOST}', '$PORT']],
      ],
    },
    {
      // the uses of a double-quoted value point at the text as written, through its escapes
      text: 'A="\\t${B:-x}\\$C\\n\n$D ${E}"\nF=\'$G\'\nH=$I # c',
      placed: [
        ['A', 0, 'A', '"\\t${B:-x}\\$C\\n\n$D ${E}"', 'A="\\t${B:-x}\\$C\\n\n$D ${E}"', ['${B:-x}', '$D', '${E}']],
        ['F', 2, 'F', "'$G'", "F='$G'"],
        ['H', 3, 'H', '$I', 'H=$I', ['$I']],
      ],
    },
    {
      text: 'EMPTY=\nQUOTED=""\nINHERITED\n',
      env: { INHERITED: 'x' },
      placed: [
        ['EMPTY', 0, 'EMPTY', '', 'EMPTY='],
        ['QUOTED', 1, 'QUOTED', '""', 'QUOTED=""'],
        ['INHERITED', 2, 'INHERITED', '', 'INHERITED'],
      ],
    },
  ];

  for (const c of cases) {
    it(JSON.stringify(c.text), () => {
      const env = c.env;
      const file = parseEnvFile(c.text, env ? (name) => env[name] : undefined);
      assert.deepEqual(
        file.problems.filter((problem) => problem.severity === 'error'),
        [],
      );
      assert.deepEqual(placedOf(c.text, file), c.placed);
    });
  }

  it('reports a use as set or not, with its value', () => {
    const file = parseEnvFile('A=1\nB=${A}-${C:-c}-$D\n', (name) => (name === 'D' ? '' : undefined));
    assert.deepEqual(
      file.entries[1].uses.map(({ name, set, value, operator }) => ({ name, set, value, operator })),
      [
        { name: 'A', set: true, value: '1', operator: undefined },
        { name: 'C', set: false, value: undefined, operator: ':-' },
        { name: 'D', set: true, value: '', operator: undefined },
      ],
    );
    assert.equal(file.entries[1].value, '1-c-');
  });

  /** Each problem: severity/code, the text of its span, and a part of its message. */
  const problemCases: { text: string; problems: [kind: string, spanText: string, message: string][] }[] = [
    {
      text: 'A=1\nB=2\nA=3\n',
      problems: [['warning/duplicate', 'A=1', 'A is defined twice; line 3 wins']],
    },
    // a redefinition that uses the earlier value is on purpose
    { text: 'PATH=/a\nPATH=$PATH:/b\n', problems: [] },
    {
      text: 'K="x" y=1\n',
      problems: [['warning/after-quote', 'y=1', 'compose reads the text after the closing quote as another entry']],
    },
    { text: '=value\n', problems: [['warning/empty-name', '=value', 'no variable name']] },
    { text: 'A=1\nLAST', problems: [['warning/empty-name', 'LAST', 'no "=" and no line break after it']] },
    { text: 'FROM_SHELL\n', problems: [['warning/not-inherited', 'FROM_SHELL', 'FROM_SHELL has no "="']] },
    // errors: compose's message, the line's span, and parsing goes on with the next line
    {
      text: 'lol$wut=1\nA=1\nmy key=2\r\nB="open\nC=${D:?set D} ${\n',
      problems: [
        ['error/syntax', 'lol$wut=1', 'line 1: unexpected character "$" in variable name "lol$wut=1"'],
        ['error/syntax', 'my key=2', 'line 3: key cannot contain a space'],
        // compose's scan for the closing quote runs to the end of the text, and its message names the line it ended on
        ['error/syntax', 'B="open', 'line 6: unterminated quoted value "open'],
        ['error/required', '${D:?set D}', 'required variable D is missing a value: set D'],
        ['error/format', '${', 'Invalid template: "${D:?set D} ${"'],
      ],
    },
  ];

  for (const c of problemCases) {
    it(`problems of ${JSON.stringify(c.text)}`, () => {
      const file = parseEnvFile(c.text);
      assert.equal(file.problems.length, c.problems.length, JSON.stringify(file.problems));
      file.problems.forEach((problem, i) => {
        const [kind, spanText, message] = c.problems[i];
        assert.equal(`${problem.severity}/${problem.code}`, kind);
        assert.equal(c.text.slice(problem.span.start, problem.span.end), spanText);
        assert.ok(problem.message.includes(message), `${problem.message} should include ${message}`);
      });
    });
  }

  it('still reads the lines after an error', () => {
    const file = parseEnvFile('lol$wut=1\nA=1\nmy key=2\nB="open\nC=3\n');
    assert.deepEqual(valuesOf(file), { A: '1', C: '3' });
  });
});

describe('parseEnvFile: robustness', () => {
  it('never throws on random text, and keeps every span inside it', () => {
    const random = prng(11);
    const alphabet = ['A', 'B', '=', ':', ' ', '\t', '\n', '\r', '#', '"', "'", '\\', '$', '{', '}', '-', 'export ', 'é', '\ufeff', '\ud83d', '\0', '\u00a0'];
    for (let n = 0; n < 3000; n++) {
      let text = '';
      const length = Math.floor(random() * 60);
      for (let i = 0; i < length; i++) text += alphabet[Math.floor(random() * alphabet.length)];
      const file = parseEnvFile(text, (name) => (name === 'A' ? 'a' : undefined));
      const inside = (span: { start: number; end: number }) => span.start >= 0 && span.start <= span.end && span.end <= text.length;
      for (const entry of file.entries) {
        assert.ok(inside(entry.span) && inside(entry.nameSpan) && inside(entry.valueSpan), JSON.stringify(text));
        assert.ok(entry.span.start <= entry.nameSpan.start && entry.valueSpan.end <= entry.span.end, JSON.stringify(text));
        for (const use of entry.uses)
          assert.ok(inside(use.span) && use.span.start >= entry.valueSpan.start && use.span.end <= entry.valueSpan.end, JSON.stringify(text));
      }
      for (const problem of file.problems) assert.ok(inside(problem.span), JSON.stringify(text));
    }
  });

  it('never throws on random bytes decoded as UTF-8', () => {
    const random = prng(12);
    for (let n = 0; n < 200; n++) {
      const bytes = Uint8Array.from({ length: Math.floor(random() * 400) }, () => Math.floor(random() * 256));
      const file = parseEnvFile(new TextDecoder().decode(bytes));
      assert.ok(Array.isArray(file.entries));
    }
  });

  it('completes on 1 MB files of hostile lines', () => {
    const megabyte = (unit: string) => unit.repeat(Math.ceil((1 << 20) / unit.length));
    const texts = [
      megabyte('KEY=value\n'),
      `A=${megabyte('x')}`,
      megabyte('A=1\n'),
      megabyte('$$$\n'),
      megabyte('A="\n'),
      `A="${megabyte('x\n')}`,
      `A="${megabyte('\\n\\0123\\$')}"`,
      megabyte('FOO \n'),
      megabyte('export   \n'),
      `A=${megabyte('${A:-{')}}`,
      `A="${'${A:-'.repeat(50_000)}${'}'.repeat(50_000)}"`,
    ];
    for (const text of texts) {
      const file = parseEnvFile(text, () => undefined);
      assert.ok(file.entries.length + file.problems.length > 0);
    }
  });
});
