import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { updatePrograms } from '../../pipeline/commands/init-programs.ts';
import { reanchorChecks } from '../../pipeline/commands/reanchor.ts';
import { sourceLines } from '../../pipeline/validate/source-lines.ts';
import { parseR6, R6_TEXT } from '../helpers/r6.ts';

describe('init: the programs of the next edition', () => {
  it('keeps ids by name, takes the only close name left as a rename, and never a name alike only in its ending', () => {
    const renamed = updatePrograms([{ no: '5', id: 'kankei-jinko' }], [{ id: 'kankei-jinko', name: '関係人口創出・拡大事業' }], [{ no: '4', name: '関係人口創出・拡大推進事業', id: null }]);
    expect(renamed.renamed).toEqual([{ id: 'kankei-jinko', from: '関係人口創出・拡大事業', to: '関係人口創出・拡大推進事業' }]);
    expect(renamed.entries).toEqual([{ id: 'kankei-jinko', name: '関係人口創出・拡大推進事業', formerly: ['関係人口創出・拡大事業'] }]);
    // 「…防止対策の推進」 twice is no rename: the old program is removed, the new one gets a proposed id
    const other = updatePrograms([{ no: '21-⑥', id: 'saihan-boshi' }], [{ id: 'saihan-boshi', name: '再犯防止対策の推進' }], [{ no: '21-⑥', name: '自殺防止対策の推進', id: null }]);
    expect(other.renamed).toEqual([]);
    expect(other.removed.map((e) => e.id)).toEqual(['saihan-boshi']);
    expect(other.added).toEqual([{ id: 'new-21-06', name: '自殺防止対策の推進', no: '21-⑥' }]);
  });
});

describe('init: the checks of a removed program are dropped, whatever the layout of checks.yaml', () => {
  const item = (id: string, program: string) => `  - id: ${id}\n    statement: s\n    relation: equal\n    values:\n      - { budget: { program: ${program}, label: R6当初予算額 } }\n      - { budget: { program: ${program}, label: R6当初予算額 } }\n`;
  const flow = (id: string, program: string) => `{ id: ${id}, statement: s, relation: equal, values: [{ budget: { program: ${program}, label: R6当初予算額 } }, { budget: { program: ${program}, label: R6当初予算額 } }] }`;
  const files: Record<string, [string, string[]]> = {
    'a block list': [`version: 1\nchecks:\n${item('a', 'kyoryokutai')}  # ── 21-⑨ ──\n${item('b', 'iryo-container')}${item('c', 'kyoryokutai')}`, ['a', 'c']],
    'a flow list': [`version: 1\nchecks: [ ${flow('a', 'kyoryokutai')}, ${flow('b', 'iryo-container')} ]\n`, ['a']],
    'a dash alone on its line': [`version: 1\nchecks:\n  -\n    id: b\n    statement: s\n    relation: equal\n    values: [{ budget: { program: iryo-container, label: R6当初予算額 } }, { budget: { program: iryo-container, label: R6当初予算額 } }]\n${item('c', 'kyoryokutai')}`, ['c']],
    'every check': [`version: 1\nchecks:\n${item('b', 'iryo-container')}`, []],
  };
  for (const [layout, [text, left]] of Object.entries(files)) {
    it(layout, async () => {
      const { briefing } = await parseR6();
      const ctx = { briefing, constants: {}, ...sourceLines({ text: R6_TEXT }) };
      const result = reanchorChecks(text, 'checks.yaml', ctx, ctx, new Set(['iryo-container']));
      expect(result.dropped).toEqual(['b']);
      const checks = parse(result.text).checks as ({ id: string } | null)[];
      expect(checks.map((c) => c?.id)).toEqual(left);
    });
  }
});
