import type { Briefing } from '../../schemas/briefing.ts';
import { prefectureMentions, type PrefectureMention } from './prefecture-mentions.ts';

export const NO_MENTION = '本資料には貴団体に固有の記載はありません。';

export interface MentionRow {
  program: string;
  /** the anchor of the program's slide in the pack, for the link to its page */
  anchor: string;
  slide: string;
  slideTitle: string;
  kind: string;
  /** the sentence, list item or table row the place stands in, as the slide prints it */
  quote: string;
  names: string;
  /** the page of the slide in the pack: blank until a print has told it */
  page: string;
}

export interface MentionsView {
  prefecture: string;
  lead: string;
  rows: MentionRow[];
  /** venues and addresses: the prefecture is named, but nothing is asked of it */
  venues: MentionRow[];
  /** the line shown instead of an empty table */
  none: string | null;
}

/** 貴団体に関係する記載: the first section of a prefecture's pack. */
export function mentionsView(briefing: Briefing, prefecture: string): MentionsView {
  const mentions = prefectureMentions(briefing, prefecture);
  const rows = mentions.filter((m) => !m.venue).map(mentionRow);
  const venues = mentions.filter((m) => m.venue).map(mentionRow);
  return {
    prefecture,
    lead:
      mentions.length > 0
        ? `本資料のうち、${prefecture}又は${prefecture}内の市町村の名称が記載されている箇所です（${rows.length}件${venues.length > 0 ? `、ほかに会場・所在地としての記載${venues.length}件` : ''}）。頁は本書のページで、スライドの番号又は頁から該当箇所を開けます。`
        : `本資料のうち、${prefecture}又は${prefecture}内の市町村の名称が記載されている箇所を調べました。`,
    rows,
    venues,
    none: mentions.length === 0 ? NO_MENTION : null,
  };
}

function mentionRow(m: PrefectureMention): MentionRow {
  return {
    program: m.programNo ? `${m.programNo}　${m.programName}` : m.programName,
    anchor: m.anchor,
    slide: `スライド${m.slide}`,
    slideTitle: m.slideTitle,
    kind: m.kind === 'list' ? `一覧（${m.names.length}件）` : m.row ? '表' : '本文',
    quote: m.quote,
    names: m.names.join('、'),
    page: '\u00a0',
  };
}
