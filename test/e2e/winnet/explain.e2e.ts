/// <reference types="mocha" />
/**
 * "winnet: Explain a Docker or HNS error" in the extension host: the command is contributed and in the palette's
 * list, and given a pasted error it asks the language server (`winnet/explain`) and opens the answer as a
 * read-only Markdown document in the preview. The command takes the text as its argument so the test needs no
 * input box; without one it asks for the text.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension } from '../host/helpers';

interface Answer {
  markdown: string;
  matches: { kind: string; id: string; score: number }[];
  rule?: string;
  uri: string;
}

const explain = (text: string) => vscode.commands.executeCommand<Answer | undefined>('winnet.explainError', text);

describe('winnet: Explain a Docker or HNS error', () => {
  let extension: vscode.Extension<unknown>;
  before(async () => {
    extension = await activateExtension('winnet.winnet');
  });

  it('is contributed with its title and registered', async () => {
    const commands = (extension.packageJSON as { contributes: { commands: { command: string; title: string; category: string }[] } }).contributes.commands;
    const contributed = commands.find((c) => c.command === 'winnet.explainError');
    assert.deepEqual(contributed && { title: contributed.title, category: contributed.category }, {
      title: 'Explain a Docker or HNS error',
      category: 'winnet',
    });
    assert.ok((await vscode.commands.getCommands(true)).includes('winnet.explainError'));
  });

  it('explains a pasted daemon error with the rule that catches it, in a Markdown document', async () => {
    const answer = await explain('Error response from daemon: Windows does not support host IP addresses in NAT settings');
    assert.ok(answer, 'an answer');
    assert.equal(answer.matches[0]?.id, 'port-host-ip');
    assert.match(answer.markdown, /^# What this error means/);
    const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(answer.uri));
    assert.equal(document.getText(), answer.markdown);
    assert.equal(document.languageId, 'markdown');
  });

  it('gives every likely cause of an HNS error with an HRESULT', async () => {
    const answer = await explain('hcnCreateNetwork failed in Win32: The object already exists. (0x1392)');
    assert.ok(
      answer?.matches.some((m) => m.id === 'hns-network-exists'),
      JSON.stringify(answer?.matches),
    );
  });

  it('says plainly when nothing matches', async () => {
    const answer = await explain('hello world');
    assert.deepEqual(answer?.matches, []);
    assert.match(answer?.markdown ?? '', /winnet knows no error like this one/);
  });

  it("shows a rule's page for a rule id", async () => {
    const answer = await explain('port-host-ip');
    assert.equal(answer?.rule, 'port-host-ip');
    assert.match(answer?.markdown ?? '', /^# port-host-ip\n/);
  });
});
