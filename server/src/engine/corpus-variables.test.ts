/**
 * The public Windows compose files that keep their values in variables, checked with an `.env` of the shape their
 * projects document (Sitecore's docker-examples ship one beside each compose file; the corpus holds the compose
 * files only, so the `.env` texts are written here, with the variable names the files use and values of the kind
 * those projects' READMEs give). With the `.env`, winnet must judge what compose would send: the release the image
 * tags pin, the isolation, the published ports; with a mistake in the `.env`, report it at the `${...}`; and with
 * a correct `.env`, say nothing false. Skipped when the corpus is absent.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { decode } from '../cli/files';
import { composeEnvironment } from '../compose/environment';
import { parseDocument } from '../documents/document';
import { checkDocument } from './check';

const WINDOWS = join(__dirname, '..', '..', '..', '..', 'shared', 'corpus', 'real-world', 'compose-windows');
const GETTING_STARTED = 'Sitecore__docker-examples__getting-started__docker-compose.yml';
const XP0_93 = 'Sitecore__docker-examples__sitecore-93-xp0__docker__docker-compose.yml';

/** Sitecore docker-examples `getting-started/.env`, as its README has users fill it in (secrets left empty). */
const SITECORE_ENV = `COMPOSE_PROJECT_NAME=sitecore-xp0
SITECORE_DOCKER_REGISTRY=scr.sitecore.com/sxp/
SITECORE_VERSION=10.3-ltsc2022
EXTERNAL_IMAGE_TAG_SUFFIX=ltsc2022
SITECORE_ADMIN_PASSWORD=
SQL_SERVER=mssql
SQL_SA_LOGIN=sa
SQL_SA_PASSWORD=
SQL_DATABASE_PREFIX=Sitecore
SQL_CUSTOM_DATABASE_PREFIX_UPDATE_FROM=
SITECORE_IDSECRET=
SITECORE_ID_CERTIFICATE=
SITECORE_ID_CERTIFICATE_PASSWORD=
SITECORE_LICENSE=
SITECORE_GRAPHQL_ENABLED=true
SITECORE_GRAPHQL_EXPOSEPLAYGROUND=false
SITECORE_GRAPHQL_UPLOADMEDIAOPTIONS_ENCRYPTIONKEY=
MEDIA_REQUEST_PROTECTION_SHARED_SECRET=
CM_HOST=xp0cm.localhost
ID_HOST=xp0id.localhost
TRAEFIK_IMAGE=traefik:v2.9.8-windowsservercore-1809
TRAEFIK_ISOLATION=hyperv
ISOLATION=default
SOLR_CORE_PREFIX_NAME=sitecore
LOG_LEVEL_VALUE=INFO
HTTPS_PORT=443
TRAEFIK_MANAGEMENT_PORT=8079
MSSQL_PORT=14330
SOLR_PORT=8984
XCONNECT_PORT=8081
`;

/** Sitecore docker-examples `sitecore-93-xp0/docker/.env`. */
const XP0_93_ENV = `REGISTRY=
SITECORE_VERSION=9.3.0
WINDOWSSERVERCORE_VERSION=ltsc2019
NANOSERVER_VERSION=1809
SQL_SA_PASSWORD=
TELERIK_ENCRYPTION_KEY=
SITECORE_LICENSE=
`;

function check(file: string, env?: string) {
  const { text } = decode(readFileSync(join(WINDOWS, file)));
  const options = env === undefined ? {} : { env: composeEnvironment({ files: [{ path: '/checkout/.env', text: env }] }) };
  return checkDocument(parseDocument(`/checkout/${file.split('__').join('/')}`, text), options);
}

describe('real Windows compose files with their .env', { skip: !existsSync(WINDOWS) && 'shared/corpus/real-world is absent' }, () => {
  it('6 of the 30 Windows files take values from variables; with an .env, winnet judges the substituted values', () => {
    const withVariables = readdirSync(WINDOWS).filter((f) => readFileSync(join(WINDOWS, f), 'utf8').includes('${'));
    assert.equal(withVariables.length, 6);
  });

  it("Sitecore getting-started: the release comes from SITECORE_VERSION's tag; no error with the documented .env", () => {
    const without = check(GETTING_STARTED);
    assert.equal(without.target?.target, 'windows');
    assert.equal(without.host?.origin, 'default', 'without the .env, no image names a release');
    const withEnv = check(GETTING_STARTED, SITECORE_ENV);
    assert.equal(withEnv.host?.origin, 'image');
    assert.equal(withEnv.host?.release.id, 'ltsc2022');
    assert.deepEqual(
      withEnv.findings.filter((f) => f.severity === 'error').map((f) => `${f.range.start.line + 1} ${f.rule}: ${f.message}`),
      [],
    );
  });

  it('Sitecore getting-started: `ISOLATION=hyper-v` in .env is an error at each `${ISOLATION}`, with the .env line related', () => {
    const result = check(GETTING_STARTED, SITECORE_ENV.replace('ISOLATION=default', 'ISOLATION=hyper-v'));
    const isolation = result.findings.filter((f) => f.rule === 'isolation-value');
    const uses = (readFileSync(join(WINDOWS, GETTING_STARTED), 'utf8').match(/isolation: \$\{ISOLATION\}/g) ?? []).length;
    assert.ok(uses >= 5, `${uses} services use \${ISOLATION}`);
    assert.equal(isolation.length, uses);
    for (const f of isolation) {
      assert.match(f.message, /`\$\{ISOLATION\}` is `hyper-v` here \(\.env line 23\)/);
      assert.ok(f.related.some((r) => r.path === '/checkout/.env' && r.range?.start.line === 22));
      assert.deepEqual(f.fixes, [], 'no fix rewrites the `${ISOLATION}`');
    }
  });

  it('Sitecore getting-started: two services on one host port through .env values are a port conflict', () => {
    const result = check(GETTING_STARTED, SITECORE_ENV.replace('SOLR_PORT=8984', 'SOLR_PORT=14330'));
    const conflict = result.findings.filter((f) => f.rule === 'duplicate-host-port');
    assert.equal(conflict.length, 1);
    assert.match(conflict[0].message, /Host port 14330\/tcp .* \[`\$\{SOLR_PORT\}` is `14330` here \(\.env line 29\)/);
  });

  it('Sitecore 9.3 XP0: the Windows release comes from WINDOWSSERVERCORE_VERSION / NANOSERVER_VERSION', () => {
    assert.equal(check(XP0_93).host?.origin, 'default');
    const withEnv = check(XP0_93, XP0_93_ENV);
    assert.equal(withEnv.target?.target, 'windows');
    assert.equal(withEnv.host?.release.id, 'ltsc2019');
    assert.deepEqual(
      withEnv.findings.filter((f) => f.severity === 'error').map((f) => `${f.range.start.line + 1} ${f.rule}`),
      [],
    );
  });
});
