import { strict as assert } from 'node:assert';
import { attributeSpeakers, summarizeVoices, type Attribution } from '../../lib/speakers/attribute';
import { sentencesOf } from '../../lib/text/segment';
import { seed } from '../helpers/seeds';

const cache = new Map<string, { texts: string[]; voices: Attribution[] }>();
/** Sentences and attributions of a seed ('000' ... '004'), computed once. */
function seedVoices(prefix: string): { texts: string[]; voices: Attribution[] } {
  let v = cache.get(prefix);
  if (!v) {
    const sentences = sentencesOf(seed(prefix));
    v = { texts: sentences.map((s) => s.text), voices: attributeSpeakers(sentences) };
    cache.set(prefix, v);
  }
  return v;
}

/** The attribution of the sentence of a seed that starts with `start`. */
function voiceOf(prefix: string, start: string): Attribution {
  const { texts, voices } = seedVoices(prefix);
  const i = texts.findIndex((t) => t.startsWith(start));
  if (i < 0) throw new Error(`no sentence "${start}" in seed ${prefix}`);
  return voices[i];
}

/** A paragraph of one-line sentences as attributeSpeakers takes them. */
function para(...texts: string[]): Array<{ text: string; paragraph: number }> {
  return texts.map((text) => ({ text, paragraph: 0 }));
}

const writer: Attribution = { quoted: false, direct: false, speaker: null, cue: null };

describe('attributeSpeakers(sentences) on DW (002)', () => {
  it('gives “We have differences …,” Pompeo said before meeting with Putin. to Mike Pompeo', () => {
    assert.deepEqual(voiceOf('002', '“We have differences'), { quoted: true, direct: true, speaker: 'Mike Pompeo', cue: 'Pompeo said' });
  });

  it('gives “I believe it’s time …,” Lavrov added. to Sergey Lavrov', () => {
    assert.deepEqual(voiceOf('002', '“I believe it’s time'), { quoted: true, direct: true, speaker: 'Sergey Lavrov', cue: 'Lavrov added' });
  });

  it('gives every sentence of Fallon’s quote, and the quote after “Fallon told DW.”, to Theresa Fallon', () => {
    for (const start of ['“Early on in the Trump presidency', 'We heard about champagne corks', 'Everyone thought it was going to be', '“But the reality is very different.”']) {
      assert.deepEqual(voiceOf('002', start), { quoted: true, direct: true, speaker: 'Theresa Fallon', cue: 'Fallon told' }, start);
    }
  });

  it('reads "For Theresa Fallon, director ..., there is a disparity" as Fallon’s view, not a quote', () => {
    assert.deepEqual(voiceOf('002', 'For Theresa Fallon'), { quoted: true, direct: false, speaker: 'Theresa Fallon', cue: 'For Theresa Fallon' });
  });

  it('resolves “…,” she said to Nina Khrushcheva, named in the paragraph before', () => {
    assert.deepEqual(voiceOf('002', 'But Nina Khrushcheva'), { quoted: true, direct: true, speaker: 'Nina Khrushcheva', cue: 'Nina Khrushcheva said' });
    assert.deepEqual(voiceOf('002', '“Putin is still giving Trump'), { quoted: true, direct: true, speaker: 'Nina Khrushcheva', cue: 'she said' });
    assert.deepEqual(voiceOf('002', '“But altogether, Russia will continue'), { quoted: true, direct: true, speaker: 'Nina Khrushcheva', cue: 'she said' });
  });

  it('resolves “…,” the ministry said to the Kremlin once the Russian Foreign Ministry is named', () => {
    assert.deepEqual(voiceOf('002', '“We hope that Washington'), { quoted: true, direct: true, speaker: 'Kremlin', cue: 'the ministry said' });
  });

  it('gives Lavrov said: “…” and its second sentence to Sergey Lavrov', () => {
    assert.equal(voiceOf('002', 'Asked whether he and Pompeo').speaker, 'Sergey Lavrov');
    assert.deepEqual(voiceOf('002', 'We tried to concentrate on real politics'), { quoted: true, direct: true, speaker: 'Sergey Lavrov', cue: 'Lavrov said' });
    assert.deepEqual(voiceOf('002', 'In fact, Lavrov at one point described'), { quoted: true, direct: false, speaker: 'Sergey Lavrov', cue: 'Lavrov at one point described' });
  });

  it('gives "according to a 2019 Congressional report" and “…,” said the report to the report', () => {
    assert.deepEqual(voiceOf('002', 'The US has also “imposed sanctions'), { quoted: true, direct: true, speaker: 'Congressional report', cue: 'according to a 2019 Congressional report' });
    assert.deepEqual(voiceOf('002', '“Most Members of Congress'), { quoted: true, direct: true, speaker: 'Congressional report', cue: 'said the report' });
  });

  it('gives the embedded tweet, author line included, to Donald Trump', () => {
    const { texts, voices } = seedVoices('002');
    const from = texts.indexOf('Donald J. Trump');
    const to = texts.indexOf('(Twitter Donald J. Trump)');
    assert.deepEqual([from, to], [6, 12]);
    for (let i = from; i <= to; i++) assert.deepEqual(voices[i], { quoted: true, direct: true, speaker: 'Donald Trump', cue: '(Twitter Donald J. Trump)' }, texts[i]);
  });

  it('reads "Experts say" as reported speech of nobody named', () => {
    assert.deepEqual(voiceOf('002', 'Experts say'), { quoted: true, direct: false, speaker: null, cue: 'Experts say' });
  });

  it('keeps "a point that Secretary of State Mike Pompeo acknowledged" (a relative clause) in the writer’s voice', () => {
    assert.deepEqual(voiceOf('002', 'But Trump appeared to ignore'), writer);
  });

  it('keeps the writer’s voice around a three-word title in quotes', () => {
    assert.deepEqual(voiceOf('002', 'Last year, the Defense Department'), writer);
  });
});

