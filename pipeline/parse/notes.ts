import type { VFile } from 'vfile';
import type { Briefing } from '../../schemas/briefing.ts';
import { vfilePlace } from '../lib/vfile-place.ts';

/** A note of the parse on the file's messages: a warning is shown to the user, an info only kept in briefing.json. */
export function reportNote(file: VFile, note: Briefing['notes'][number]): void {
  if (note.severity !== 'warning') return;
  const msg = file.message(note.reason, { place: note.at ? vfilePlace(note.at) : undefined, ruleId: note.ruleId, source: 'briefing-parse' });
  msg.fatal = false;
}
