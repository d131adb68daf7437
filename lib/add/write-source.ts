import * as fs from 'node:fs';
import * as path from 'node:path';
import { formatMeta } from '../corpus/meta';
import type { SourceMeta } from '../corpus/source';
import { NewsStanceError } from '../errors';

/**
 * Writes a source's two files into a corpus folder atomically: both are written to temporary
 * files first and renamed into place only when both are complete; on any failure nothing of the
 * new source remains. Existing files are never replaced unless `force` is set.
 */
export function writeSourceFiles(dir: string, meta: SourceMeta, text: string, options: { force?: boolean } = {}): { text: string; meta: string } {
  const textFile = path.join(dir, `${meta.id}.txt`);
  const metaFile = path.join(dir, `${meta.id}.json`);
  if (!options.force) {
    for (const f of [textFile, metaFile]) {
      if (fs.existsSync(f)) throw new NewsStanceError('already exists', { file: f }, 'Pass --force to replace it');
    }
  }
  fs.mkdirSync(dir, { recursive: true });
  const stamp = `${process.pid}.${Date.now()}`;
  const tmpText = path.join(dir, `.${meta.id}.txt.${stamp}.tmp`);
  const tmpMeta = path.join(dir, `.${meta.id}.json.${stamp}.tmp`);
  const hadText = fs.existsSync(textFile);
  let textPlaced = false;
  try {
    fs.writeFileSync(tmpText, text);
    fs.writeFileSync(tmpMeta, formatMeta(meta));
    fs.renameSync(tmpText, textFile);
    textPlaced = true;
    fs.renameSync(tmpMeta, metaFile);
  } catch (err) {
    for (const f of [tmpText, tmpMeta]) fs.rmSync(f, { force: true });
    // A new text without its metadata would break the corpus: take it back out.
    if (textPlaced && !hadText) fs.rmSync(textFile, { force: true });
    throw err;
  }
  return { text: textFile, meta: metaFile };
}
