import { breakdownTotal } from './breakdown-total.ts';
import { budgetYear } from './budget-year.ts';
import { capComponents } from './cap-components.ts';
import { contactNumbering } from './contact-numbering.ts';
import { datePlausible } from './date-plausible.ts';
import { magnitudes } from './magnitudes.ts';
import { phoneFormat } from './phone-format.ts';
import { programSlides } from './program-slides.ts';
import type { GenericRule } from './rule.ts';
import { seriesMentions } from './series-mentions.ts';
import { seriesYears } from './series-years.ts';
import { shareSum } from './share-sum.ts';
import { sheetCopies } from './sheet-copies.ts';

/** The generic rules, in the order they run. */
export const GENERIC_RULES: GenericRule[] = [
  magnitudes,
  shareSum,
  capComponents,
  breakdownTotal,
  seriesYears,
  seriesMentions,
  sheetCopies,
  phoneFormat,
  contactNumbering,
  programSlides,
  datePlausible,
  budgetYear,
];
