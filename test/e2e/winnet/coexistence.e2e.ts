/// <reference types="mocha" />
/**
 * `winnet.schemaValidation: auto` next to Red Hat YAML and Docker DX (stand-ins installed by the scenario with the
 * ids, version and setting of the real ones): Red Hat YAML 1.25 leaves compose files to Docker DX while
 * `docker.extension.enableComposeLanguageServer` is on, so winnet validates the compose schema; turned off, Red Hat
 * YAML validates them again, and winnet stops, without a restart.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { codeOf, waitForDiagnostics, waitUntil, winnet } from '../host/helpers';

const COMPOSE = ['services:', '  web:', '    image: mcr.microsoft.com/windows/nanoserver:ltsc2022', '    restart_policy: always', ''].join('\n');
const hasSchemaFinding = (ds: readonly vscode.Diagnostic[]) => ds.some((d) => codeOf(d) === 'compose-schema');
const SETTING = 'docker.extension.enableComposeLanguageServer';

describe('winnet.schemaValidation: auto beside Red Hat YAML and Docker DX', function () {
  this.timeout(60_000);

  it('the stand-ins are installed', () => {
    assert.equal(vscode.extensions.getExtension('redhat.vscode-yaml')?.packageJSON.version, '1.25.0');
    assert.ok(vscode.extensions.getExtension('docker.docker'));
    assert.equal(vscode.workspace.getConfiguration().get(SETTING), true);
  });

  it("validates while Docker DX's compose server is on, and stops when it is turned off", async () => {
    const api = await winnet();
    assert.equal(api.schemaValidation().value, 'on', api.schemaValidation().reason);
    const document = await vscode.workspace.openTextDocument({ language: 'yaml', content: COMPOSE });
    await waitForDiagnostics(document.uri, hasSchemaFinding);
    const config = vscode.workspace.getConfiguration();
    await config.update(SETTING, false, vscode.ConfigurationTarget.Global);
    try {
      await waitUntil('auto to mean off', () => (api.schemaValidation().value === 'off' ? true : undefined));
      await waitForDiagnostics(document.uri, (ds) => !hasSchemaFinding(ds));
    } finally {
      await config.update(SETTING, undefined, vscode.ConfigurationTarget.Global);
    }
    await waitForDiagnostics(document.uri, hasSchemaFinding);
  });
});
