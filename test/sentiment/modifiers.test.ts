import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import { NewsStanceError } from '../../lib/errors';
import { DEFAULT_MODIFIERS_FILE, defaultModifiers, loadModifiers, parseModifiers } from '../../lib/sentiment/modifiers';
import { tempFolder } from '../helpers/temp';

/** A minimal valid cue file, one field a line, so that tests can break one line. */
const MINIMAL = ['{', '  "negation": { "scope": 4, "factor": -0.6, "words": ["not"] },', '  "contrast": { "before": 0.5, "after": 1.5, "words": ["but"] }', '}', ''].join('\n');

/** MINIMAL with extra lines inserted after line 2. */
function withLines(...lines: string[]): string {
  const all = MINIMAL.split('\n');
  all.splice(2, 0, ...lines);
  return all.join('\n');
}


describe('loadModifiers(file)', () => {
  const { write, dir: tempDir } = tempFolder('news-stance-modifiers-');

  it('loads the bundled data/lexicon/modifiers.json with its negators, boosters, contrast words and phrases', () => {
    const mods = loadModifiers(DEFAULT_MODIFIERS_FILE);
    assert.equal(mods.file, DEFAULT_MODIFIERS_FILE);
    assert.equal(mods.negation.scope, 4);
    assert.equal(mods.negation.factor, -0.6);
    assert.ok(mods.negation.words.includes('never'));
    assert.equal(mods.intensifiers.get('extremely'), 1.6);
    assert.equal(mods.diminishers.get('slightly'), 0.5);
    assert.ok(mods.contrast.words.includes('but'));
    assert.ok(mods.contrast.concessive.includes('although'));
    assert.equal(mods.cues.get('point of no return'), -0.6);
    assert.equal(mods.cues.get('benefit of the doubt'), 0.4);
    assert.ok(mods.shifters.words.includes('reduce'));
    assert.ok(mods.neutral.includes('supreme court'));
  });

  it('gives the same cue set from defaultModifiers() every time', () => {
    assert.equal(defaultModifiers(), defaultModifiers());
    assert.deepEqual([...defaultModifiers().cues.keys()], [...loadModifiers(DEFAULT_MODIFIERS_FILE).cues.keys()]);
  });

  it('stores words and phrases normalised: lower case, straight apostrophes, single spaces', () => {
    const file = write('normalised.json', withLines('  "cues": { "Can’t  Stop": -0.3, "COLD WAR": -0.4 },'));
    const mods = loadModifiers(file);
    assert.deepEqual([...mods.cues], [
      ["can't stop", -0.3],
      ['cold war', -0.4],
    ]);
  });

  it('defaults optional parts: no shifters, negativeFactor = factor, negator value 0', () => {
    const mods = loadModifiers(write('minimal.json', MINIMAL));
    assert.deepEqual(mods.shifters.words, []);
    assert.equal(mods.negation.negativeFactor, -0.6);
    assert.equal(mods.negation.value, 0);
    assert.equal(mods.intensifiers.size, 0);
    assert.deepEqual(mods.contrast.concessive, []);
  });

  it('names the file and line of a JSON syntax error (a trailing comma)', () => {
    const file = write('trailing.json', MINIMAL.replace('["but"] }', '["but"] },'));
    assert.throws(
      () => loadModifiers(file),
      (err: unknown) =>
        err instanceof NewsStanceError &&
        err.line === 4 &&
        err.message === `${file}:4: invalid JSON: unexpected "}", expected a double-quoted key. Cue files are strict JSON: double quotes, no trailing commas, no comments (use "$comment" keys)`,
    );
  });

  it('names the file, line and field of a multiplier that is not a number', () => {
    const file = write('multiplier.json', withLines('  "intensifiers": {', '    "very": "1.5"', '  },'));
    assert.throws(() => loadModifiers(file), {
      name: 'NewsStanceError',
      message: `${file}:4: intensifiers.very: expected a multiplier above 1 and at most 4, got the string "1.5"`,
    });
  });

  it('refuses a diminisher of 1 or more', () => {
    const file = write('diminisher.json', withLines('  "diminishers": { "somewhat": 1.2 },'));
    assert.throws(() => loadModifiers(file), { message: `${file}:3: diminishers.somewhat: expected a multiplier from 0 up to (not including) 1, got the number 1.2` });
  });

  it('refuses a cue value outside [-1, 1], quoting a phrase key', () => {
    const file = write('cue.json', withLines('  "cues": {', '    "cold war": -4', '  },'));
    assert.throws(() => loadModifiers(file), { message: `${file}:4: cues["cold war"]: expected a value from -1 to 1, got the number -4` });
  });

  it('refuses a word listed in two roles, pointing at both lines', () => {
    const file = write('two-roles.json', withLines('  "intensifiers": { "very": 1.3 },', '  "diminishers": {', '    "Very": 0.5', '  },'));
    assert.throws(() => loadModifiers(file), {
      message: `${file}:5: diminishers.Very: "very" is already listed in intensifiers.very (line 3). A word or phrase can have only one role; remove one of the two`,
    });
  });

  it('refuses an unknown field, listing the known ones', () => {
    const file = write('unknown.json', withLines('  "negators": [],'));
    assert.throws(() => loadModifiers(file), {
      message: `${file}:3: negators: unknown field. Known fields: negation, shifters, intensifiers, diminishers, contrast, cues, neutral (keys starting with "$" are comments)`,
    });
  });

  it('refuses a duplicate key that JSON.parse would silently overwrite', () => {
    const file = write('duplicate.json', withLines('  "cues": { "cold war": -0.4,', '    "cold war": -0.5 },'));
    assert.throws(() => loadModifiers(file), { message: `${file}:4: duplicate key "cold war". Cue files are strict JSON: double quotes, no trailing commas, no comments (use "$comment" keys)` });
  });

  it('refuses a missing section, a fractional scope and an empty word', () => {
    assert.throws(() => parseModifiers('{\n  "contrast": { "before": 0.5, "after": 1.5, "words": [] }\n}', 'x.json'), {
      message: 'x.json:1: negation: missing. Add "negation" (see the bundled data/lexicon/modifiers.json)',
    });
    assert.throws(() => parseModifiers(MINIMAL.replace('"scope": 4', '"scope": 2.5'), 'x.json'), {
      message: 'x.json:2: negation.scope: expected a whole number of words from 1 to 20, got the number 2.5',
    });
    assert.throws(() => parseModifiers(MINIMAL.replace('["not"]', '["not", ""]'), 'x.json'), { message: 'x.json:2: negation.words[1]: expected a word or phrase, got ""' });
  });

  it('refuses a file whose top level is not an object', () => {
    assert.throws(() => parseModifiers('[1, 2]', 'x.json'), { message: 'x.json:1: (top level): expected an object, got an array' });
  });

  it('says so when the file does not exist', () => {
    const file = path.join(tempDir(), 'absent.json');
    assert.throws(() => loadModifiers(file), { message: `${file}: file not found. Pass the path of a JSON file in the format of data/lexicon/modifiers.json` });
  });

  it('rejects a path that is not a string', () => {
    assert.throws(() => loadModifiers(42 as unknown as string), { message: 'modifiers: expected the path of a cue file, got number' });
  });
});
