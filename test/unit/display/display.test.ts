// core/display: untrusted text to display text, per sink.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import {
  displayPath, escapeControls, escapeMarkdown, forNotification, forTerminal, forTerminalText, jsonForTerminal, markdownCode, markdownCodeBlock, relativizePaths, summarizeList,
} from '../../../src/core/display';

/** VS Code 1.100's notification link syntax (src/vs/base/common/linkedText.ts): what renders as a clickable link. */
const VSCODE_LINK = /\[([^\]]+)\]\(((?:https?:\/\/|command:|file:)[^)\s]+)(?: (["'])(.+?)(\3))?\)/i;
const HOSTILE_NAME = '[Open deploy checklist](command:workbench.action.terminal.sendSequence?%7B%22text%22%3A%22touch%20PWNED%5Cn%22%7D)';

describe('core/display', () => {
  describe('notifications', () => {
    it('a workspace file name can no longer form a command link (the issue\'s proof), and still reads as typed', () => {
      assert.match(`still in /ws/${HOSTILE_NAME}:1`, VSCODE_LINK, 'control: the raw text is a link for VS Code');
      const shown = forNotification(`The old key still appears in /ws/${HOSTILE_NAME}:1.`, { roots: [{ path: '/ws' }] });
      assert.doesNotMatch(shown, VSCODE_LINK);
      assert.equal(shown, 'The old key still appears in [Open deploy checklist] (command:workbench.action.terminal.sendSequence?%7B%22text%22%3A%22touch%20PWNED%5Cn%22%7D):1.');
    });

    it('neutralises every link form VS Code renders: https, file, command, with a title, upper case, nested brackets', () => {
      for (const raw of ['[a](https://evil.example)', '[a](file:///etc/passwd)', '[a](COMMAND:x)', '[a](command:x "title")', "[a](command:x 'title')", '[[a]](command:x)', '[a]](command:x)', 'x](command:y) [b](command:z)']) {
        assert.doesNotMatch(forNotification(raw), VSCODE_LINK, raw);
      }
    });

    it('escapes control characters and icon syntax; line breaks become spaces (as VS Code shows them), or stay in a modal dialog', () => {
      assert.equal(forNotification('a\u001b]0;title\u0007b\u202ec $(zap)'), 'a\\x1b]0;title\\x07b\\u202ec \\$(zap)');
      assert.equal(forNotification('line 1\nline 2\r\nline 3'), 'line 1 line 2 line 3');
      assert.equal(forNotification('Checklist:\n• item\u0085', { modal: true }), 'Checklist:\n• item\\x85');
    });

    it('shows workspace paths relative (folder name first in a multi-root workspace) and caps the length', () => {
      assert.equal(forNotification('in /w/app/.env and /elsewhere/.env', { roots: [{ path: '/w/app', name: 'app' }] }), 'in .env and /elsewhere/.env');
      assert.equal(forNotification('in /w/api/x.env', { roots: [{ path: '/w/app', name: 'app' }, { path: '/w/api', name: 'api' }] }), 'in api/x.env');
      const long = forNotification('x'.repeat(5000));
      assert.equal(long.length, 600);
      assert.ok(long.endsWith('…'));
    });
  });

  describe('terminal', () => {
    it('a value can neither drive the terminal nor start a line of its own', () => {
      const name = '.env.\u001b]0;owned\u0007\u001b[2J';
      assert.equal(forTerminal(name), '.env.\\x1b]0;owned\\x07\\x1b[2J');
      const forged = 'acme\n2026-01-01T00:00:00Z  #9  senior-dev@acme.com (cli)  member.remove  member cfo@acme.com';
      assert.equal(forTerminal(forged).split('\n').length, 1);
      assert.equal(forTerminal('a\tb\rc\u009bd'), 'a\\tb\\rc\\x9bd');
    });

    it('a whole message keeps the tool\'s own line breaks and tabs, nothing else', () => {
      assert.equal(forTerminalText('ok\n\tdone\u001b[31m\r'), 'ok\n\tdone\\x1b[31m\\r');
    });

    it('JSON for a terminal: C1, bidi and zero-width characters as \\u escapes, the same data once parsed', () => {
      const json = JSON.stringify({ name: 'evil\u202etxt.env\u009b\\\u200b', n: 1 }, null, 2);
      const shown = jsonForTerminal(json);
      assert.doesNotMatch(shown, /[\u0080-\u009f\u200b-\u200f\u202a-\u202e]/);
      assert.deepEqual(JSON.parse(shown), JSON.parse(json));
    });

    it('escapes the characters that reorder or hide text (Trojan Source)', () => {
      assert.equal(escapeControls('a\u200bb\u2066c\u2069d\ufeff'), 'a\\u200bb\\u2066c\\u2069d\\ufeff');
    });
  });

  describe('markdown', () => {
    it('a name shows as typed: no link, image, HTML, emphasis, cell break or autolink', () => {
      assert.equal(escapeMarkdown('[x](https://e.example) ![i](y) <img src=x> *b* a|b www.e.example\nline'),
        '\\[x\\]\\(https\\://e.example\\) \\!\\[i\\]\\(y\\) \\<img src=x\\> \\*b\\* a\\|b www\\.e.example line');
    });

    it('inline code and code blocks cannot be closed from inside', () => {
      assert.equal(markdownCode('a`b'), '``a`b``');
      assert.equal(markdownCode('`x`'), '`` `x` ``');
      const block = markdownCodeBlock('file ```\n```js\nevil\n');
      assert.ok(block.startsWith('````text\n'));
      assert.ok(block.endsWith('\n````\n'));
    });
  });

  describe('paths and lists', () => {
    it('relative to the folder a file is in; outside any folder, as given', () => {
      const roots = [{ path: path.resolve('/w/app') }];
      assert.equal(displayPath('/w/app/deploy/.env', roots), 'deploy/.env');
      assert.equal(displayPath('/w/other/.env', roots), '/w/other/.env');
      assert.equal(relativizePaths('/w/app/a and /w/appx/b', roots), 'a and /w/appx/b');
    });

    it('sums up a long list', () => {
      assert.equal(summarizeList(['a', 'b']), 'a, b');
      assert.equal(summarizeList(['a', 'b', 'c', 'd', 'e']), 'a, b, c and 2 more');
    });
  });
});
