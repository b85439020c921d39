import type { RootContent } from 'mdast';
import type { Program } from '../../schemas/briefing.ts';
import { FROM_SLIDE } from '../views/contacts-view.ts';
import { sourceRef } from '../views/formats.ts';
import { list, strong } from './mdast.ts';

const NOT_LISTED = '一覧に記載なし';

/**
 * The contact block: each department (担当課室) with its own people and phones, as the contact list
 * pairs them (row 7 has two); then the phones printed on the slides, marked as such.
 */
export function contactsSection(p: Program): RootContent[] {
  const departments = p.departments.map((d) => ({
    line: [strong(d.name)],
    children: list([`担当者: ${d.people.join('、') || NOT_LISTED}`, `電話: ${d.phones.join('、') || NOT_LISTED}`]),
  }));
  const slidePhones = p.slidePhones.map((s) => `${s.phone}${FROM_SLIDE} ${sourceRef(s.slide, s.at.line)}`);
  const fromSlides = slidePhones.length > 0 ? [{ line: 'スライドに記載の電話番号', children: list(slidePhones) }] : [];
  return [list([...departments, ...fromSlides])];
}