describe('attributeSpeakers(sentences) on Firstpost (004)', () => {
  it('gives Putin commended Trump’s reaction, saying, “…” to Vladimir Putin', () => {
    assert.deepEqual(voiceOf('004', 'Speaking at the Valdai Club'), { quoted: true, direct: true, speaker: 'Vladimir Putin', cue: 'Putin commended' });
  });

  it('gives “…,” Putin remarked and “…,” Putin argued to Vladimir Putin', () => {
    assert.deepEqual(voiceOf('004', '“What was said about the desire'), { quoted: true, direct: true, speaker: 'Vladimir Putin', cue: 'Putin remarked' });
    assert.deepEqual(voiceOf('004', '“The West has never accepted us'), { quoted: true, direct: true, speaker: 'Vladimir Putin', cue: 'Putin argued' });
  });

  it('gives he tempered expectations: “I do not know … I have no clue.” (two sentences) to Vladimir Putin', () => {
    const cue = 'he tempered expectations:';
    assert.deepEqual(voiceOf('004', 'Despite his diplomatic invitation'), { quoted: true, direct: true, speaker: 'Vladimir Putin', cue });
    assert.deepEqual(voiceOf('004', 'I have no clue.”'), { quoted: true, direct: true, speaker: 'Vladimir Putin', cue });
  });

  it('gives by asserting, “It is useless … But we are always ready …” to Vladimir Putin', () => {
    assert.deepEqual(voiceOf('004', 'Putin reinforced Russia’s stance'), { quoted: true, direct: true, speaker: 'Vladimir Putin', cue: 'Putin … asserting' });
    assert.deepEqual(voiceOf('004', 'But we are always ready to negotiate'), { quoted: true, direct: true, speaker: 'Vladimir Putin', cue: 'Putin … asserting' });
  });

  it('gives “He can’t stop the war. Not in a day, …,” Medvedev stated to Dmitry Medvedev, both sentences', () => {
    assert.deepEqual(voiceOf('004', '“He can’t stop the war.'), { quoted: true, direct: true, speaker: 'Dmitry Medvedev', cue: 'Medvedev stated' });
    assert.deepEqual(voiceOf('004', 'Not in a day, not in three days'), { quoted: true, direct: true, speaker: 'Dmitry Medvedev', cue: 'Medvedev stated' });
  });

  it('gives Medvedev’s voiced scepticism (past an apposition) and "He warned that" to Dmitry Medvedev', () => {
    assert.deepEqual(voiceOf('004', 'Dmitry Medvedev, Deputy Chairman'), { quoted: true, direct: false, speaker: 'Dmitry Medvedev', cue: 'Dmitry Medvedev voiced' });
    assert.deepEqual(voiceOf('004', 'He warned that if Trump took drastic steps'), { quoted: true, direct: false, speaker: 'Dmitry Medvedev', cue: 'He warned' });
  });

  it('gives Lavrov’s doubt about the “Russophobic course” to Sergey Lavrov', () => {
    assert.deepEqual(voiceOf('004', 'Similarly, Foreign Minister Sergey Lavrov'), { quoted: true, direct: true, speaker: 'Sergey Lavrov', cue: 'Foreign Minister Sergey Lavrov expressed' });
  });

  it('resolves "Trump’s stance on sanctions has been mixed: he has stated" to Donald Trump', () => {
    assert.deepEqual(voiceOf('004', 'Trump’s stance on sanctions'), { quoted: true, direct: false, speaker: 'Donald Trump', cue: 'he has stated' });
  });

  it('reads reported positions: Vance has echoed, Pompeo has advocated, Putin has repeatedly condemned', () => {
    assert.equal(voiceOf('004', 'His vice-president-elect, JD Vance').speaker, 'JD Vance');
    assert.equal(voiceOf('004', 'His former Secretary of State, Mike Pompeo').speaker, 'Mike Pompeo');
    assert.equal(voiceOf('004', 'Since the Cold War’s end, Putin').cue, 'Putin has repeatedly condemned');
  });

  it('keeps the writer’s voice where nobody is said to speak', () => {
    assert.deepEqual(voiceOf('004', 'This combination of cautious optimism'), writer);
    assert.deepEqual(voiceOf('004', 'Instead, they responded with economic sanctions'), writer); // "they" names no speaker
    assert.deepEqual(voiceOf('004', 'Additionally, Russia insists'), writer); // a country is not a speaker
  });
});

