import { R6_TEXT, parseR6, slideLines } from './r6.ts';

function replaceOnce(text: string, find: string, replace: string): string {
  const at = text.indexOf(find);
  if (at < 0 || text.indexOf(find, at + 1) >= 0) throw new Error(`"${find}" must occur exactly once`);
  return text.slice(0, at) + replace + text.slice(at + find.length);
}

/**
 * A synthetic FY2025 (令和7年度) edition derived from R6: the JET slides moved to the front,
 * figures changed, a program added and one removed, a phone changed, and a new year appended
 * to the 隊員数 series.
 */
export async function syntheticR7(): Promise<string> {
  const { briefing } = await parseR6();
  const block = (index: number) => slideLines(briefing, R6_TEXT, index);
  const contactPages = briefing.slides.filter((s) => s.program === null).map((s) => s.index);
  const newSlide = [' 地域活性化テスト事業', '● 新たな人の流れを創出する取組を支援。', 'R7当初予算額：12百万円', ''];
  const body = briefing.slides
    .filter((s) => ![53, 54, 64].includes(s.index) && !contactPages.includes(s.index))
    .flatMap((s) => block(s.index));
  let text = [...block(53), ...block(54), ...body, ...newSlide, ...contactPages.flatMap(block)].join('\n');
  text = text.replace(/R(６|6)当初予算額/g, 'R7当初予算額');
  text = replaceOnce(text, 'R7当初予算額：248百万円', 'R7当初予算額：275百万円');
  text = replaceOnce(text, '520万円／人を上限(報償費等：320万円、', '540万円／人を上限(報償費等：340万円、');
  text = replaceOnce(text, '3年度 4年度 5年度', '3年度 4年度 5年度 6年度');
  text = replaceOnce(text, '6,447人 7,200人', '6,447人 7,200人 7,910人');
  text = replaceOnce(text, '1,164\n団体', '1,164\n団体\n1,200\n団体');
  text = replaceOnce(text, '\n21-⑨．医療コンテナの活用 地域政策課 伊藤、中村 03-5253-5523\n', '\n');
  text = replaceOnce(text, '21-⑩．', '21-⑨．');
  text = replaceOnce(text, '21-⑪．', '21-⑩．');
  text = replaceOnce(text, '景山、白波瀬\n\n03-5253-5536', '景山、白波瀬\n\n03-5253-5537');
  // The new program joins the contact list after 20.
  text = replaceOnce(text, '\n21-①．', '\n22．地域活性化テスト事業 地域政策課 山田 03-5253-5599\n\n21-①．');
  return text;
}
