import { ButtonStyle, ComponentType } from 'discord-api-types/v10';
import { customId } from '../shared/customId.js';
import { t, type Language } from '../shared/i18n.js';

const TEXT = {
  previous: { en: 'Previous', id: 'Sebelumnya' },
  next: { en: 'Next', id: 'Berikutnya' },
};

/**
 * Previous/Next buttons for a paginated reply, as `prefix:<target page>:<p|n>` (the
 * direction keeps the two custom ids distinct when both point at the same page).
 * No row at all for a single page: Discord refuses empty action rows.
 */
export function pagerRow(prefix: string, page: number, pages: number, language: Language) {
  if (pages <= 1) return [];
  const button = (label: string, target: number, direction: 'p' | 'n', disabled: boolean) => ({
    type: ComponentType.Button as const,
    style: ButtonStyle.Secondary as const,
    label,
    custom_id: customId(prefix, target, direction),
    disabled,
  });
  return [{
    type: ComponentType.ActionRow as const,
    components: [button(t(language, TEXT.previous), page - 1, 'p', page <= 1), button(t(language, TEXT.next), page + 1, 'n', page >= pages)],
  }];
}
