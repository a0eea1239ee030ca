import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { AUDIT_ACTION_LABELS, AUDIT_OBJECT_TYPE_LABELS } from '@cadre/shared-models';

/*
 * The auditor reads actions and object types by their Chinese labels (shared-models
 * audit-labels.ts). These specs read the API's sources, so an action or object type recorded
 * anywhere without a label fails here rather than showing up as a code in the audit page.
 */

const SOURCE_DIR = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../src');

function readSources(dir: string): Array<[string, string]> {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry): Array<[string, string]> => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'test' ? [] : readSources(full);
    if (!entry.name.endsWith('.ts') || entry.name.endsWith('.spec.ts') || entry.name.includes('fixtures')) return [];
    return [[path.relative(SOURCE_DIR, full), readFileSync(full, 'utf8')]];
  });
}

/** Actions built from a template: the expansions the code allows, by the template's text. */
const TEMPLATED_ACTIONS: Record<string, readonly string[]> = {
  // user.service.ts changeAccountState: AccountAction
  'user.${action}': ['user.disable', 'user.enable', 'user.unlock'],
};

function findRecordedActions(sources: Array<[string, string]>): Map<string, string> {
  const found = new Map<string, string>();
  const patterns = [
    // { action: 'cadre.update', … } and entry objects built for recordAudit
    /\baction: '([a-z_]+\.[a-z_]+)'/g,
    // helpers that record under an action they are given: changeDraft(actor, 'framework.update', …)
    /\(\s*actor,\s*'([a-z_]+\.[a-z_]+)'/g,
    // findCadreInScope(…, { action: 'cadre.read' }) is caught by the first; ownView(actor, id, 'ledger_view.update'):
    /\(actor, id, '([a-z_]+\.[a-z_]+)'\)/g,
  ];
  for (const [file, text] of sources) {
    for (const pattern of patterns) for (const match of text.matchAll(pattern)) found.set(match[1]!, file);
    for (const match of text.matchAll(/\baction: `([^`]+)`/g)) {
      const expansions = TEMPLATED_ACTIONS[match[1]!];
      if (!expansions) found.set(`template ${match[1]}`, file);
      for (const action of expansions ?? []) found.set(action, file);
    }
  }
  return found;
}

describe('audit labels', () => {
  const sources = readSources(SOURCE_DIR);

  it('reads the API sources (the scan is not looking at an empty directory)', () => {
    expect(sources.length).toBeGreaterThan(50);
    expect(findRecordedActions(sources).size).toBeGreaterThan(50);
  });

  it('labels every action the API records', () => {
    const missing = [...findRecordedActions(sources)].filter(([action]) => !(action in AUDIT_ACTION_LABELS)).map(([action, file]) => `${action} (${file})`);
    expect(missing).toEqual([]);
  });

  it('labels every object type the API records', () => {
    const types = new Set(sources.flatMap(([, text]) => [...text.matchAll(/\bobjectType: '([a-z_]+)'/g)].map((match) => match[1]!)));
    expect([...types].filter((type) => !(type in AUDIT_OBJECT_TYPE_LABELS))).toEqual([]);
  });

  it('labels in Chinese', () => {
    for (const label of [...Object.values(AUDIT_ACTION_LABELS), ...Object.values(AUDIT_OBJECT_TYPE_LABELS)]) {
      expect(label).toMatch(/\p{Script=Han}/u);
    }
  });

  it('lists no label for an action nothing records any more', () => {
    const recorded = findRecordedActions(sources);
    expect(Object.keys(AUDIT_ACTION_LABELS).filter((action) => !recorded.has(action))).toEqual([]);
  });
});
