/** `links`: Legacy `links` on Windows. Its cases, near misses and fixes. */
import { WIN, describeRule, type FixCase, type RuleCase } from '../../testing/rule-tests';

const cases: RuleCase[] = [
  {
    name: '`links` and `external_links`: each key',
    rule: 'links',
    yaml: `${WIN}    links:\n      - "db:database"\n    external_links:\n      - redis\n`,
    expect: [
      { rule: 'links', severity: 'information', range: '3:4-3:9', message: ['`links` is not supported on Windows', '`web`', 'aliases'] },
      { rule: 'links', severity: 'information', range: '5:4-5:18', message: ['`external_links`'] },
    ],
  },
  {
    name: 'near miss: `depends_on`',
    rule: 'links',
    yaml: `${WIN}    depends_on:\n      - db\n`,
    expect: [],
  },
];

const fixes: FixCase[] = [];

describeRule('links', cases, fixes);
