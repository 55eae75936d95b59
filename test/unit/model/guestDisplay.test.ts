import { strict as assert } from 'assert';
import fc from 'fast-check';
import type { Guest } from '../../../src/api/types';
import {
  displayName, escapeMarkdown, guestDescription, guestTooltipMarkdown, isDisabledGuest, singleLine,
} from '../../../src/model/guestDisplay';
import { arbitraryMalformedGuest, makeGuest } from './guestFixtures';

const BIDI = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;

/** True when the character at `index` is preceded by an odd number of backslashes. */
function isEscaped(text: string, index: number): boolean {
  let slashes = 0;
  for (let i = index - 1; i >= 0 && text[i] === '\\'; i--) slashes++;
  return slashes % 2 === 1;
}

/** What a CommonMark renderer shows for escapeMarkdown's output: backslash escapes and the five entities undone. */
function rendered(markdown: string): string {
  const entities: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };
  return markdown.replace(/\\([!-/:-@[-`{-~])|&(?:amp|lt|gt|quot|#39);/g, (match, escaped?: string) => escaped ?? entities[match]);
}

/** Text that is mostly Markdown, HTML and bidi hazards. */
const hostileText = fc.oneof(
  fc.string({ unit: fc.constantFrom('<', '>', '[', ']', '(', ')', '`', '\\', '*', '_', '&', '"', "'", '!', '#', '\n', ' ', 'a', '\u202E', '\u2066', '\u200F', '$'), maxLength: 60 }),
  fc.string({ unit: 'binary', maxLength: 100 }),
  fc.string({ maxLength: 100 }),
);

describe('model/guestDisplay', () => {
  describe('displayName and guestDescription', () => {
    it('joins first and last name, trimmed', () => {
      assert.equal(displayName(makeGuest({ first_name: ' Jane ', last_name: ' Doe ' })), 'Jane Doe');
      assert.equal(displayName(makeGuest({ first_name: null, last_name: 'Doe' })), 'Doe');
      assert.equal(displayName(makeGuest({ first_name: 'Jane', last_name: '  ' })), 'Jane');
    });

    it('falls back to the email when there is no name', () => {
      assert.equal(displayName(makeGuest({ first_name: null, last_name: '' })), 'jane@example.com');
    });

    it('reads numbers where strings were expected', () => {
      assert.equal(displayName({ first_name: 42, last_name: null, email: null } as unknown as Guest), '42');
      assert.equal(displayName({} as Guest), '');
    });

    it('describes a guest by company, or nothing', () => {
      assert.equal(guestDescription(makeGuest({ company_name: ' Acme Ltd ' })), 'Acme Ltd');
      assert.equal(guestDescription(makeGuest({ company_name: null })), '');
    });

    it('knows a disabled guest from the status, or from disabled_at when the status is absent', () => {
      assert.equal(isDisabledGuest(makeGuest({ status: 'disabled' })), true);
      assert.equal(isDisabledGuest(makeGuest({ status: 'Disabled ' })), true);
      assert.equal(isDisabledGuest(makeGuest({ status: 'active', disabled_at: '2024-01-01 00:00:00' })), false, 'reactivated');
      assert.equal(isDisabledGuest(makeGuest({ status: '', disabled_at: '2024-01-01 00:00:00' })), true);
      assert.equal(isDisabledGuest(makeGuest({ status: '' })), false);
    });
  });

  describe('escapeMarkdown', () => {
    it('escapes Markdown punctuation with backslashes and HTML characters as entities', () => {
      assert.equal(escapeMarkdown('[click](http://x.io)'), '\\[click\\]\\(http\\:\\/\\/x\\.io\\)');
      assert.equal(escapeMarkdown('<img src=x onerror="a">'), '&lt;img src\\=x onerror\\=&quot;a&quot;&gt;');
      assert.equal(escapeMarkdown("Tom & Jerry's"), 'Tom &amp; Jerry&#39;s');
      assert.equal(escapeMarkdown('`code` *b* _i_ # ~s~ | \\'), '\\`code\\` \\*b\\* \\_i\\_ \\# \\~s\\~ \\| \\\\');
      assert.equal(escapeMarkdown('$(zap) 1. - +'), '\\$\\(zap\\) 1\\. \\- \\+');
      assert.equal(escapeMarkdown('Plain text 123 Zoë'), 'Plain text 123 Zoë');
    });

    it('removes bidi controls and turns line breaks into spaces', () => {
      assert.equal(escapeMarkdown('abc\u202Edef\u2066g\u2069h\u200E'), 'abcdefgh');
      assert.equal(escapeMarkdown('line 1\nline 2\r\n# heading'), 'line 1 line 2  \\# heading');
    });

    it('caps absurd lengths at 500 characters with an ellipsis', () => {
      const out = escapeMarkdown('a'.repeat(10_000));
      assert.equal(out, `${'a'.repeat(499)}…`);
      assert.equal(escapeMarkdown('a'.repeat(500)), 'a'.repeat(500));
      assert.equal(escapeMarkdown('abcdef', 4), 'abc…');
      assert.equal(escapeMarkdown(`${'😀'.repeat(3)}x`, 3), '😀😀…', 'a surrogate pair is never split');
    });

    it('accepts non-strings without throwing', () => {
      assert.equal(escapeMarkdown(null), '');
      assert.equal(escapeMarkdown(12.5), '12\\.5');
    });

    it('never leaves <, [, ](, a backtick or a bidi control unescaped', () => {
      fc.assert(fc.property(hostileText, (text) => {
        const out = escapeMarkdown(text);
        assert.ok(!out.includes('<'), out);
        assert.ok(!BIDI.test(out), out);
        for (let i = 0; i < out.length; i++) {
          if (out[i] === '[' || out[i] === ']' || out[i] === '`') assert.ok(isEscaped(out, i), `${out} at ${i}`);
        }
        assert.ok(!/(^|[^\\])(\\\\)*\]\(/.test(out), out);
      }), { numRuns: 2000 });
    });

    it('renders back to the original text (nothing lost, nothing added)', () => {
      fc.assert(fc.property(hostileText, (text) => {
        // eslint-disable-next-line no-control-regex -- line breaks and control characters become spaces
        const expected = text.replace(/[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g, '').replace(/[\u0000-\u001F\u007F-\u009F\u2028\u2029]/g, ' ');
        fc.pre([...expected].length <= 500);
        assert.equal(rendered(escapeMarkdown(text)), expected);
      }), { numRuns: 1000 });
    });
  });

  describe('singleLine', () => {
    it('flattens line breaks and bidi controls, collapses spaces and caps the length', () => {
      assert.equal(singleLine(' Jane\n\tDoe \u202E(admin) ', 50), 'Jane Doe (admin)');
      assert.equal(singleLine('abcdefghij', 5), 'abcd…');
      assert.equal(singleLine(null, 5), '');
    });

    it('never returns a line break, a bidi control or more than max code points', () => {
      fc.assert(fc.property(hostileText, fc.integer({ min: 1, max: 40 }), (text, max) => {
        const out = singleLine(text, max);
        assert.ok(!/[\r\n\u2028\u2029]/.test(out) && !BIDI.test(out), out);
        assert.ok([...out].length <= max);
      }), { numRuns: 1000 });
    });
  });

  describe('guestTooltipMarkdown', () => {
    it('shows every present value, labelled, one per paragraph', () => {
      const guest = makeGuest({
        phone_1: '+1 555 0100', phone_2: null, company_name: 'Acme', timezone: 'America/Chicago',
        associated_members: [3, 4], last_accessed_at: '2024-05-01T14:03:00Z', created_at: '2024-01-02 03:04:05',
        stats: { assigned_tasks: 5, tasks_completed: 2, last_task_completed_at: '2024-04-30 10:00:00', one_off_tasks_completed: 0 },
      });
      const groups = [
        { name: 'Partners', guests: ['JANE@example.com'] },
        { name: 'Others', guests: ['someone@example.com'] },
      ];
      assert.equal(guestTooltipMarkdown(guest, groups), [
        '**Jane Doe**',
        '**Email:** jane\\@example\\.com',
        '**Status:** Active',
        '**Company:** Acme',
        '**Phone 1:** \\+1 555 0100',
        '**Time zone:** America\\/Chicago',
        '**Associated members:** 3\\, 4',
        '**Groups:** Partners',
        '**Last access:** 2024\\-05\\-01 14\\:03 UTC',
        '**Created:** 2024\\-01\\-02 03\\:04 UTC',
        '**Assigned tasks:** 5',
        '**Tasks completed:** 2 \\(last 2024\\-04\\-30 10\\:00 UTC\\)',
        '**One-off tasks completed:** 0',
      ].join('\n\n'));
    });

    it('marks a disabled guest and leaves out what is absent', () => {
      const guest = makeGuest({ status: 'disabled', created_at: null });
      assert.equal(guestTooltipMarkdown(guest), '**Jane Doe**\n\n**Email:** jane\\@example\\.com\n\n**Status:** Disabled');
    });

    it('escapes every value from the API', () => {
      const guest = makeGuest({
        first_name: '<b>Eve</b>', last_name: '[x](javascript:alert(1))', company_name: '`rm -rf`\u202E',
        timezone: '<script>', phone_1: '![i](http://e.vil/p.png)', created_at: '<not a date>',
      });
      const groups = [{ name: '**Admins** <i>', guests: ['jane@example.com'] }];
      const out = guestTooltipMarkdown(guest, groups);
      assert.ok(!out.includes('<') && !BIDI.test(out), out);
      assert.ok(!/(^|[^\\])\]\(/.test(out), out);
      assert.ok(out.includes('&lt;b&gt;Eve&lt;\\/b&gt;'), out);
      assert.ok(out.includes('**Groups:** \\*\\*Admins\\*\\* &lt;i&gt;'), out);
      assert.ok(out.includes('**Created:** &lt;not a date&gt;'), out);
    });

    it('caps a long group list', () => {
      const groups = Array.from({ length: 13 }, (_, i) => ({ name: `G${i}`, guests: ['jane@example.com'] }));
      assert.ok(guestTooltipMarkdown(makeGuest(), groups).includes('**Groups:** G0\\, G1\\, G2\\, G3\\, G4\\, G5\\, G6\\, G7\\, G8\\, G9 and 3 more'));
    });

    it('never throws on malformed guests or groups', () => {
      fc.assert(fc.property(arbitraryMalformedGuest, fc.anything(), (guest, groups) => {
        const out = guestTooltipMarkdown(guest, groups as never);
        assert.equal(typeof out, 'string');
        assert.ok(!out.includes('<') && !BIDI.test(out));
      }), { numRuns: 500 });
    });
  });
});
