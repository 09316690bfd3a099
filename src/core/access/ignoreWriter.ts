// "Ignore this finding": records `{ file, rule, reason }` under `ignore:` in the access file through
// the yaml Document API, so the user's comments, order and quoting survive the edit.
import { isMap, isSeq, parseDocument, YAMLSeq } from '../yaml';
import type { AccessIgnoreEntry } from './accessSchema';
import { l10n } from '../l10n/l10n';

export function addIgnoreEntry(accessYaml: string, entry: AccessIgnoreEntry): string {
  if (!entry.reason.trim()) throw new Error(l10n.t('An ignored finding needs a reason, so the next reader knows why.'));
  const doc = parseDocument(accessYaml);
  if (doc.errors.length > 0) throw new Error(l10n.t('The access file has YAML errors; fix them first ({0}).', doc.errors[0].message.split('\n')[0]));
  if (!isMap(doc.contents)) throw new Error(l10n.t('The access file must be a mapping (key: value lines) to record an ignored finding.'));
  let list = doc.get('ignore', true);
  if (!isSeq(list)) {
    list = new YAMLSeq();
    doc.set('ignore', list);
  }
  const seq = list as YAMLSeq;
  for (const item of seq.items) {
    if (isMap(item) && item.get('file') === entry.file && item.get('rule') === entry.rule) {
      item.set('reason', entry.reason);
      return doc.toString({ flowCollectionPadding: false });
    }
  }
  const node = doc.createNode({ file: entry.file, rule: entry.rule, reason: entry.reason });
  node.flow = true;
  seq.add(node);
  return doc.toString({ flowCollectionPadding: false });
}
