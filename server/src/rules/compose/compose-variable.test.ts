/** `compose-variable`: what compose says about variables it cannot substitute, with the sources winnet read. */
import { composeEnvironment } from '../../compose/environment';
import { describeRule, yaml, type RuleCase } from '../../testing/rule-tests';

const dotenv = (text: string) => ({ env: composeEnvironment({ files: [{ path: '/p/.env', text }] }) });
const shell = (vars: Record<string, string>, text = '') => ({ env: composeEnvironment({ process: vars, files: text ? [{ path: '/p/.env', text }] : [] }) });

const file = yaml`
  services:
    web:
      image: mcr.microsoft.com/windows/nanoserver:\${TAG}
      isolation: \${ISOLATION:?set ISOLATION}
      ports:
        - "\${PORT}:80"
`;

const cases: RuleCase[] = [
  {
    name: 'with a .env and no shell (the editor): unset and required variables are information, at the expression',
    rule: 'compose-variable',
    options: dotenv('TAG=ltsc2022\n'),
    yaml: file,
    expect: [
      {
        rule: 'compose-variable',
        severity: 'information',
        range: '3:15-3:42',
        message: ['required variable ISOLATION is missing a value: set ISOLATION', '.env', 'unless the shell that runs it sets it'],
      },
      { rule: 'compose-variable', severity: 'information', range: '5:9-5:16', message: ['`PORT` is not set in .env', 'empty string'] },
    ],
  },
  {
    name: 'with the shell read (the CLI): a missing required variable is an error, an unset one a warning, as compose says',
    rule: 'compose-variable',
    options: shell({ TAG: 'ltsc2022' }),
    yaml: file,
    expect: [
      { rule: 'compose-variable', severity: 'error', range: '3:15-3:42', message: ['compose stops here'] },
      { rule: 'compose-variable', severity: 'warning', range: '5:9-5:16', message: ['Defaulting to a blank string', '${PORT:-...}'] },
    ],
  },
  {
    name: 'an expression compose cannot read is an error whatever was read',
    rule: 'compose-variable',
    options: dotenv(''),
    yaml: yaml`
      services:
        web:
          image: mcr.microsoft.com/windows/nanoserver:\${TAG
    `,
    expect: [{ rule: 'compose-variable', severity: 'error', range: '2:48-2:53', message: ['compose refuses the file', '`$$`'] }],
  },
  {
    name: 'near misses: every variable set, defaults, `$$`, and nothing read at all (no .env, no shell)',
    rule: 'compose-variable',
    options: dotenv('TAG=ltsc2022\nISOLATION=process\nPORT=8080\n'),
    yaml: yaml`
      services:
        web:
          image: mcr.microsoft.com/windows/nanoserver:\${TAG}
          isolation: \${ISOLATION:?set ISOLATION}
          ports:
            - "\${PORT}:80"
            - "\${OTHER:-9090}:90"
          command: echo $$HOME
    `,
    expect: [],
  },
  {
    name: 'near miss: nothing was read, so nothing is said',
    rule: 'compose-variable',
    options: { env: composeEnvironment({}) },
    yaml: file,
    expect: [],
  },
];

describeRule('compose-variable', cases, []);
