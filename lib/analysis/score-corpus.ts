import type { Corpus, Source } from '../corpus/source';
import { claimStanceOfTape, type ClaimOptions } from '../claim/claim-stance';
import { sentimentScore, type SentimentOptions } from '../sentiment/score';
import { defaultTargets, findMentions, type TargetSet } from '../targets/targets';
import { sentencesOf } from '../text/segment';
import { tapeOf } from '../text/tape';
import { speakerVoices, stanceOfSentenceMentions, type SpeakerOptions, type StanceOptions } from './adapters';
import type { ScoredSentence, SourceRef } from './types';

/** Options of {@link scoreCorpus} and {@link scoreSource}. */
export interface ScoreOptions {
  /** Sentence sentiment options (lexicons, modifiers). Default: the scorer's defaults. */
  sentiment?: SentimentOptions;
  /** Targets to find. Default: data/targets.json. */
  targets?: TargetSet;
  /** Target stance options (method 'model' or 'lexicon'). Default: the trained model. */
  stance?: StanceOptions;
  /** Claim cue options. Default: data/lexicon/claim.json. */
  claim?: ClaimOptions;
  /** Speaker attribution options. Default: data/speakers.json. */
  speakers?: SpeakerOptions;
}

/** A source's identity as carried on every analysis row. */
export function sourceRef(source: Source): SourceRef {
  return { source: source.meta.id, label: source.meta.label, group: source.meta.group, origin: source.meta.origin };
}

/**
 * Every measure for every sentence of one source: sentiment, stance toward each target
 * mentioned, stance toward the claim, hedges and boosters, and who speaks.
 */
export function scoreSource(source: Source, options: ScoreOptions = {}): ScoredSentence[] {
  const ref = sourceRef(source);
  const targets = options.targets ?? defaultTargets();
  const sentences = sentencesOf(source);
  const voices = speakerVoices(sentences, options.speakers);
  return sentences.map((s, i) => {
    const tape = tapeOf(s.text); // scanned once, read by sentiment, claim and stance
    const claim = claimStanceOfTape(tape, options.claim);
    const mentions = findMentions(s.text, targets);
    return {
      source: ref.source,
      label: ref.label,
      group: ref.group,
      origin: ref.origin,
      index: s.index,
      position: s.position,
      paragraph: s.paragraph,
      heading: s.heading,
      text: s.text,
      sentiment: sentimentScore(tape, options.sentiment),
      optimism: claim.optimism,
      claimCue: claim.claimCue,
      hedges: claim.hedges,
      boosters: claim.boosters,
      quoted: voices[i].quoted,
      speaker: voices[i].speaker,
      mentions: stanceOfSentenceMentions(s.text, mentions, options.stance),
    };
  });
}

/** {@link scoreSource} for every source of a corpus, sentences in corpus order. */
export function scoreCorpus(corpus: Corpus, options: ScoreOptions = {}): ScoredSentence[] {
  return corpus.sources.flatMap((s) => scoreSource(s, options));
}
