import type { APIActionRowComponent, APIComponentInMessageActionRow, APIEmbed, APIModalInteractionResponseCallbackData } from 'discord-api-types/v10';

/**
 * What a command answers, independent of the transport. The shapes are Discord's
 * own JSON (types only), so the Discord adapter sends them as they are and the
 * console renders them as text.
 */
export interface Reply {
  content?: string;
  embeds?: APIEmbed[];
  components?: APIActionRowComponent<APIComponentInMessageActionRow>[];
  /** Only the user who asked sees it (Discord's ephemeral flag). */
  ephemeral?: boolean;
}

export type Modal = APIModalInteractionResponseCallbackData;

export interface Choice {
  name: string;
  value: string | number;
}
