import { breakdownTotal } from './breakdown-total.ts';
import { budgetYear } from './budget-year.ts';
import { capComponents } from './cap-components.ts';
import { contactNumbering } from './contact-numbering.ts';
import { datePlausible } from './date-plausible.ts';
import { listedCount } from './listed-count.ts';
import { magnitudes } from './magnitudes.ts';
import { ofWhich } from './of-which.ts';
import { percentOfParts } from './percent-of-parts.ts';
import { partitionColumns } from './partition-columns.ts';
import { phoneFormat } from './phone-format.ts';
import { programSlides } from './program-slides.ts';
import { repeatedFigure } from './repeated-figure.ts';
import type { GenericRule } from './rule.ts';
import { seriesMentions } from './series-mentions.ts';
import { seriesYears } from './series-years.ts';
import { shareSum } from './share-sum.ts';
import { sheetCopies } from './sheet-copies.ts';
import { statedSpan } from './stated-span.ts';
import { statedTotal } from './stated-total.ts';
import { tableTotal } from './table-total.ts';

/** The generic rules, in the order they run. */
export const GENERIC_RULES: GenericRule[] = [
  magnitudes,
  shareSum,
  capComponents,
  breakdownTotal,
  statedTotal,
  tableTotal,
  partitionColumns,
  statedSpan,
  listedCount,
  ofWhich,
  percentOfParts,
  repeatedFigure,
  seriesYears,
  seriesMentions,
  sheetCopies,
  phoneFormat,
  contactNumbering,
  programSlides,
  datePlausible,
  budgetYear,
];
