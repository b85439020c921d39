import type { Briefing } from '../../schemas/briefing.ts';
import { concernsPrefecture, type ChangeEntry, type ReaderChanges } from '../diff/entries.ts';
import { slideAnchor } from '../views/program-view.ts';

export interface ChangeRowView {
  /** the entry's id, with the pack's id prefix: what the marks in the program sections link to */
  id: string;
  label: string;
  section: string;
  subject: string;
  before: string;
  beforeSlide: string;
  after: string;
  afterSlide: string;
  /** the slide section of the new figure in this pack, for its link; empty when it has none */
  afterAnchor: string;
  /** one whole sentence rather than a figure: set wide */
  sentence: boolean;
}

export interface ChangeGroupView {
  caption: string;
  rows: ChangeRowView[];
}

/** 前年度からの主な変更点, for templates/pdf/partials/changes.hbs. */
export interface ChangesView {
  lead: string;
  fromHeader: string;
  toHeader: string;
  groups: ChangeGroupView[];
  /** for a prefecture whose changes are none of them its own: said in one line */
  noneOwn: string | null;
}

/** The one line a pack without a previous edition carries instead of the section. */
export const NO_PREVIOUS = '前年度からの主な変更点：本版は前年度の資料との比較を行っていないため、変更点は掲載していません。';

const slideText = (slides: readonly number[]) => (slides.length === 0 ? '' : `スライド${slides.join('・')}`);

function row(briefing: Briefing, e: ChangeEntry, idPrefix: string): ChangeRowView {
  const program = e.current ? briefing.programs.find((p) => p.no === e.programNo) : undefined;
  const slide = e.after?.slides[0] ?? null;
  return {
    id: idPrefix + e.id,
    label: e.label,
    section: e.section,
    subject: e.subject,
    before: e.before?.printed ?? '—',
    beforeSlide: slideText(e.before?.slides ?? []),
    after: e.after?.printed ?? '—',
    afterSlide: slideText(e.after?.slides ?? []),
    afterAnchor: program && slide !== null && program.slides.includes(slide) ? slideAnchor(program.order, slide) : '',
    sentence: e.section === 'スライドの記載',
  };
}

/**
 * The changes section of one pack: the programs added, ended, renamed and renumbered, then each
 * program's changes — in a prefecture's pack the changes that name the prefecture or its
 * municipalities first, under a caption of their own.
 */
export function changesView(briefing: Briefing, changes: ReaderChanges, prefecture: string | null, idPrefix: string): ChangesView {
  const own = prefecture ? changes.entries.filter((e) => concernsPrefecture(e, briefing, prefecture)) : [];
  const rest = changes.entries.filter((e) => !own.includes(e));
  const groups: ChangeGroupView[] = [];
  if (own.length > 0) groups.push({ caption: `${prefecture}又は${prefecture}内の市町村の名称を含む変更`, rows: own.map((e) => row(briefing, e, idPrefix)) });
  const programs = rest.filter((e) => e.section === '施策');
  if (programs.length > 0) groups.push({ caption: '施策の新設・掲載終了・名称変更・番号変更', rows: programs.map((e) => row(briefing, e, idPrefix)) });
  const byProgram = new Map<string, ChangeEntry[]>();
  for (const e of rest.filter((x) => x.section !== '施策')) byProgram.set(e.programNo, [...(byProgram.get(e.programNo) ?? []), e]);
  for (const [no, entries] of byProgram) groups.push({ caption: `${no}　${entries[0]!.programName}`, rows: entries.map((e) => row(briefing, e, idPrefix)) });
  return {
    lead:
      changes.entries.length > 0
        ? `${changes.fromYear}の資料と比べて、施策の新設・掲載終了、予算額・上限額・率などの数値、スライドの記載、担当・連絡先が変わった箇所です（${changes.entries.length}件。同じ変更が複数のスライドにある場合は1件とし、スライドを併記しています）。各施策の本文では、該当する数値や記載の後に「拡充」「新規」「変更」などの印を付け、この表の該当行にリンクしています。`
        : `${changes.fromYear}の資料と比べて、変更のあった箇所はありません。`,
    fromHeader: `前年度（${changes.fromYear}）`,
    toHeader: `本年度（${changes.toYear}）`,
    groups,
    noneOwn: prefecture && own.length === 0 && changes.entries.length > 0 ? `${prefecture}又は${prefecture}内の市町村の名称を含む変更はありません。` : null,
  };
}
