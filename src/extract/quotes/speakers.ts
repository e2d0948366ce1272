// Speakers and the mentions they are found from: the types the article context and the attributor share.
import type { Tok } from './tokens.js';

export type SpeakerKind = 'person' | 'organization' | 'place';

export interface SpeakerResolver {
  resolve(name: string): { name: string; kind: SpeakerKind } | null;
}

export type Gender = 'm' | 'f' | null;
export type Kind = SpeakerKind | 'unknown';

export interface Mention {
  name: string;
  kind: Kind;
  gender: Gender;
  /** Lower-case title and role words written before the name ("prime", "minister", "spokesperson"). */
  titles: string[];
  /** Body offset. */
  pos: number;
  unit: number;
}

export interface Unit {
  paragraph: number;
  start: number;
  end: number;
  tokens: Tok[];
  mentions: Mention[];
  /** The main clause's subject, when the unit has one. */
  subject: Mention | null;
  /** The speaker of the unit's last attributed quotation. */
  speaker: Speaker | null;
  /** Index of the unit in the article. */
  index: number;
}

export interface Speaker {
  name: string;
  kind: Kind;
  gender: Gender;
}
