import { strict as assert } from 'node:assert';
import { normalizeToken, tokenize, words } from '../../lib/text/tokens';

describe('tokenize(text)', () => {
  it('splits a possessive, keeps acronyms, hyphenated words and contractions whole', () => {
    const t = tokenize('Trump’s U.S.-Russia policy can’t stop non-interference.');
    assert.deepEqual(t.map((x) => x.text), ['Trump', '’s', 'U.S.', '-', 'Russia', 'policy', 'can’t', 'stop', 'non-interference', '.']);
    assert.deepEqual(t.map((x) => x.kind), ['word', 'word', 'word', 'punct', 'word', 'word', 'word', 'word', 'word', 'punct']);
    assert.equal(t[6].norm, "can't");
  });

  it('keeps numbers with separators and percent signs as number tokens', () => {
    const t = tokenize('over 600,000 soldiers, $500 billion, 2.5%');
    assert.deepEqual(t.filter((x) => x.kind === 'number').map((x) => x.text), ['600,000', '500', '2.5%']);
  });

  it('gives offsets that slice back to each token', () => {
    const text = '“He can’t stop the war. Not in a day,” Medvedev stated.';
    for (const tok of tokenize(text)) assert.equal(text.slice(tok.start, tok.end), tok.text);
  });

  it('lower-cases and straightens quotes in norm', () => {
    assert.equal(normalizeToken('Russia’s'), "russia's");
    assert.deepEqual(words('The KREMLIN said “no”.'), ['the', 'kremlin', 'said', 'no']);
  });

  it('shares one frozen token list between calls on the same sentence', () => {
    const text = 'Putin is confident that Trump can repair relations.';
    const first = tokenize(text);
    assert.equal(tokenize(text), first);
    assert.ok(Object.isFrozen(first) && Object.isFrozen(first[0]));
    assert.throws(() => (first as unknown as string[]).push('x'), TypeError);
    assert.notEqual(tokenize(`${text} `), first);
    assert.deepEqual(tokenize(`${text} `), first);
  });

  it('returns nothing for empty text and rejects a non-string', () => {
    assert.deepEqual(tokenize(''), []);
    assert.throws(() => tokenize(null as unknown as string), /expected a string, got null/);
  });
});
