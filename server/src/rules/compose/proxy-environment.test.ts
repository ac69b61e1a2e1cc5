/** `proxy-environment`: Proxy environment variables in a Windows container. Its cases and near misses. */
import { describeRule, yaml, type FixCase, type RuleCase } from '../../testing/rule-tests';

const IMG = 'mcr.microsoft.com/windows/servercore:ltsc2022';

const cases: RuleCase[] = [
  {
    name: '`HTTPS_PROXY` in the mapping form: information on the first key, naming who reads it and who does not (docker/for-win#1633)',
    rule: 'proxy-environment',
    yaml: yaml`
      services:
        web:
          image: ${IMG}
          environment:
            HTTPS_PROXY: http://proxy.corp.example:3128
            https_proxy: http://proxy.corp.example:3128
            NO_PROXY: .corp.example
    `,
    expect: [
      {
        rule: 'proxy-environment',
        severity: 'information',
        range: '4:6-4:17',
        message: [
          '`HTTPS_PROXY`, `https_proxy` in `web` reach only',
          '.NET 5+',
          'NODE_USE_ENV_PROXY=1',
          'Windows PowerShell 5.1',
          '.NET Framework',
          'ignore them',
        ],
      },
    ],
  },
  {
    name: 'the list form, a variable passed from the shell, and ALL_PROXY: one information per service, on the name',
    rule: 'proxy-environment',
    yaml: yaml`
      services:
        web:
          image: ${IMG}
          environment:
            - NO_PROXY=localhost
            - HTTP_PROXY
            - ALL_PROXY=http://proxy:8080
        api:
          image: ${IMG}
          environment:
            HTTP_PROXY: \${CORP_PROXY}
    `,
    expect: [
      { rule: 'proxy-environment', severity: 'information', range: '5:8-5:18', message: ['`HTTP_PROXY`, `ALL_PROXY` in `web` reach only'] },
      { rule: 'proxy-environment', severity: 'information', range: '10:6-10:16', message: ['`HTTP_PROXY` in `api` reaches only'] },
    ],
  },
  {
    name: 'a loopback proxy (127.0.0.1, localhost, [::1], with or without scheme and user): a warning on the host, besides the information',
    rule: 'proxy-environment',
    yaml: yaml`
      services:
        web:
          image: ${IMG}
          environment:
            HTTP_PROXY: http://user:pw@127.0.0.1:3128
            HTTPS_PROXY: "localhost:3128"
        api:
          image: ${IMG}
          environment:
            - https_proxy=http://[::1]:8888
    `,
    expect: [
      { rule: 'proxy-environment', severity: 'information', range: '4:6-4:16' },
      {
        rule: 'proxy-environment',
        severity: 'warning',
        range: '4:33-4:42',
        message: ['`HTTP_PROXY` in `web` points at `127.0.0.1`', 'the container itself, not the Windows host', 'gateway of its `nat` network'],
      },
      { rule: 'proxy-environment', severity: 'warning', range: '5:20-5:29', message: ['`localhost`'] },
      { rule: 'proxy-environment', severity: 'information', range: '9:8-9:19' },
      { rule: 'proxy-environment', severity: 'warning', range: '9:27-9:32', message: ['`[::1]`'] },
    ],
  },
  {
    name: 'near misses: NO_PROXY alone, emptied variables, names that only contain PROXY, build args',
    rule: 'proxy-environment',
    yaml: yaml`
      services:
        web:
          image: ${IMG}
          build:
            context: .
            args:
              HTTP_PROXY: http://proxy:8080
          environment:
            NO_PROXY: localhost
            HTTP_PROXY: ""
            MY_HTTP_PROXY_URL: http://127.0.0.1:1
        api:
          image: ${IMG}
          environment:
            - HTTPS_PROXY=
            - SOCKS_PROXY=127.0.0.1:1080
    `,
    expect: [],
  },
  {
    name: 'near miss: a loopback address behind a variable is unknown (only the information)',
    rule: 'proxy-environment',
    yaml: yaml`
      services:
        web:
          image: ${IMG}
          environment:
            HTTP_PROXY: http://\${PROXY_HOST:-127.0.0.1}:3128
    `,
    expect: [{ rule: 'proxy-environment', severity: 'information', range: '4:6-4:16' }],
  },
];

const fixes: FixCase[] = [];

describeRule('proxy-environment', cases, fixes);
