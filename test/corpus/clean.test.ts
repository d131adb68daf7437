import { strict as assert } from 'node:assert';
import { cleanText } from '../../lib/corpus/clean';
import { words } from '../../lib/text/tokens';
import { seed, seedCorpus } from '../helpers/seeds';

/** The rules that fired on a source, with their lines, as "line:rule". */
const removals = (prefix: string): string[] => seed(prefix).removed.map((r) => `${r.line}:${r.rule}`);

describe('cleanText(raw)', () => {
  it('removes the spam line, breadcrumb, duplicated captions, byline, promo and page footer of the DW report', () => {
    assert.deepEqual(removals('002'), [
      '1:spam', '3:breadcrumb', '8:caption', '10:caption', '12:byline', '27:read-more', '65:caption',
      '81:site-chrome', '83:image-hosting', '84:image-hosting', '85:image-hosting', '89:copyright',
    ]);
    const dw = seed('002');
    assert.equal(dw.removed[0].text, 'propecia yahoo answers');
    assert.equal(dw.removed[4].text, 'By \u00a0Lewis Sanders IV (DW) –');
    assert.ok(dw.text.startsWith('US And Russia – Trying To Improve Relations\n\nSenior officials have called for an overhaul of US-Russia ties'));
  });

  it('removes the repeated title, captions, "Also Watch"/"Also Read" promos and the syndication footer of Firstpost', () => {
    assert.deepEqual(removals('004'), [
      '3:duplicate', '26:caption', '42:caption', '57:read-more', '70:caption', '77:read-more', '78:read-more',
      '80:agency-credit', '82:promo', '84:source-link', '86:author', '88:publish-date', '90:copyright', '92:site-chrome',
    ]);
    assert.ok(!seed('004').text.includes('Can Trump really be the peacemaker'));
    assert.ok(!/Exit mobile version|Publish date|Source link|File Image\/Reuters/.test(seed('004').text));
  });

  it('strips the HTML anchor of the Time.news text but keeps its anchor text', () => {
    assert.deepEqual(removals('001'), ['2:html-tag']);
    assert.ok(seed('001').text.includes("Russian President Vladimir Putin said today in a speech at the Valdai Forum in the resort of Sochi."));
    assert.ok(!seed('001').text.includes('<a'));
  });

  it('removes list markers and the comment counter of the "Putin confident" explainer', () => {
    assert.deepEqual(removals('003'), ['5:bullet-marker', '7:bullet-marker', '9:bullet-marker', '11:bullet-marker', '23:comment-counter']);
  });

  it('leaves the clean Kremlin-view explainer untouched, one paragraph per line', () => {
    const s = seed('000');
    assert.deepEqual(s.removed, []);
    assert.equal(s.paragraphs.length, s.raw.split('\n').filter((l) => l.trim()).length);
  });

  it('loses no article word: every word outside the removed pieces survives, in order', () => {
    for (const s of seedCorpus().sources) {
      const lines = s.raw.split('\n');
      for (const r of s.removed) {
        const i = r.line - 1;
        lines[i] = lines[i] === r.text ? '' : lines[i].replace(r.text, ' ');
      }
      assert.deepEqual(words(s.text), words(lines.join('\n').replace(/&[a-z#0-9]+;/g, ' ')), s.meta.id);
    }
  });

  it('re-joins lines the Firstpost text wraps mid-sentence', () => {
    const texts = seed('004').paragraphs.map((p) => p.text);
    assert.ok(texts.includes('After a relatively subdued response by the Kremlin following Trump’s victory, Putin addressed the outcome on Thursday, noting Trump’s “courageous” response to an attempted assassination in Pennsylvania during a campaign rally in July.'));
    assert.ok(texts.some((t) => t.startsWith('The Kremlin appears in no rush to finalise peace on unfavourable terms, especially as Russian forces make gradual gains')));
  });

  it('marks headings: short lines without closing punctuation', () => {
    const headings = seed('004').paragraphs.filter((p) => p.heading).map((p) => p.text);
    assert.deepEqual(headings, [
      'What does Vladimir Putin want from Trump’s America? – Firstpost',
      'What does Putin want from the US?',
      'Can Trump end the war in Ukraine?',
      'Putin vs Nato',
      'Who will engage first? Trump or Putin?',
    ]);
  });

  it('keeps a promo-like line when it is a long article sentence', () => {
    const { text, removed } = cleanText('Also Watch:\n\nTrump’s stance on sanctions has been mixed: he has stated they should be used judiciously to protect the dollar’s global influence.');
    assert.deepEqual(removed.map((r) => r.rule), ['read-more']);
    assert.ok(text.startsWith('Trump’s stance on sanctions'));
  });

  it('keeps duplicates when asked to', () => {
    assert.equal(cleanText('Same line.\nSame line.', { dropDuplicates: false }).paragraphs.length, 2);
    assert.equal(cleanText('Same line.\nSame line.').paragraphs.length, 1);
  });

  it('handles empty text, CRLF and a BOM', () => {
    assert.deepEqual(cleanText('').paragraphs, []);
    const r = cleanText('\uFEFFFirst line.\r\nSecond line.\r\n');
    assert.deepEqual(r.paragraphs.map((p) => [p.line, p.text]), [[1, 'First line.'], [2, 'Second line.']]);
  });
});
