import type { Briefing } from '../../schemas/briefing.ts';
import { slideRanges } from '../views/slide-ranges.ts';
import { prefectureMentions, type PrefectureMention } from './prefecture-mentions.ts';

export const NO_MENTION = '本資料には貴団体に固有の記載はありません。';

export interface MentionRow {
  program: string;
  slide: string;
  slideTitle: string;
  kind: string;
  text: string;
  lines: string;
  row: { label: string; cells: string[] } | null;
}

export interface MentionsView {
  prefecture: string;
  lead: string;
  rows: MentionRow[];
  /** the line shown instead of an empty table */
  none: string | null;
}

/** 貴団体に関係する記載: the first section of a prefecture's pack. */
export function mentionsView(briefing: Briefing, prefecture: string): MentionsView {
  const mentions = prefectureMentions(briefing, prefecture);
  return {
    prefecture,
    lead:
      mentions.length > 0
        ? `本資料のうち、${prefecture}又は${prefecture}内の市町村の名称が記載されている箇所（${mentions.length}件）です。スライドと行は出典（${briefing.source.file}）の位置です。`
        : `本資料のうち、${prefecture}又は${prefecture}内の市町村の名称が記載されている箇所を調べました。`,
    rows: mentions.map((m) => mentionRow(prefecture, m)),
    none: mentions.length === 0 ? NO_MENTION : null,
  };
}

function mentionRow(prefecture: string, m: PrefectureMention): MentionRow {
  return {
    program: m.programNo ? `${m.programNo}　${m.programName}` : m.programName,
    slide: `スライド${m.slide}`,
    slideTitle: m.slideTitle,
    kind: m.kind === 'list' ? '一覧' : '本文',
    text: m.kind === 'list' ? `【${prefecture}】${m.names.length}件: ${m.names.join('、')}` : m.names.join('、'),
    lines: `${slideRanges(m.lines)}行目`,
    row: m.row,
  };
}
