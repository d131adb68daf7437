import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadCorpus } from '../../lib/corpus/load';
import { sentencesOf } from '../../lib/text/segment';
import { compileTargets, defaultTargets, findMentions, loadTargets } from '../../lib/targets/targets';

/** The first seed sentence that contains `needle`. */
function seedSentence(needle: string): string {
  for (const source of loadCorpus().sources) {
    for (const s of sentencesOf(source)) if (s.text.includes(needle)) return s.text;
  }
  throw new Error(`no seed sentence contains ${needle}`);
}

const ids = (text: string): string[] => findMentions(text).map((m) => m.target);
const texts = (text: string): string[] => findMentions(text).map((m) => m.text);

describe('findMentions(text, targets)', () => {
  it('finds putin and trump in "Putin said he was impressed with Trump’s handling..." (seed 001)', () => {
    const s = seedSentence('Putin said he was impressed with Trump’s handling');
    const found = findMentions(s);
    assert.deepEqual(found.map((m) => m.target), ['putin', 'trump']);
    // the possessive matches the bare alias, and offsets point at the mention
    assert.equal(s.slice(found[1]!.start, found[1]!.end), 'Trump');
    assert.equal(found[1]!.alias, 'Trump');
  });

  it('finds russia and united-states in "Moscow is ready to restore relations with Washington..." (seed 001)', () => {
    const s = seedSentence('Moscow is ready to restore relations with Washington');
    assert.deepEqual(ids(s).slice(0, 2), ['russia', 'united-states']);
    assert.deepEqual(texts(s), ['Moscow', 'Washington', 'America', 'Vladimir Putin']);
  });

  it('never matches the pronoun "us" as the United States', () => {
    assert.deepEqual(ids('Let us be clear: they told us nothing, and it is useless to put pressure on us.'), []);
    assert.deepEqual(ids(seedSentence('It is useless to put pressure on us')), ['putin', 'russia']);
  });

  it('matches "U.S." and both sides of "US-Russia relations" and "U.S.–Russia"', () => {
    assert.deepEqual(texts('Understanding US-Russia Relations and U.S.–Russia ties in the U.S.'), ['US', 'Russia', 'U.S.', 'Russia', 'U.S.']);
    assert.deepEqual(ids('The Trump-Putin meeting'), ['trump', 'putin']);
  });

  it('prefers the longest alias: "Donald J. Trump" is one mention, not "Trump"', () => {
    const found = findMentions('Donald J. Trump met Vladimir Putin.');
    assert.deepEqual(found.map((m) => [m.target, m.text, m.start, m.end]), [
      ['trump', 'Donald J. Trump', 0, 15],
      ['putin', 'Vladimir Putin', 20, 34],
    ]);
  });

  it('skips excluded phrases: vice-president-elect, Washington Post, Donald Trump Jr.', () => {
    assert.deepEqual(ids(seedSentence('His vice-president-elect, JD Vance')), ['ukraine']);
    assert.deepEqual(ids('The Washington Post said Donald Trump Jr. met the president-elect.'), ['trump']);
    assert.deepEqual(texts('The President-elect spoke.'), ['President-elect']);
  });

  it('does not match inside longer words (Trumpism, Russian, Americans) nor "Brussels-based"', () => {
    assert.deepEqual(ids('Trumpism, Russian forces and Americans'), []);
    assert.deepEqual(ids(seedSentence('the Brussels-based Center')), ['russia', 'trump']);
  });

  it('matches case-insensitive aliases in any case and NATO/Nato both', () => {
    assert.deepEqual(ids('Sanctions on Russia; the EU kept sanctions. Nato and NATO agreed, as did Beijing and Kyiv.'), [
      'sanctions', 'russia', 'eu', 'sanctions', 'nato', 'nato', 'china', 'ukraine',
    ]);
  });

  it('finds mentions in every seed sentence without overlaps', () => {
    let total = 0;
    for (const source of loadCorpus().sources) {
      for (const s of sentencesOf(source)) {
        const found = findMentions(s.text);
        for (let i = 1; i < found.length; i++) assert.ok(found[i]!.start >= found[i - 1]!.end, s.text);
        total += found.length;
      }
    }
    assert.ok(total > 300, `only ${total} mentions`);
  });

  it('uses a list of targets given as objects', () => {
    const targets = [{ id: 'kremlin', aliases: ['Kremlin'] }];
    assert.deepEqual(findMentions('The Kremlin and Moscow', targets).map((m) => m.target), ['kremlin']);
  });
});

