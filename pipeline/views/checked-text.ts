/**
 * 数値の確認 in one sentence, for the end of what prefectures read: that the figures were
 * cross-checked between slides — or, with nothing to check, that the slides are reproduced as
 * they are. How many checks, and which inconsistencies of the source, stay in the staff's report:
 * a reader told of "known inconsistencies" without their detail is worried, not informed.
 */
export function checkedText(checks: number): string {
  if (checks === 0) return '本資料はスライドの記載をそのまま収録したものです。';
  return '本資料の数値は、スライド間の整合（合計・比率・上限と内訳など）を確認しています。';
}
