/** Markdown as terminal text (`winnet explain`): each construct winnet writes, plain and in colour. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { markdownToText } from './markdown-text';

const ESC = '\u001b[';
/** The text without its colour codes. */
const visible = (text: string) =>
  text
    .split(ESC)
    .map((part, i) => (i === 0 ? part : part.replace(/^\d+m/, '')))
    .join('');

describe('markdownToText', () => {
  const cases: [name: string, markdown: string, width: number, text: string][] = [
    ['headings, underlined by level', '# Title\n\n## Part', 100, 'Title\n=====\n\nPart\n----\n'],
    ['a paragraph joined and wrapped', 'one two\nthree four five', 20, 'one two three four\nfive\n'],
    ['code spans keep their backticks and do not break', 'see `docker compose up` now', 20, 'see\n`docker compose up`\nnow\n'],
    ['links print their address', 'read [the page](https://x.test/p) or <https://y.test>', 100, 'read the page <https://x.test/p> or <https://y.test>\n'],
    ['bold around code', '**before `up`:** yes', 100, 'before `up`: yes\n'],
    ['a list item with a hanging indent', '- one two three four', 20, '  • one two three\n    four\n'],
    [
      'a table without its separator and empty header',
      '| | |\n|---|---|\n| Fix | yes |\n| Default severity | error |',
      100,
      'Fix               yes\nDefault severity  error\n',
    ],
    [
      'fenced code indented, never wrapped',
      '```yaml\nservices:\n  web: {image: a-very-long-image-name-that-goes-on}\n```',
      20,
      '    services:\n      web: {image: a-very-long-image-name-that-goes-on}\n',
    ],
    ['escapes', 'a \\| b \\* c', 100, 'a | b * c\n'],
  ];
  for (const [name, markdown, width, text] of cases) it(name, () => assert.equal(markdownToText(markdown, { color: false, width }), text));

  it('in colour: bold headings, cyan code, styles that nest', () => {
    const text = markdownToText('# T\n\n**a `b` c**', { color: true, width: 100 });
    assert.ok(text.startsWith(`${ESC}1mT${ESC}22m\n=`), JSON.stringify(text));
    assert.ok(text.includes(`${ESC}1ma ${ESC}36mb${ESC}39m c${ESC}22m`), JSON.stringify(text));
  });

  it('counts only visible characters when it wraps coloured text', () => {
    assert.equal(visible(markdownToText('`aaaa` `bbbb` `cccc`', { color: true, width: 10 })), 'aaaa bbbb\ncccc\n');
  });
});