describe('loadTargets(file)', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'news-stance-targets-'));
  const write = (name: string, text: string): string => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, text);
    return file;
  };
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('loads the bundled file with the nine targets', () => {
    const set = loadTargets();
    assert.deepEqual(set.targets.map((t) => t.id), ['trump', 'putin', 'united-states', 'russia', 'nato', 'ukraine', 'sanctions', 'eu', 'china']);
    assert.equal(defaultTargets().byId.get('united-states')?.label, 'United States');
  });

  it('names file, line and field of a duplicate id', () => {
    const file = write('dup.json', '{\n  "targets": [\n    { "id": "trump", "aliases": ["Trump"] },\n    { "id": "trump", "aliases": ["Donald"] }\n  ]\n}\n');
    assert.throws(() => loadTargets(file), {
      name: 'NewsStanceError',
      message: `${file}:4: targets[1].id: duplicate id "trump" (also at targets[0].id). Give every target its own id`,
    });
  });

  it('names file, line and field of an empty alias', () => {
    const file = write('empty.json', '{\n  "targets": [\n    {\n      "id": "putin",\n      "aliases": ["Putin", ""]\n    }\n  ]\n}\n');
    assert.throws(() => loadTargets(file), {
      message: `${file}:5: targets[0].aliases[1]: empty alias. Remove it or write the words that name the target`,
    });
  });

  it('refuses an alias claimed by two targets', () => {
    const file = write('two.json', '{ "targets": [\n  { "id": "russia", "aliases": ["Moscow"] },\n  { "id": "kremlin", "aliases": ["Kremlin", "Moscow"] }\n] }\n');
    assert.throws(() => loadTargets(file), {
      message: `${file}:3: targets[1].aliases[1]: alias "Moscow" is claimed by two targets, "russia" (targets[0].aliases[0]) and "kremlin". An alias or excluded phrase may appear once in the whole file`,
    });
  });

  it('refuses a case-insensitive alias that collides with another target’s alias in another case', () => {
    assert.throws(() => compileTargets([{ id: 'a', aliases: ['NATO'] }, { id: 'b', aliases: [{ alias: 'nato', ignoreCase: true }] }]), {
      message: 'targets[1].aliases[0]: alias "nato" is claimed by two targets, "a" (targets[0].aliases[0]) and "b". An alias or excluded phrase may appear once in the whole file',
    });
    // but two case-sensitive spellings are distinct aliases
    assert.equal(compileTargets([{ id: 'a', aliases: ['NATO'] }, { id: 'b', aliases: ['Nato'] }]).targets.length, 2);
  });

  it('refuses ids that are not kebab-case and unknown fields', () => {
    assert.throws(() => compileTargets([{ id: 'United States', aliases: ['US'] }]), {
      message: 'targets[0].id: expected a kebab-case id like "united-states", got "United States"',
    });
    const file = write('field.json', '{ "targets": [\n  { "id": "eu", "alias": ["EU"] }\n] }\n');
    assert.throws(() => loadTargets(file), { message: `${file}:2: targets[0].alias: unknown field. A target has: id, label, aliases, exclude` });
  });

  it('names the line of a JSON syntax error', () => {
    const file = write('syntax.json', '{ "targets": [\n  { "id": "eu", "aliases": ["EU"] }\n  { "id": "china", "aliases": ["China"] }\n] }\n');
    assert.throws(() => loadTargets(file), { message: `${file}:3: invalid JSON: expected "," or "]". Check the quotes, commas and brackets near that line` });
  });

  it('says when the file does not exist', () => {
    const file = path.join(dir, 'missing.json');
    assert.throws(() => loadTargets(file), { message: `${file}: targets file not found. Pass the path of a JSON file like data/targets.json` });
  });
});
