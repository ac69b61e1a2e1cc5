/**
 * Which parts of a compose value are variables compose substitutes (Docker Compose reference, "Interpolation"):
 * `$NAME` and `${...}` with every operator and nesting are; `$$` (a literal `$`), `$1`, `$-` and a lone `$` are not.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { prng } from '../testing/prng';
import { interpolate, isInterpolated, maskVariables, variableSpans } from './interpolation';

/** Each case: the value, and the text of every variable expression in it (empty: none). */
const cases: [value: string, variables: string[]][] = [
  ['nat', []],
  ['${ISOLATION}', ['${ISOLATION}']],
  ['$ISOLATION', ['$ISOLATION']],
  ['$_under_score9/x', ['$_under_score9']],
  ['${DRIVER:-transparent}', ['${DRIVER:-transparent}']],
  ['${A-default} ${B:?required} ${C?required} ${D:+alt} ${E+alt}', ['${A-default}', '${B:?required}', '${C?required}', '${D:+alt}', '${E+alt}']],
  ['${A:-${B:-${C}}}:80', ['${A:-${B:-${C}}}']],
  ['${BIND_IP:-127.0.0.1}:${PORT}:80/${PROTO}', ['${BIND_IP:-127.0.0.1}', '${PORT}', '${PROTO}']],
  ['$$', []],
  ['$${NOT_A_VARIABLE}', []],
  ['$$NOT_A_VARIABLE', []],
  ['$$$REAL', ['$REAL']],
  ['$$${REAL}', ['${REAL}']],
  ['cost: $5', []],
  ['$-x', []],
  ['trailing $', []],
  ['${UNCLOSED', ['${UNCLOSED']],
  ['a$B.c', ['$B']],
];

describe('compose variables', () => {
  for (const [value, variables] of cases) {
    it(`${JSON.stringify(value)}: ${variables.length ? variables.join(', ') : 'no variable'}`, () => {
      assert.deepEqual(
        variableSpans(value).map((s) => value.slice(s.start, s.end)),
        variables,
      );
      assert.equal(isInterpolated(value), variables.length > 0);
    });
  }

  it('only strings interpolate', () => {
    for (const value of [null, undefined, 8080, true, { $ref: '${X}' }]) assert.equal(isInterpolated(value), false);
  });

  it('masking keeps the length and every character outside a variable', () => {
    for (const [value] of cases) {
      const masked = maskVariables(value);
      assert.equal(masked.length, value.length);
      const spans = variableSpans(value);
      for (let i = 0; i < value.length; i++) {
        const inside = spans.some((s) => i >= s.start && i < s.end);
        assert.equal(masked[i], inside ? '\0' : value[i], `${JSON.stringify(value)} at ${i}`);
      }
    }
  });
});

/**
 * `interpolate` against compose-go's own tests (compose-spec/compose-go e70e961c, `template/template_test.go` unless
 * said otherwise; the Go test each row comes from is named beside it), then the corners of compose-go's pattern that its
 * tests do not reach, whose expectations were taken from compose-go's code run on the same input.
 */
