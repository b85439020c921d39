/**
 * The files of one prefecture's delivery folder (out/<edition>/delivery/<NN>-<prefecture>/), named
 * once for the cover letter that lists them and the assembly that writes them. ASCII names: they
 * travel in zip files and e-mail attachments through systems that mangle others.
 */
export interface DeliveryFiles {
  /** "32-shimane" */
  folder: string;
  pack: string;
  workbook: string;
  letter: string;
  sums: string;
  /** the zip of the folder, beside it */
  zip: string;
}

export const DELIVERY_DIR = 'delivery';

export function deliveryFiles(packId: string): DeliveryFiles {
  return { folder: packId, pack: `briefing-pack-${packId}.pdf`, workbook: 'contacts.xlsx', letter: 'cover-letter.pdf', sums: 'SHA256SUMS', zip: `${packId}.zip` };
}
