import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { NewsStanceError } from '../../lib/errors';
import { attributeSpeakers } from '../../lib/speakers/attribute';
import { scanQuotes } from '../../lib/speakers/quotes';
import { compileSpeakers, defaultSpeakers, loadSpeakers, parseSpeakers } from '../../lib/speakers/speakers';

/** A speakers file with the given speakers list (written as JSON text) and one-word lists. */
function file(speakers: string, verbs = '["said"]'): string {
  return `{\n  "speechVerbs": ${verbs},\n  "participles": ["saying"],\n  "sourcePhrases": ["according to"],\n  "unnamedSpeakers": ["officials"],\n  "speakers": ${speakers}\n}\n`;
}

/** Asserts that `fn` throws a NewsStanceError with exactly this message. */
function throwsMessage(fn: () => unknown, message: string): void {
  assert.throws(fn, (e: unknown) => {
    assert.ok(e instanceof NewsStanceError, String(e));
    assert.equal(e.message, message);
    return true;
  });
}

describe('loadSpeakers(file)', () => {
  it('loads the bundled data/speakers.json with the speakers of the seeds', () => {
    const set = loadSpeakers();
    for (const name of ['Vladimir Putin', 'Donald Trump', 'Dmitry Medvedev', 'Sergey Lavrov', 'Mike Pompeo', 'Theresa Fallon', 'Nina Khrushcheva', 'Elena Morozova', 'JD Vance', 'Kremlin', 'Editor', 'Congressional report']) {
      assert.ok(set.byName.has(name), name);
    }
    assert.deepEqual(set.byName.get('Sergey Lavrov')?.aliases, ['Sergey Lavrov', 'Sergei Lavrov', 'Lavrov']);
    assert.equal(set.byName.get('Editor')?.ownVoice, true);
    assert.ok(set.speechVerbs.includes('said') && set.sourcePhrases.includes('according to'));
  });

  it('returns the same compiled set every time from defaultSpeakers()', () => {
    assert.equal(defaultSpeakers(), defaultSpeakers());
  });

  it('names a missing file', () => {
    throwsMessage(() => loadSpeakers('/nope/speakers.json'), '/nope/speakers.json: speakers file not found. Pass the path of a JSON file like data/speakers.json, or omit it for the bundled one');
  });
});

describe('parseSpeakers(json, file) rejects a bad speakers file with file, line and field', () => {
  it('on invalid JSON', () => {
    throwsMessage(() => parseSpeakers('{\n  "speakers": [\n    {"name": "X",}\n  ]\n}', 'bad.json'), 'bad.json:3: invalid JSON: expected a quoted key. Check the quotes, commas and brackets near that line');
  });

  it('on an alias claimed by two speakers', () => {
    throwsMessage(
      () => parseSpeakers(file('[\n    {"name": "A", "aliases": ["Putin"]},\n    {"name": "B", "aliases": ["Putin"]}\n  ]'), 'dup.json'),
      'dup.json:8: speakers[1].aliases[0]: "Putin" is claimed by two speakers, "A" (speakers[0].aliases[0]) and "B". An alias or excluded phrase may appear once in the whole file',
    );
  });

  it('on an alias that is another speaker’s role', () => {
    throwsMessage(
      () => parseSpeakers(file('[\n    {"name": "A", "aliases": ["Putin"], "roles": ["the president"]},\n    {"name": "B", "aliases": ["the president"]}\n  ]'), 'role.json'),
      'role.json:8: speakers[1].aliases[0]: "the president" is also a role of "A" (speakers[0].roles[0]). An alias or excluded phrase may not be a role',
    );
  });

  it('on a speaker without aliases, of an unknown kind or pronoun, or with an unknown field', () => {
    throwsMessage(() => parseSpeakers(file('[\n    {"name": "A", "aliases": []}\n  ]'), 's.json'), 's.json:7: speakers[0].aliases: no aliases. Give speaker "A" at least one name as it appears in articles');
    throwsMessage(() => parseSpeakers(file('[\n    {"name": "A"}\n  ]'), 's.json'), 's.json:7: speakers[0].aliases: missing: a list of aliases');
    throwsMessage(() => parseSpeakers(file('[\n    {"name": "A", "aliases": ["A"], "kind": "robot"}\n  ]'), 's.json'), 's.json:7: speakers[0].kind: "robot" is not one of person, institution, document, interviewer');
    throwsMessage(() => parseSpeakers(file('[\n    {"name": "A", "aliases": ["A"], "pronouns": ["xe"]}\n  ]'), 's.json'), 's.json:7: speakers[0].pronouns[0]: "xe" is not one of he, she, it, they');
    throwsMessage(
      () => parseSpeakers(file('[\n    {"name": "A", "aliases": ["A"], "nick": "a"}\n  ]'), 's.json'),
      's.json:7: speakers[0].nick: unknown field. A speaker has: name, kind, title, aliases, roles, exclude, pronouns, ownVoice',
    );
  });

  it('on duplicate names, padded aliases, an empty list and a non-boolean ownVoice', () => {
    throwsMessage(() => parseSpeakers(file('[\n    {"name": "A", "aliases": ["A"]},\n    {"name": "A", "aliases": ["B"]}\n  ]'), 's.json'), 's.json:8: speakers[1].name: duplicate name "A" (also at speakers[0].name). Give every speaker its own name');
    throwsMessage(() => parseSpeakers(file('[\n    {"name": "A", "aliases": [" A"]}\n  ]'), 's.json'), 's.json:7: speakers[0].aliases[0]: " A" has leading or trailing spaces');
    throwsMessage(() => parseSpeakers(file('[]'), 's.json'), 's.json:6: speakers: the list of speakers is empty. Add at least one speaker');
    throwsMessage(() => parseSpeakers(file('[\n    {"name": "A", "aliases": ["A"], "ownVoice": "yes"}\n  ]'), 's.json'), 's.json:7: speakers[0].ownVoice: expected true or false, got "yes"');
  });

  it('on word lists that are missing or not lower case', () => {
    throwsMessage(() => parseSpeakers('{\n  "speakers": []\n}', 's.json'), 's.json:1: speechVerbs: missing: a list of words or phrases');
    throwsMessage(() => parseSpeakers(file('[\n    {"name": "A", "aliases": ["A"]}\n  ]', '["Said"]'), 's.json'), 's.json:2: speechVerbs[0]: "Said" must be lower case');
  });

  it('but lets one speaker list an alias in two letter cases, and speakers share a role', () => {
    const set = parseSpeakers(
      file('[\n    {"name": "R", "kind": "document", "aliases": ["Congressional report", "congressional report"], "roles": ["the report"]},\n    {"name": "S", "aliases": ["Senate report"], "roles": ["the report"]}\n  ]'),
      'ok.json',
    );
    assert.equal(set.speakers.length, 2);
  });
});

