/**
 * 数値の確認 for the end of what prefectures read: how many cross-checks between slides the
 * figures passed, and that the inconsistencies of the source itself are printed as the source
 * prints them (the staff's report names them) — never a check id, a line number or a hash.
 */
export function checkedText(scope: { passed: number; acknowledged: number }): string {
  const total = scope.passed + scope.acknowledged;
  if (total === 0) return '本資料はスライドの記載をそのまま収録したものです。';
  const checked = `本資料の数値は、スライド間の整合（合計・比率・上限と内訳など）を${total}件確認しています。`;
  return scope.acknowledged === 0 ? checked : `${checked}原資料の表記に由来する不整合${scope.acknowledged}件は、原資料のとおり掲載しています。`;
}
