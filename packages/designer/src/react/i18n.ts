import type { InterfaceLanguage } from './pathway-designer-props.js';

/**
 * The interface's words in English and te reo Māori. Māori is given only where a well-established
 * term exists; anything else falls back to English rather than guess (labels to be reviewed by a
 * speaker before release).
 */
const words = {
  open: { en: 'Open', mi: 'Huaki' },
  save: { en: 'Save', mi: 'Tiaki' },
  undo: { en: 'Undo', mi: 'Wetekina' },
  redo: { en: 'Redo', mi: 'Mahia anō' },
  problems: { en: 'Problems', mi: 'Ngā raru' },
  palette: { en: 'Add a step', mi: undefined },
  properties: { en: 'Properties', mi: undefined },
  parameters: { en: 'Parameters', mi: undefined },
  library: { en: 'Library', mi: 'Whare pukapuka' },
  locked: { en: 'Locked', mi: 'Kua rakaina' },
  national: { en: 'National', mi: 'Ā-motu' },
  regional: { en: 'Regional', mi: 'Ā-rohe' },
  local: { en: 'Local', mi: 'Ā-rohe iti' },
  language: { en: 'Language', mi: 'Reo' },
  find: { en: 'Find', mi: 'Rapu' },
  notes: { en: 'Add a note', mi: undefined },
  newVariant: { en: 'New variant', mi: undefined },
  noProblems: { en: 'No problems: every national safeguard holds.', mi: undefined },
  notPublishable: { en: 'Not publishable yet: fix the errors first (the draft can be saved).', mi: undefined },
  publishable: { en: 'Publishable', mi: undefined },
  delete: { en: 'Delete', mi: 'Mukua' },
  connect: { en: 'Connect', mi: 'Tūhono' },
  addHere: { en: 'Add here', mi: 'Tāpiri ki konei' },
  markers: { en: 'Show problem markers', mi: undefined },
} as const;

export type Word = keyof typeof words;

export function t(word: Word, language: InterfaceLanguage): string {
  const entry = words[word];
  return (language === 'mi' ? entry.mi : undefined) ?? entry.en;
}

/** A label in the chosen language where it exists, else English, else the first given. */
export function labelOf(labels: Readonly<Record<string, string | undefined>> | undefined, language: InterfaceLanguage, fallback = ''): string {
  if (!labels) return fallback;
  return labels[language] ?? labels.en ?? Object.values(labels).find((value) => value !== undefined) ?? fallback;
}
