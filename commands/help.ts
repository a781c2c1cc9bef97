import { SlashCommandBuilder } from '@discordjs/builders';
import { defineCommand, localized } from '../src/bot/command.js';
import { renderHelp } from '../src/render/helpReply.js';

const data = localized(new SlashCommandBuilder(), ['help', 'bantuan'], ['What this bot does, its commands, the articles it knows and what it stores', 'Apa yang dilakukan bot ini, perintahnya, artikel yang dikenal dan data yang disimpan']);

export default defineCommand({
  data,
  uses: ({ commandList, views }) => ({ commandList, views }),
  async execute(ctx, { commandList, views }) {
    const { articles } = (await views.engineFor(ctx.actor.guildId)).corpus;
    await ctx.reply({ ...renderHelp(commandList, articles, ctx.language), ephemeral: true });
  },
});
