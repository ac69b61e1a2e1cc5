/** The scenarios `test/e2e/run.ts --scenario <name>` knows. */
import type { Scenario } from '../harness/scenario';
import { dummy } from './dummy';
import { winnet } from './winnet';
import { winnetIdle } from './winnet-idle';

export const SCENARIOS: Record<string, Scenario> = { dummy, winnet, 'winnet-idle': winnetIdle };
