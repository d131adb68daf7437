/**
 * Trains the stance model (target-dependent sentiment) on NewsMTSC train.jsonl and writes
 * data/models/stance.json. Only train.jsonl is used for fitting; mt-dev and rw-dev are scored
 * to choose settings (--search) and to record the model's figures.
 *
 *   npx tsx scripts/train-stance.ts                 # train with the chosen settings, write the model
 *   npx tsx scripts/train-stance.ts --search        # compare settings on the dev files
 *   npx tsx scripts/train-stance.ts --cv            # 5-fold cross-validation on train.jsonl, bias offsets chosen on it
 *   npx tsx scripts/train-stance.ts --lexicon       # tune the lexicon fallback on train.jsonl
 *   options: --bench DIR (default ../shared/bench/newsmtsc)  --out FILE  --l2 X  --min-count N
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DEFAULT_FEATURES, type FeatureConfig } from '../lib/stance/features';
import { DEFAULT_MODEL_FILE, modelProbabilities, type StanceModel } from '../lib/stance/model';
import { TRAINING_DEFAULTS, classWithOffsets, crossValidate, featurize, readNewsmtscTrain, trainStanceModel, type StanceExample, type TrainOptions } from '../lib/stance/train';
import { lexiconProbabilities, type LexiconStanceOptions } from '../lib/stance/lexicon-stance';
import { readNewsmtscDev, type NewsmtscItem } from '../lib/eval/newsmtsc';
import { accuracy, macroF1 } from '../lib/eval/metrics';

const args = process.argv.slice(2);
const flag = (name: string): boolean => args.includes(name);
const value = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};

const bench = path.resolve(value('--bench') ?? path.resolve(__dirname, '..', '..', 'shared', 'bench', 'newsmtsc'));
const trainFile = path.join(bench, 'train.jsonl');
const devFiles = ['rw-dev.jsonl', 'mt-dev.jsonl'].map((f) => path.join(bench, f)).filter((f) => fs.existsSync(f));

function argmax(p: readonly number[]): -1 | 0 | 1 {
  let best = 0;
  for (let k = 1; k < p.length; k++) if (p[k]! > p[best]!) best = k;
  return (best - 1) as -1 | 0 | 1;
}

interface DevFigures {
  file: string;
  n: number;
  macroF1: number;
  accuracy: number;
}

function scoreDev(model: StanceModel, devs: { file: string; items: NewsmtscItem[] }[]): DevFigures[] {
  return devs.map(({ file, items }) => {
    const gold = items.map((it) => it.polarity);
    const pred = items.map((it) => argmax(modelProbabilities(model, it.sentence, it.from, it.to)));
    return { file: path.basename(file), n: items.length, macroF1: macroF1(gold, pred), accuracy: accuracy(gold, pred) };
  });
}

const fmt = (d: DevFigures[]): string => d.map((x) => `${x.file.replace('.jsonl', '')} F1m=${x.macroF1.toFixed(3)} acc=${x.accuracy.toFixed(3)}`).join('  ');

function search(examples: StanceExample[], devs: { file: string; items: NewsmtscItem[] }[]): void {
  // Feature variants x regularisation; each line is one model scored on both dev files.
  const variants: [string, Partial<FeatureConfig>][] = [
    ['chosen (stem, binary)', {}],
    ['no stemming', { stem: false }],
    ['side trigrams', { sideNgrams: 3 }],
    ['no sentence n-grams', { sentenceNgrams: 0 }],
    ['no lexicon features', { lexicons: [] }],
    ['+ vader lexicon', { lexicons: ['afinn', 'senticon', 'pattern', 'vader'] }],
    ['no shape features', { shape: false }],
    ['buckets 1/3/6/12', { buckets: [1, 3, 6, 12] }],
    ['+ proximity weights', { proximity: 4 }],
    ['+ blocked lexicon', { blocked: true }],
    ['+ clause side', { clauseSide: true }],
    ['+ quote features', { quotes: true }],
    ['names masked', { maskNames: true }],
    ['counted n-grams', { binary: false }],
  ];
  const regs: Partial<TrainOptions>[] = [{ l2: 0.003 }, { l2: 0.01 }, { l2: 0.03 }, { l2: 0.01, balanced: true }];
  for (const [name, v] of variants) {
    const features = { ...DEFAULT_FEATURES, ...v };
    const feats = featurize(examples, features);
    const list = name.startsWith('chosen') ? regs : [{ l2: TRAINING_DEFAULTS.l2 }];
    for (const r of list) {
      const res = trainStanceModel(examples, { features, ...r }, feats);
      const d = scoreDev(res.model, devs);
      const avg = d.reduce((s, x) => s + x.macroF1, 0) / Math.max(1, d.length);
      console.log(`${name.padEnd(22)} ${JSON.stringify(r).padEnd(30)} avg F1m=${avg.toFixed(3)}  ${fmt(d)}  features=${res.data.vocabulary.length} ${res.seconds.toFixed(1)}s`);
    }
  }
}

/**
 * Cross-validation on train.jsonl (5 folds grouped by sentence): macro-F1 and accuracy of the
 * out-of-fold predictions, on all targets and on those of sentences whose targets differ in
 * polarity (the kind mt-dev is made of); then the bias offsets that maximise the out-of-fold
 * macro-F1 (a grid of 0.05 steps), and the figures with them.
 */