describe('attributeSpeakers(sentences) on the Time.news interview (001)', () => {
  it('gives every sentence of a "Dr. Morozova:" turn to Elena Morozova, quoted', () => {
    assert.deepEqual(voiceOf('001', 'Dr. Morozova: Great question.'), { quoted: true, direct: true, speaker: 'Elena Morozova', cue: 'Dr. Morozova:' });
    assert.deepEqual(voiceOf('001', 'The Kremlin attributes the poor state'), { quoted: true, direct: true, speaker: 'Elena Morozova', cue: 'Dr. Morozova:' });
  });

  it('gives the interviewer’s turns to Editor, in the publication’s own voice', () => {
    assert.deepEqual(voiceOf('001', 'Editor (Time.news): Welcome'), { quoted: false, direct: false, speaker: 'Editor', cue: 'Editor (Time.news):' });
    assert.deepEqual(voiceOf('001', 'Joining me is Dr. Elena Morozova'), { quoted: false, direct: false, speaker: 'Editor', cue: 'Editor (Time.news):' });
    // The label wins over the reported speech inside the turn.
    assert.deepEqual(voiceOf('001', 'Editor: Putin expressed that'), { quoted: false, direct: false, speaker: 'Editor', cue: 'Editor:' });
  });

  it('counts 23 sentences of Morozova and 19 of the Editor, the whole interview', () => {
    const { voices } = seedVoices('001');
    assert.equal(voices.filter((v) => v.speaker === 'Elena Morozova').length, 23);
    assert.equal(voices.filter((v) => v.speaker === 'Editor').length, 19);
  });

  it('gives “I think we will talk,” Trump said to Donald Trump, and the president-elect’s next sentence too', () => {
    assert.deepEqual(voiceOf('001', '“I think we will talk,”'), { quoted: true, direct: true, speaker: 'Donald Trump', cue: 'Trump said' });
    assert.deepEqual(voiceOf('001', 'The US president-elect said'), { quoted: true, direct: false, speaker: 'Donald Trump', cue: 'The US president-elect said' });
  });

  it('follows Putin through "The Russian president expressed", "He emphasized" and "he said"', () => {
    assert.equal(voiceOf('001', 'Moscow is ready to restore relations').cue, 'Russian President Vladimir Putin said');
    assert.equal(voiceOf('001', 'The Russian president expressed').speaker, 'Vladimir Putin');
    assert.deepEqual(voiceOf('001', 'He emphasized that'), { quoted: true, direct: false, speaker: 'Vladimir Putin', cue: 'He emphasized' });
    assert.deepEqual(voiceOf('001', 'Referring to China, he said'), { quoted: true, direct: false, speaker: 'Vladimir Putin', cue: 'he said' });
  });

  it('keeps “strategic cooperation” (scare quotes) in the writer’s voice', () => {
    assert.deepEqual(voiceOf('001', 'Moscow and Beijing agreed'), writer);
  });
});

