// Property: text from the API that reaches a notification or a progress title never forms a link
// there. The pattern is the one VS Code's notifications use to find links
// (microsoft/vscode src/vs/base/common/linkedText.ts, LINK_REGEX), so a guest named
// "[Fix it](command:…)" reads as typed and a click does nothing.
import { strict as assert } from 'assert';
import fc from 'fast-check';
import { escapeLinks } from '../../../src/views/iconText';

const VSCODE_LINK = /\[([^\]]+)\]\(((?:https?:\/\/|command:|file:)[^)\s]+)(?: (["'])(.+?)(\3))?\)/gi;

const label = fc.string({ minLength: 1, maxLength: 8 }).filter((s) => !s.includes(']'));
const href = fc.tuple(fc.constantFrom('https://', 'http://', 'command:', 'file:', 'COMMAND:'), fc.stringMatching(/^[^)\s]{1,12}$/)).map(([scheme, rest]) => scheme + rest);
const link = fc.tuple(label, href).map(([l, h]) => `[${l}](${h})`);
/** Text with links hidden among other characters, brackets and parentheses. */
const text = fc.array(fc.oneof(link, fc.string({ maxLength: 6 }), fc.constantFrom('[', ']', '(', ')', '](', ' ')), { maxLength: 8 }).map((parts) => parts.join(''));

describe('reliability: notification text never forms a link (property)', () => {
  it('no link survives escapeLinks, and the visible text is unchanged', () => {
    fc.assert(
      fc.property(text, (raw) => {
        const escaped = escapeLinks(raw);
        assert.equal(escaped.match(VSCODE_LINK), null, `a link survived in ${JSON.stringify(escaped)}`);
        assert.equal(escaped.replace(/\u200b/g, ''), raw.replace(/\u200b/g, ''), 'only invisible characters were added');
      }),
      { numRuns: 1000 },
    );
  });

  it('the generator does produce links VS Code would render', () => {
    const once = new RegExp(VSCODE_LINK.source, 'i');
    assert.ok(fc.sample(text, 200).some((raw) => once.test(raw)), 'no sample contained a link');
  });
});
