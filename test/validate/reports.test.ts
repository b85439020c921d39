import { describe, expect, it } from 'vitest';
import { sarifValidator } from '../helpers/sarif.ts';
import { formatGithub } from '../../pipeline/report/github.ts';
import { formatSarif } from '../../pipeline/report/sarif.ts';
import { formatTerminal } from '../../pipeline/report/terminal.ts';
import { PROJECT_ROOT } from '../../pipeline/source.ts';
import { R6_TEXT } from '../helpers/r6.ts';
import { replaceOnce, validateText } from '../helpers/validate.ts';

const broken = () => validateText(replaceOnce(R6_TEXT, '（総数5,831人）', '（総数5,841人）'));

describe('report formats', () => {
  it('terminal: each finding at file:line:column with its rule, then the summary', async () => {
    const text = formatTerminal(await broken());
    expect(text).toMatch(/3106:\d+-3106:\d+\s+error\s+jet-by-role: JET参加者 総数5,841人 = ALT 5,355人 \+ CIR 468人 \+ SEA 8人/);
    expect(text).toContain('see also line 3067, 3070, 3073');
    // one wrong figure, three checks broken: one finding that names the other two
    expect(text).toContain('the same figure also breaks: 招致国別の内訳の14区分の合計が記載の総数と一致: Σ 14 items = 5,831; printed 5,841; jet-by-country:');
    expect(text.trimEnd().split('\n').at(-1)).toMatch(/^r6: \d+ checks passed, 3 failed, 3 acknowledged — 1 error, 3 warnings$/);
  });

  it('SARIF 2.1.0: valid against the SARIF schema, with related locations', async () => {
    const sarif = JSON.parse(formatSarif(await broken(), '0.1.0', PROJECT_ROOT));
    const validate = sarifValidator();
    expect(validate(sarif), JSON.stringify(validate.errors)).toBe(true);
    const result = sarif.runs[0].results.find((r: { ruleId: string }) => r.ruleId === 'jet-by-role');
    expect(result.level).toBe('error');
    expect(result.locations[0].physicalLocation).toMatchObject({ artifactLocation: { uri: 'sources/r6/briefing.txt' }, region: { startLine: 3106, snippet: { text: '（総数5,841人）' } } });
    expect(result.relatedLocations.map((l: { physicalLocation: { region: { startLine: number } } }) => l.physicalLocation.region.startLine)).toEqual([3067, 3070, 3073]);
    expect(sarif.runs[0].results.filter((r: { level: string }) => r.level === 'warning')).toHaveLength(3);
  });

  it('GitHub Actions annotations: ::error file=…,line=…,col=…::message', async () => {
    const lines = formatGithub(await broken(), PROJECT_ROOT).split('\n');
    const jet = lines.find((l) => l.includes('title=jet-by-role'))!;
    expect(jet).toMatch(/^::error file=sources\/r6\/briefing\.txt,line=3106,col=\d+,endLine=3106,endColumn=\d+,title=jet-by-role::jet-by-role: JET参加者/);
    expect(jet).toContain('%0Aexpected 5,831, found 5,841');
    expect(lines.filter((l) => l.startsWith('::warning '))).toHaveLength(3);
  });
});