describe('attributeSpeakers(sentences) on the explainers (000, 003)', () => {
  it('finds mostly the writer’s own voice: under 15% quoted in each', () => {
    for (const prefix of ['000', '003']) {
      const s = summarizeVoices(seedVoices(prefix).voices);
      assert.ok(s.quotedShare < 0.15, `${prefix}: ${s.quotedShare}`);
    }
    assert.equal(summarizeVoices(seedVoices('000').voices).quoted, 19);
    assert.equal(summarizeVoices(seedVoices('003').voices).quoted, 4);
  });

  it('gives the Kremlin explainer’s reported speech to the Kremlin and nobody else', () => {
    assert.deepEqual(voiceOf('000', 'However, this relationship, according to the Kremlin'), { quoted: true, direct: false, speaker: 'Kremlin', cue: 'according to the Kremlin' });
    assert.deepEqual(voiceOf('000', 'They stressed that Russia'), { quoted: true, direct: false, speaker: 'Kremlin', cue: 'They stressed' });
    assert.deepEqual(voiceOf('000', 'The negotiator articulated'), { quoted: true, direct: false, speaker: 'Kremlin', cue: 'The negotiator articulated' });
    assert.deepEqual(voiceOf('000', 'Critics of Trump expressed concerns'), { quoted: true, direct: false, speaker: null, cue: 'Critics of Trump expressed' });
    const named = new Set(seedVoices('000').voices.map((v) => v.speaker).filter((s) => s !== null));
    assert.deepEqual([...named], ['Kremlin']);
  });

  it('keeps the explainers’ own claims unquoted', () => {
    assert.deepEqual(voiceOf('000', 'The Kremlin believes that a significant portion'), writer); // belief, not speech
    assert.deepEqual(voiceOf('000', 'Guys, understanding these relationships'), writer);
    assert.deepEqual(voiceOf('003', 'The statement that "Putin is confident'), writer);
    assert.deepEqual(voiceOf('003', "Trump's 'America First' Foreign Policy:"), writer);
    assert.deepEqual(voiceOf('003', 'Putin may believe that'), writer);
  });

  it('reads the quoted headline of 003 as a quotation by nobody named', () => {
    assert.deepEqual(voiceOf('003', '"Putin Confident Trump'), { quoted: true, direct: true, speaker: null, cue: null });
  });
});