function crossValidation(examples: StanceExample[], options: TrainOptions): void {
  const t0 = Date.now();
  const probs = crossValidate(examples, options);
  const gold = examples.map((e) => e.polarity);
  const polarities = new Map<string, Set<number>>();
  for (const e of examples) (polarities.get(e.sentence) ?? polarities.set(e.sentence, new Set()).get(e.sentence)!).add(e.polarity);
  const mixed = examples.map((e, i) => (polarities.get(e.sentence)!.size > 1 ? i : -1)).filter((i) => i >= 0);
  const figures = (offsets: readonly [number, number]): string => {
    const pred = probs.map((p) => classWithOffsets(p, offsets));
    const fm = macroF1(mixed.map((i) => gold[i]!), mixed.map((i) => pred[i]!));
    return `F1m=${macroF1(gold, pred).toFixed(4)} acc=${accuracy(gold, pred).toFixed(4)}  mixed-polarity sentences (${mixed.length}): F1m=${fm.toFixed(4)}`;
  };
  console.log(`5-fold CV, offsets ${JSON.stringify(options.biasOffsets ?? TRAINING_DEFAULTS.biasOffsets)}... fitted biases: ${figures([0, 0])}`);
  let best: [number, number] = [0, 0];
  let bestF = -1;
  for (let a = -12; a <= 12; a++) {
    for (let b = -12; b <= 12; b++) {
      const o: [number, number] = [a / 20, b / 20];
      const f = macroF1(gold, probs.map((p) => classWithOffsets(p, o)));
      if (f > bestF + 1e-12) [bestF, best] = [f, o];
    }
  }
  console.log(`best offsets ${JSON.stringify(best)}: ${figures(best)}`);
  const chosen = options.biasOffsets ?? TRAINING_DEFAULTS.biasOffsets;
  console.log(`chosen offsets ${JSON.stringify(chosen)}: ${figures(chosen)}  (${((Date.now() - t0) / 1000).toFixed(0)} s)`);
}

function tuneLexicon(examples: StanceExample[]): void {
  // Tuned on the training targets only: the fallback has no weights, just these few settings.
  const gold = examples.map((e) => e.polarity);
  let best = { f: -1, o: {} as LexiconStanceOptions };
  for (const lexicons of [['afinn'], ['vader'], ['afinn', 'vader'], ['afinn', 'vader', 'senticon']] as LexiconStanceOptions['lexicons'][]) {
    for (const halfDistance of [2, 4, 8, 100]) {
      for (const threshold of [0.1, 0.15, 0.25]) {
        const o = { lexicons, halfDistance, threshold };
        const f = macroF1(gold, examples.map((e) => argmax(lexiconProbabilities(e.sentence, e.start, e.end, o))));
        console.log(`${JSON.stringify(o)} train F1m=${f.toFixed(3)}`);
        if (f > best.f) best = { f, o };
      }
    }
  }
  console.log(`best: ${JSON.stringify(best.o)} F1m=${best.f.toFixed(3)}`);
}

function main(): void {
  if (!fs.existsSync(trainFile)) {
    console.error(`train-stance: ${trainFile} not found; pass --bench DIR (the folder of NewsMTSC train.jsonl)`);
    process.exit(1);
  }
  const t0 = Date.now();
  const examples = readNewsmtscTrain(trainFile);
  const devs = devFiles.map((file) => ({ file, items: readNewsmtscDev(file) }));
  console.log(`train: ${examples.length} targets from ${path.basename(trainFile)}; dev: ${devs.map((d) => `${path.basename(d.file)} (${d.items.length})`).join(', ') || 'none'}`);
  if (flag('--search')) return search(examples, devs);
  if (flag('--lexicon')) return tuneLexicon(examples);

  const options: TrainOptions = {
    l2: value('--l2') !== undefined ? Number(value('--l2')) : TRAINING_DEFAULTS.l2,
    minCount: value('--min-count') !== undefined ? Number(value('--min-count')) : TRAINING_DEFAULTS.minCount,
  };
  if (flag('--cv')) return crossValidation(examples, options);
  const res = trainStanceModel(examples, options);
  const dev = scoreDev(res.model, devs);
  res.data.training.trainFile = 'NewsMTSC train.jsonl';
  res.data.training.dev = Object.fromEntries(dev.map((d) => [d.file, { n: d.n, macroF1: Number(d.macroF1.toFixed(4)), accuracy: Number(d.accuracy.toFixed(4)) }]));
  const out = path.resolve(value('--out') ?? DEFAULT_MODEL_FILE);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, `${JSON.stringify(res.data)}\n`);
  const seconds = (Date.now() - t0) / 1000;
  console.log(`fitted ${res.data.training.fittedFeatures} features in ${res.data.training.iterations} L-BFGS iterations, kept ${res.data.vocabulary.length}`);
  console.log(fmt(dev));
  console.log(`wrote ${path.relative(process.cwd(), out)} (${(fs.statSync(out).size / 1e6).toFixed(2)} MB) in ${seconds.toFixed(1)} s`);
}

main();
