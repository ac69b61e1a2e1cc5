/** `overlay-vni`: VXLAN ID below 4096 on a Windows overlay. Its cases, near misses and fixes. */
import { WIN, describeRule, type FixCase, type RuleCase } from '../../testing/rule-tests';

const VNI = 'com.docker.network.driver.overlay.vxlanid_list';

/** A Windows service plus a `networks:` section starting on line 3. */
const net = (body: string) => `${WIN}networks:\n${body}`;

const cases: RuleCase[] = [
  {
    name: 'a VNI below 4096: the value',
    rule: 'overlay-vni',
    yaml: net(`  app:\n    driver: overlay\n    driver_opts:\n      ${VNI}: "100"\n`),
    expect: [{ rule: 'overlay-vni', severity: 'error', range: '7:54-7:59', message: ['VXLAN ID 100', '802.1Q', '4096'] }],
  },
  {
    name: 'several bad VNIs in a list, including one above the 24-bit range',
    rule: 'overlay-vni',
    yaml: net(`  app:\n    driver: overlay\n    driver_opts:\n      ${VNI}: 4096,100,16777216\n`),
    expect: [{ rule: 'overlay-vni', severity: 'error', range: '7:54-7:71', message: ['VXLAN IDs 100, 16777216', '16777215'] }],
  },
  {
    name: 'near misses: VNIs from 4096 to 16777215; a number value',
    rule: 'overlay-vni',
    yaml: net(
      `  app:\n    driver: overlay\n    driver_opts:\n      ${VNI}: "4096,4097,16777215"\n  b:\n    driver: overlay\n    driver_opts:\n      ${VNI}: 5000\n`,
    ),
    expect: [],
  },
];

const fixes: FixCase[] = [];

describeRule('overlay-vni', cases, fixes);