describe('attributeSpeakers(sentences) on short texts', () => {
  it('returns [] for no sentences', () => {
    assert.deepEqual(attributeSpeakers([]), []);
  });

  it('does not let one- or two-word scare quotes make a sentence quoted', () => {
    assert.deepEqual(attributeSpeakers(para('The plan is a “constructive model” for relations.')), [writer]);
    assert.deepEqual(attributeSpeakers(para('Medvedev called Trump’s words “banalities.”'))[0], { quoted: true, direct: false, speaker: 'Dmitry Medvedev', cue: 'Medvedev called' });
  });

  it('carries a quote over into the next paragraph when that one opens with a quotation mark', () => {
    const r = attributeSpeakers([
      { text: '“This is the first paragraph of a long quote.', paragraph: 0 },
      { text: '“And this is the second,” Lavrov said.', paragraph: 1 },
      { text: 'The writer speaks again.', paragraph: 2 },
    ]);
    assert.deepEqual(r.map((x) => x.speaker), ['Sergey Lavrov', 'Sergey Lavrov', null]);
  });

  it('reads straight and single quotes, inverted attributions, titles and unknown names', () => {
    const r = attributeSpeakers(
      para(
        '"We are ready," Lavrov said.',
        "'We are ready,' Lavrov said.",
        '“We will respond,” said Maria Zakharova, the ministry’s spokeswoman.',
        'Kremlin spokesman Dmitry Peskov told reporters that the talks were useful.',
        'Bob Smith, a professor at Harvard, said the deal was dead.',
        '“It is a disaster,” a senior official said.',
      ),
    );
    assert.deepEqual(
      r.map((x) => [x.speaker, x.cue]),
      [
        ['Sergey Lavrov', 'Lavrov said'],
        ['Sergey Lavrov', 'Lavrov said'],
        ['Maria Zakharova', 'said Maria Zakharova'],
        ['Dmitry Peskov', 'Kremlin spokesman Dmitry Peskov told'],
        [null, 'Bob Smith said'],
        [null, 'a senior official said'],
      ],
    );
    assert.ok(r.every((x) => x.quoted));
  });

  it('leaves "she said" unresolved when no woman was named, and excluded phrases unattributed', () => {
    assert.deepEqual(attributeSpeakers(para('“Nobody wants war,” she said.'))[0], { quoted: true, direct: true, speaker: null, cue: 'she said' });
    assert.equal(attributeSpeakers(para('Melania Trump said she was happy.'))[0].speaker, null);
  });

  it('reads an embedded post with a "— Name (@handle) date" footer', () => {
    const r = attributeSpeakers([
      { text: 'Great meeting with President Putin.', paragraph: 1 },
      { text: 'Peace is coming! — Donald J. Trump (@realDonaldTrump) July 16, 2018', paragraph: 1 },
    ]);
    assert.deepEqual(r.map((x) => [x.quoted, x.speaker]), [
      [true, 'Donald Trump'],
      [true, 'Donald Trump'],
    ]);
  });
});

describe('summarizeVoices(attributions) over the five seeds', () => {
  it('ranks the sceptical reports and the interview above the explainers in quoted share', () => {
    const share = (p: string): number => summarizeVoices(seedVoices(p).voices).quotedShare;
    for (const quoting of ['001', '002', '004']) for (const explainer of ['000', '003']) assert.ok(share(quoting) > 2 * share(explainer), `${quoting} vs ${explainer}`);
  });

  it('names the top speaker of each seed', () => {
    const top = ['000', '001', '002', '003', '004'].map((p) => summarizeVoices(seedVoices(p).voices).speakers[0]?.speaker);
    assert.deepEqual(top, ['Kremlin', 'Elena Morozova', 'Donald Trump', 'Donald Trump', 'Vladimir Putin']);
  });

  it('counts an empty list as nothing quoted', () => {
    assert.deepEqual(summarizeVoices([]), { sentences: 0, quoted: 0, quotedShare: 0, direct: 0, unattributed: 0, speakers: [] });
  });
});
