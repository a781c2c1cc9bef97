/** The bot speaks Indonesian to users whose Discord client is set to Indonesian, English otherwise. */
export type Language = 'id' | 'en';

export interface Text {
  en: string;
  id: string;
}

export function languageOf(locale: string | null | undefined): Language {
  return locale?.toLowerCase().startsWith('id') ? 'id' : 'en';
}

export function t(language: Language, text: Text): string {
  return text[language];
}

/** Fills `{name}` placeholders. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (match, key: string) => (key in values ? String(values[key]) : match));
}