describe('interpolate: as compose-go template.Substitute', () => {
  /** template_test.go `defaults`. */
  const defaults: Record<string, string> = { FOO: 'first', BAR: '', JSON: '{"json":2}' };

  interface Row {
    template: string;
    /** the environment; template_test.go's `defaults` when absent */
    env?: Record<string, string>;
    /** what compose-go returns as the result, beside an error too */
    value: string;
    /** the first problem's message, which is the error compose-go returns */
    error?: string;
    /** the variables compose warns about ("The "X" variable is not set. Defaulting to a blank string.") */
    warned?: string[];
  }

  const rows: Row[] = [
    // TestEscaped, TestSubstituteNoMatch, TestUnescaped
    { template: '$${foo}', value: '${foo}' },
    { template: 'foo', value: 'foo' },
    { template: 'a $ string', value: 'a $ string' },
    { template: '^REGEX$', value: '^REGEX$' },
    { template: '$}', value: '$}' },
    { template: '$', value: '$' },
    // TestInvalid: every one is an "Invalid template"; compose drops the `${` and goes on
    { template: '${', value: '', error: 'Invalid template: "${"' },
    { template: '${}', value: '}', error: 'Invalid template: "${}"' },
    { template: '${ }', value: ' }', error: 'Invalid template: "${ }"' },
    { template: '${ foo}', value: ' foo}', error: 'Invalid template: "${ foo}"' },
    { template: '${foo }', value: 'foo }', error: 'Invalid template: "${foo }"' },
    { template: '${foo!}', value: 'foo!}', error: 'Invalid template: "${foo!}"' },
    // TestNonBraced (docker/compose#8601): the name stops at `-`
    { template: '$FOO-bar', value: 'first-bar' },
    // TestNoValueNoDefault: unset and empty both give nothing; only the unset one is warned about
    { template: 'This ${missing} var', value: 'This  var', warned: ['missing'] },
    { template: 'This ${BAR} var', value: 'This  var' },
    // TestValueNoDefault, TestNoValueWithDefault
    { template: 'This $FOO var', value: 'This first var' },
    { template: 'This ${FOO} var', value: 'This first var' },
    { template: 'ok ${missing:-def}', value: 'ok def' },
    { template: 'ok ${missing-def}', value: 'ok def' },
    // TestLazyDefaultDoesNotWarn, TestLazyDefaultWarnsWhenUsed, TestLazyRequiredMessageDoesNotWarn
    { template: '${A:+${A},}B', value: 'B' },
    { template: '${A:-${B}}', value: '', warned: ['B'] },
    { template: '${A?${B}}', env: { A: 'value' }, value: 'value' },
    // TestEmptyValueWithSoftDefault, TestValueWithSoftDefault, TestEmptyValueWithHardDefault
    { template: 'ok ${BAR:-def}', value: 'ok def' },
    { template: 'ok ${FOO:-def}', value: 'ok first' },
    { template: 'ok ${BAR-def}', value: 'ok ' },
    // TestPresentValueWithUnset(2), TestPresentValueWithNonEmpty, TestPresentValueAndNonEmptyWithNonEmpty,
    // TestPresentValueWithSet, TestPresentValueAndNotEmptyWithSet
    { template: 'ok ${UNSET_VAR:+presence_value}', value: 'ok ' },
    { template: 'ok ${UNSET_VAR+presence_value}', value: 'ok ' },
    { template: 'ok ${FOO:+presence_value}', value: 'ok presence_value' },
    { template: 'ok ${FOO+presence_value}', value: 'ok presence_value' },
    { template: 'ok ${BAR+presence_value}', value: 'ok presence_value' },
    { template: 'ok ${BAR:+presence_value}', value: 'ok ' },
    // TestNonAlphanumericDefault
    { template: 'ok ${BAR:-/non:-alphanumeric}', value: 'ok /non:-alphanumeric' },
    // TestInterpolationExternalInterference: text outside the expression does not choose its operator
    { template: '-ok ${BAR:-defaultValue}', value: '-ok defaultValue' },
    { template: '+ok ${UNSET:-${BAR-defaultValue}}', value: '+ok ' },
    { template: '-ok ${FOO:-defaultValue}', value: '-ok first' },
    { template: ':-ok ${UNSET-defaultValue}', value: ':-ok defaultValue' },
    { template: ':-ok ${BAR-defaultValue}', value: ':-ok ' },
    { template: ':?ok ${BAR-defaultValue}', value: ':?ok ' },
    { template: ':?ok ${BAR:-defaultValue}', value: ':?ok defaultValue' },
    { template: ':+ok ${BAR:-defaultValue}', value: ':+ok defaultValue' },
    { template: '+ok ${BAR-defaultValue}', value: '+ok ' },
    { template: '?ok ${BAR:-defaultValue}', value: '?ok defaultValue' },
    // TestDefaultsWithNestedExpansion
    { template: 'ok ${UNSET_VAR-$FOO}', value: 'ok first' },
    { template: 'ok ${UNSET_VAR-${FOO}}', value: 'ok first' },
    { template: 'ok ${UNSET_VAR-${FOO} ${FOO}}', value: 'ok first first' },
    { template: 'ok ${BAR:-$FOO}', value: 'ok first' },
    { template: 'ok ${BAR:-${FOO}}', value: 'ok first' },
    { template: 'ok ${BAR:-${FOO} ${FOO}}', value: 'ok first first' },
    { template: 'ok ${BAR+$FOO}', value: 'ok first' },
    { template: 'ok ${BAR+$FOO ${FOO:+second}}', value: 'ok first second' },
    // TestMandatoryVariableErrors
    {
      template: 'not ok ${UNSET_VAR:?Mandatory Variable Unset}',
      value: 'not ok ',
      error: 'required variable UNSET_VAR is missing a value: Mandatory Variable Unset',
    },
    { template: 'not ok ${BAR:?Mandatory Variable Empty}', value: 'not ok ', error: 'required variable BAR is missing a value: Mandatory Variable Empty' },
    { template: 'not ok ${UNSET_VAR:?}', value: 'not ok ', error: 'required variable UNSET_VAR is missing a value' },
    {
      template: 'not ok ${UNSET_VAR?Mandatory Variable Unset}',
      value: 'not ok ',
      error: 'required variable UNSET_VAR is missing a value: Mandatory Variable Unset',
    },
    { template: 'not ok ${UNSET_VAR?}', value: 'not ok ', error: 'required variable UNSET_VAR is missing a value' },
    // TestMandatoryVariableErrorsWithNestedExpansion
    {
      template: 'not ok ${UNSET_VAR:?Mandatory Variable ${FOO}}',
      value: 'not ok ',
      error: 'required variable UNSET_VAR is missing a value: Mandatory Variable first',
    },
    {
      template: 'not ok ${UNSET_VAR?Mandatory Variable ${FOO}}',
      value: 'not ok ',
      error: 'required variable UNSET_VAR is missing a value: Mandatory Variable first',
    },
    // TestDefaultsForMandatoryVariables
    { template: 'ok ${FOO:?err}', value: 'ok first' },
    { template: 'ok ${FOO?err}', value: 'ok first' },
    { template: 'ok ${BAR?err}', value: 'ok ' },
    // TestSubstituteWithReplacementFunc, its last case
    { template: 'ok ${SUBDOMAIN:-redis}.${FOO:?}', value: 'ok redis.first' },
    // TestPrecedence: the operator is the first one after the name
    { template: '${UNSET_VAR?bar-baz}', value: '', error: 'required variable UNSET_VAR is missing a value: bar-baz' },
    { template: '${UNSET_VAR-myerror?msg}', value: 'myerror?msg' },
    { template: '${FOO?bar-baz}', value: 'first' },
    { template: '${BAR:-default_value_for_empty_var}', value: 'default_value_for_empty_var' },
    { template: '${UNSET_VAR-default_value_for_unset_var}', value: 'default_value_for_unset_var' },
    // TestSubstitutionFunctionChoice, as behaviour: the operator chosen shows in what the expression gives
    { template: '${VARNAME:?val?ue}', value: '', error: 'required variable VARNAME is missing a value: val?ue' },
    { template: '${VARNAME?val:?ue}', value: '', error: 'required variable VARNAME is missing a value: val:?ue' },
    { template: '${VARNAME?va-lu+e:?e}', value: '', error: 'required variable VARNAME is missing a value: va-lu+e:?e' },
    { template: '${VARNAME?va+lu-e:?e}', value: '', error: 'required variable VARNAME is missing a value: va+lu-e:?e' },
    { template: '${VARNAME:-value}', value: 'value' },
    { template: '${VARNAME-va:-lu:?e}', value: 'va:-lu:?e' },
    { template: '${VARNAME-va+lu?e}', value: 'va+lu?e' },
    { template: '${VARNAME-va?lu+e}', value: 'va?lu+e' },
    { template: '${VARNAME:+va:?lu:-e}', env: { VARNAME: 'set' }, value: 'va:?lu:-e' },
    { template: '${VARNAME+va:+lue}', env: { VARNAME: '' }, value: 'va:+lue' },
    { template: '${VARNAME+va?lu-e}', env: { VARNAME: '' }, value: 'va?lu-e' },
    { template: '${VARNAME+va-lu?e}', env: { VARNAME: '' }, value: 'va-lu?e' },
    // TestNoValueWithCurlyBracesDefault, TestValueWithCurlyBracesDefault
    { template: 'ok ${missing:-{"json":1}}', value: 'ok {"json":1}' },
    { template: 'ok ${missing-{"json":1}}', value: 'ok {"json":1}' },
    { template: 'ok ${JSON:-{"json":1}}', value: 'ok {"json":2}' },
    { template: 'ok ${JSON-{"json":1}}', value: 'ok {"json":2}' },
    // dotenv/godotenv_var_expansion_test.go (TestExpandIfEmptyOrUnset, TestExpandIfUnset, TestErrorIfEmptyOrUnset,
    // TestErrorIfUnset), with its env map. Its expectations on error are expandVariables' (the text unchanged);
    // template.Substitute's own result is what is asserted here.
    ...(() => {
      const env = { EMPTY_VAR: '', TEST_VAR: 'Test Value' };
      return [
        { template: 'RESULT=${UNSET_VAR:-Default Value}', env, value: 'RESULT=Default Value' },
        { template: 'RESULT=${EMPTY_VAR:-Default Value}', env, value: 'RESULT=Default Value' },
        { template: 'RESULT=${TEST_VAR:-Default Value}', env, value: 'RESULT=Test Value' },
        { template: 'RESULT=${UNSET_VAR-Default Value}', env, value: 'RESULT=Default Value' },
        { template: 'RESULT=${EMPTY_VAR-Default Value}', env, value: 'RESULT=' },
        { template: 'RESULT=${TEST_VAR-Default Value}', env, value: 'RESULT=Test Value' },
        { template: 'RESULT=${UNSET_VAR:?Test error}', env, value: 'RESULT=', error: 'required variable UNSET_VAR is missing a value: Test error' },
        { template: 'RESULT=${EMPTY_VAR:?Test error}', env, value: 'RESULT=', error: 'required variable EMPTY_VAR is missing a value: Test error' },
        { template: 'RESULT=${TEST_VAR:?Default Value}', env, value: 'RESULT=Test Value' },
        { template: 'RESULT=${UNSET_VAR?Test error}', env, value: 'RESULT=', error: 'required variable UNSET_VAR is missing a value: Test error' },
        { template: 'RESULT=${EMPTY_VAR?Test error}', env, value: 'RESULT=' },
        { template: 'RESULT=${TEST_VAR?Default Value}', env, value: 'RESULT=Test Value' },
      ];
    })(),

    // Beyond compose-go's tests; expectations from compose-go's code run on the same input.
    // `(.*)}` is greedy: an expression with an operator matches to the last `}` of its line, compose cuts it at its
    // own closing brace and substitutes the rest as a template of its own (so an invalid `${` there names the rest).
    { template: '${A:-x} and ${B:-y}', env: { B: 'b' }, value: 'x and b' },
    { template: '${A:-x} ${ }', env: {}, value: '', error: 'Invalid template: " ${ }"' },
    { template: '${A:-x}\n${B:-y}', env: {}, value: 'x\ny' },
    { template: '${A:-a}b}', env: {}, value: 'ab}' },
    { template: '${A:-{"json":1}} tail}', env: {}, value: '{"json":1} tail}' },
    // compose's brace count skips the character after each `{`, so `{}` inside a default does not close anything
    { template: '${A:-{}x}', env: {}, value: '{}x' },
    { template: '${A:-{}x} ${B}', env: {}, value: '', error: 'Invalid template: "{}x} ${B"' },
    // an error empties the whole greedy match, and compose does not look at what follows the failed expression in it
    { template: '${A:?}} ${B}', env: {}, value: '', error: 'required variable A is missing a value' },
    { template: 'pre ${A:?not set} ${B}', env: {}, value: 'pre ', error: 'required variable A is missing a value: not set' },
    { template: 'x ${A?} ${B} ${C', env: {}, value: 'x  C', error: 'required variable A is missing a value' },
    // an error in a required variable's message is reported instead of the missing variable
    { template: '${A:?${ }}', env: {}, value: '', error: 'Invalid template: "${ }"' },
    // `.` does not match a line break: an expression cannot span lines
    { template: '${A:-x\n}', env: {}, value: 'A:-x\n}', error: 'Invalid template: "${A:-x\\n}"' },
    // Go's (?i) folds ſ and the Kelvin sign into [a-z]
    { template: '$ſ ${K}', env: { ſ: 'long s', K: 'kelvin' }, value: 'long s kelvin' },
    { template: '${A:-${B:-${C:-deep}}}', env: {}, value: 'deep' },
    { template: '$1 $- $} $', env: {}, value: '$1 $- $} $' },
    { template: '${A}${A:+,}${B}', env: { A: 'a', B: 'b' }, value: 'a,b' },
    { template: '${A-$$}', env: {}, value: '$' },
  ];

  for (const row of rows) {
    it(`${JSON.stringify(row.template)} gives ${JSON.stringify(row.value)}${row.error ? ` and "${row.error}"` : ''}`, () => {
      const env = row.env ?? defaults;
      const result = interpolate(row.template, (name) => env[name]);
      assert.equal(result.value, row.value);
      assert.equal(result.problems[0]?.message, row.error);
      assert.deepEqual(
        result.uses.filter((use) => !use.set && !use.operator).map((use) => use.name),
        row.warned ?? [],
      );
    });
  }

  /** Each use: [name, the text its span covers, set, operator]. */
  type Use = [name: string, text: string, set: boolean, operator?: string];
  const spanRows: { template: string; env: Record<string, string>; uses: Use[]; problems?: [kind: string, text: string][] }[] = [
    {
      template: '$A and ${B}',
      env: { A: 'a' },
      uses: [
        ['A', '$A', true],
        ['B', '${B}', false],
      ],
    },
    {
      template: 'ok ${BAR+$FOO ${FOO:+second}}',
      env: defaults,
      uses: [
        ['BAR', '${BAR+$FOO ${FOO:+second}}', true, '+'],
        ['FOO', '$FOO', true],
        ['FOO', '${FOO:+second}', true, ':+'],
      ],
    },
    // a default that is not used is not looked into
    { template: '${A:-${B}}', env: { A: 'a' }, uses: [['A', '${A:-${B}}', true, ':-']] },
    {
      template: '${A:-x} and ${B:-y}',
      env: {},
      uses: [
        ['A', '${A:-x}', false, ':-'],
        ['B', '${B:-y}', false, ':-'],
      ],
    },
    { template: '${A:-{}x}', env: {}, uses: [['A', '${A:-{}x}', false, ':-']] },
    {
      template: 'x ${A:?need ${M}} $$B ${',
      env: { M: 'm' },
      uses: [
        ['A', '${A:?need ${M}}', false, ':?'],
        ['M', '${M}', true],
      ],
      problems: [
        ['required', '${A:?need ${M}}'],
        ['format', '${'],
      ],
    },
    { template: '${foo!} ${ok}', env: { ok: '1' }, uses: [['ok', '${ok}', true]], problems: [['format', '${foo!}']] },
  ];

  for (const row of spanRows) {
    it(`spans of ${JSON.stringify(row.template)}`, () => {
      const result = interpolate(row.template, (name) => row.env[name]);
      assert.deepEqual(
        result.uses.map((use): Use => {
          const text = row.template.slice(use.span.start, use.span.end);
          return use.operator ? [use.name, text, use.set, use.operator] : [use.name, text, use.set];
        }),
        row.uses,
      );
      for (const use of result.uses) assert.equal(use.value, row.env[use.name]);
      assert.deepEqual(
        result.problems.map((problem) => [problem.kind, row.template.slice(problem.span.start, problem.span.end)]),
        row.problems ?? [],
      );
    });
  }

  it('words messages as compose does for a compose file when given the path (interpolation.go newPathError)', () => {
    const lookup = () => undefined;
    assert.deepEqual(
      interpolate('${IMAGE:?set IMAGE}', lookup, { path: 'services.web.image' }).problems.map((p) => p.message),
      ['error while interpolating services.web.image: required variable IMAGE is missing a value: set IMAGE'],
    );
    assert.deepEqual(
      interpolate('cost: ${ 5}', lookup, { path: 'services.web.labels.price' }).problems.map((p) => p.message),
      ['invalid interpolation format for services.web.labels.price.\nYou may need to escape any $ with another $.\ncost: ${ 5}'],
    );
  });

  it('quotes templates as Go does (strconv.Quote)', () => {
    const message = (template: string) => interpolate(template, () => undefined).problems[0]?.message;
    assert.equal(message('a\tb "c" \\ ${'), 'Invalid template: "a\\tb \\"c\\" \\\\ ${"');
    assert.equal(message('é\u00a0\x7f\u0085${'), 'Invalid template: "é\\u00a0\\x7f\\u0085${"');
  });

  it('stops at a bound depth of nesting, with a problem, instead of recursing without end', () => {
    const depth = 10_000;
    const template = `${'${A:-'.repeat(depth)}x${'}'.repeat(depth)}`;
    const result = interpolate(template, () => undefined);
    assert.equal(result.value, '');
    assert.equal(result.problems.length, 1);
    assert.match(result.problems[0].message, /nested more than \d+ deep/);
    // below the bound, nesting works as compose's does
    assert.equal(interpolate(`${'${A:-'.repeat(20)}x${'}'.repeat(20)}`, () => undefined).value, 'x');
  });

  it('never throws on random text, and keeps every span inside it', () => {
    const random = prng(7);
    const alphabet = ['$', '$', '{', '}', ':', '-', '+', '?', 'A', 'B', '_', '1', ' ', '\n', '\\', '"', 'é', '\ud83d', '\ude00', '\0'];
    for (let n = 0; n < 2000; n++) {
      let text = '';
      const length = Math.floor(random() * 40);
      for (let i = 0; i < length; i++) text += alphabet[Math.floor(random() * alphabet.length)];
      const result = interpolate(text, (name) => (name === 'A' ? 'a' : undefined));
      for (const { span } of [...result.uses, ...result.problems])
        assert.ok(span.start >= 0 && span.start < span.end && span.end <= text.length, JSON.stringify(text));
    }
  });

  it('completes on long and hostile values (1 MB lines of expressions, opening braces, dollars)', () => {
    const megabyte = (unit: string) => unit.repeat(Math.ceil((1 << 20) / unit.length));
    for (const text of [megabyte('${A:-x}'), megabyte('${'), megabyte('${A:-'), megabyte('$'), `${megabyte('${A:-{')}}`, megabyte('$A ')]) {
      const result = interpolate(text, () => undefined);
      assert.equal(typeof result.value, 'string');
      assert.ok(result.problems.length <= 100);
    }
  });
});
