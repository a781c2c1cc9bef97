import { SlashCommandBuilder } from 'discord.js';
import { localized, type Command } from '../src/bot/command.js';
import { renderHelp } from '../src/render/helpReply.js';

const data = localized(new SlashCommandBuilder(), ['help', 'bantuan'], ['What this bot does, its commands, the articles it knows and what it stores', 'Apa yang dilakukan bot ini, perintahnya, artikel yang dikenal dan data yang disimpan']);

const help: Command = {
  data,
  async execute(ctx, services) {
    await ctx.reply({ ...renderHelp(services.commandList, services.engine.corpus.articles, ctx.language), ephemeral: true });
  },
};

export default help;
