/**
 * Workspace trust: in a workspace the client says is not trusted, the server reads no file outside the
 * workspace folders that a compose file names (`include`, `extends.file`), and says so in the finding; inside
 * the folders, and in a trusted workspace, it reads them as usual.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { LspClient } from '../support/lsp-client';

const IMAGE = 'mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022';

function project(): { workspace: string; outside: string; compose: string; text: string } {
  const root = mkdtempSync(join(tmpdir(), 'winnet-trust-'));
  const workspace = join(root, 'workspace');
  const outside = join(root, 'elsewhere', 'shared.yml');
  mkdirSync(join(workspace, 'parts'), { recursive: true });
  mkdirSync(join(root, 'elsewhere'));
  writeFileSync(outside, `services:\n  base:\n    image: ${IMAGE}\n`);
  writeFileSync(join(workspace, 'parts', 'inner.yml'), `services:\n  inner:\n    image: ${IMAGE}\n`);
  const text = `include:\n  - ${outside}\n  - parts/inner.yml\nservices:\n  web:\n    image: ${IMAGE}\n    extends:\n      file: ${outside}\n      service: base\n`;
  const compose = join(workspace, 'compose.yaml');
  writeFileSync(compose, text);
  return { workspace, outside, compose, text };
}

async function referenceFindings(trusted: boolean | undefined): Promise<string[]> {
  const p = project();
  const client = new LspClient();
  try {
    await client.initialize({
      rootUri: pathToFileURL(p.workspace).href,
      ...(trusted === undefined ? {} : { initializationOptions: { workspaceTrusted: trusted } }),
    });
    const uri = pathToFileURL(p.compose).href;
    client.open(uri, p.text);
    const diagnostics = await client.diagnosticsFor(uri, () => true);
    return diagnostics.filter((d) => d.code === 'compose-reference').map((d) => String(d.message).split(p.outside).join('<outside>'));
  } finally {
    await client.shutdown();
  }
}

describe('workspace trust', () => {
  it('untrusted: files outside the workspace folders are not read, and the findings say why; files inside are read', async () => {
    assert.deepEqual(await referenceFindings(false), [
      'Included file `<outside>` is not read (<outside>: the workspace is not trusted, and the file is outside its folders); its services and networks are not checked.',
      '`extends.file` `<outside>` is not read (<outside>: the workspace is not trusted, and the file is outside its folders); service `web` is checked without its parent.',
    ]);
  });

  it('trusted, or a client that says nothing of trust: every named file is read', async () => {
    assert.deepEqual(await referenceFindings(true), []);
    assert.deepEqual(await referenceFindings(undefined), []);
  });
});