describe('attributeSpeakers(sentences, options) with other speakers', () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'speakers-'));
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('uses a compiled set passed as options.speakers', () => {
    const speakers = compileSpeakers({
      speechVerbs: ['quipped'],
      participles: ['saying'],
      sourcePhrases: ['according to'],
      unnamedSpeakers: ['officials'],
      speakers: [{ name: 'Jane Roe', aliases: ['Jane Roe', 'Roe'], pronouns: ['she'] }],
    });
    const r = attributeSpeakers([{ text: 'Roe quipped that the summit was a show.', paragraph: 0 }], { speakers });
    assert.deepEqual(r, [{ quoted: true, direct: false, speaker: 'Jane Roe', cue: 'Roe quipped' }]);
    // "said" is not a speech verb of this set.
    assert.equal(attributeSpeakers([{ text: 'Roe said no.', paragraph: 0 }], { speakers })[0].quoted, false);
  });

  it('loads a speakers file passed as options.file', () => {
    const f = path.join(tmp, 'speakers.json');
    fs.writeFileSync(f, file('[\n    {"name": "John Doe", "aliases": ["Doe"]}\n  ]'));
    assert.equal(attributeSpeakers([{ text: '“We are done here,” Doe said.', paragraph: 0 }], { file: f })[0].speaker, 'John Doe');
  });

  it('rejects bad sentences and options with the field', () => {
    throwsMessage(() => attributeSpeakers('x' as never), 'sentences: expected a list of sentences, got "x"');
    throwsMessage(() => attributeSpeakers([{ text: 5, paragraph: 0 }] as never), 'sentences[0].text: expected a string, got 5');
    throwsMessage(() => attributeSpeakers([{ text: 'a', paragraph: '1' }] as never), 'sentences[0].paragraph: expected a paragraph number, got "1"');
    throwsMessage(() => attributeSpeakers([], { quotedShare: 2 }), 'options.quotedShare: expected a number in (0, 1], got 2');
    throwsMessage(() => attributeSpeakers([], { minQuoteWords: 0 }), 'options.minQuoteWords: expected a whole number of at least 1, got 0');
    throwsMessage(() => attributeSpeakers([{ text: 'a', paragraph: 0 }], { file: 'x.json', speakers: defaultSpeakers() }), 'options.file: give either speakers or file, not both');
    throwsMessage(() => attributeSpeakers([{ text: 'a', paragraph: 0 }], { speakers: {} as never }), 'options.speakers: expected a speaker set from loadSpeakers() or compileSpeakers(), got an object');
  });
});

describe('scanQuotes(sentences)', () => {
  it('tracks a quote across sentences and tells scare quotes from real ones', () => {
    const q = scanQuotes([
      { text: 'He called it “courageously sweet”, then: “I do not know.', paragraph: 0 },
      { text: 'I have no clue.”', paragraph: 0 },
    ]);
    assert.deepEqual(
      q[0].spans.map((s) => [s.words, s.real, s.close]),
      [
        [2, false, 32],
        [4, true, -1],
      ],
    );
    assert.equal(q[0].openAtEnd, true);
    assert.equal(q[1].continues, true);
    assert.deepEqual(q[1].spans.map((s) => [s.start, s.end, s.open]), [[0, 15, -1]]);
  });

  it('does not take apostrophes for single quotes', () => {
    const q = scanQuotes([{ text: 'It’s the agencies’ view, not ‘Champagne corks going off’ at all.', paragraph: 0 }]);
    assert.deepEqual(q[0].spans.map((s) => s.words), [4]);
  });

  it('drops an unclosed quote at a paragraph that does not reopen it', () => {
    const q = scanQuotes([
      { text: '“An unclosed quote.', paragraph: 0 },
      { text: 'The writer again.', paragraph: 1 },
    ]);
    assert.equal(q[1].continues, false);
    assert.equal(q[1].quotedLetters, 0);
  });
});
