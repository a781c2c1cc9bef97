import { SlashCommandBuilder } from '@discordjs/builders';
import { defineCommand, localized } from '../src/bot/command.js';
import { renderHelp } from '../src/render/helpReply.js';

const data = localized(new SlashCommandBuilder(), ['help', 'bantuan'], ['What this bot does, its commands, the articles it knows and what it stores', 'Apa yang dilakukan bot ini, perintahnya, artikel yang dikenal dan data yang disimpan']);

export default defineCommand({
  data,
  uses: ({ commandList, engine }) => ({ commandList, corpus: engine.corpus }),
  async execute(ctx, { commandList, corpus }) {
    await ctx.reply({ ...renderHelp(commandList, corpus.articles, ctx.language), ephemeral: true });
  },
});
