import { SlashCommandBuilder } from '@discordjs/builders';
import { answerQuestion, curatedAnswerOf } from '../src/answer/answerQuestion.js';
import { suggestQuestions } from '../src/answer/suggest.js';
import { defineCommand, localized } from '../src/bot/command.js';
import { cooldown, guildOnly } from '../src/bot/preconditions.js';
import { whenNotBusy } from '../src/curated/database.js';
import { renderAnswer, renderPickedAnswer } from '../src/render/answerReply.js';
import { checkQuestion, QUESTION_PROBLEMS } from '../src/search/question.js';
import { t } from '../src/shared/i18n.js';
import { MAX_QUESTION_LENGTH } from '../src/shared/limits.js';

const data = localized(new SlashCommandBuilder(), ['ask', 'tanya'], ['Ask a question about the articles; get the paragraphs that answer it, with citations', 'Ajukan pertanyaan tentang artikel; dapatkan paragraf yang menjawab, dengan kutipan'])
  .addStringOption((o) =>
    localized(o, ['question', 'pertanyaan'], ['Your question, in Indonesian or English', 'Pertanyaan Anda, dalam bahasa Indonesia atau Inggris'])
      .setRequired(true)
      .setMaxLength(MAX_QUESTION_LENGTH)
      .setAutocomplete(true),
  )
  .addBooleanOption((o) =>
    localized(o, ['hide', 'sembunyikan'], ['Only you see the answer', 'Hanya Anda yang melihat jawabannya']),
  );

const FEEDBACK = {
  up: { en: 'Thanks! Your 👍 is recorded.', id: 'Terima kasih! 👍 Anda sudah dicatat.' },
  down: { en: 'Thanks. Your 👎 is recorded and the moderators will see this question.', id: 'Terima kasih. 👎 Anda dicatat dan moderator akan melihat pertanyaan ini.' },
  same: { en: 'You already voted that way on this answer.', id: 'Anda sudah memberi suara yang sama untuk jawaban ini.' },
  unknown: { en: 'This answer is no longer known, so the vote was not recorded.', id: 'Jawaban ini tidak dikenal lagi, jadi suara tidak dicatat.' },
};
const SUGGESTED_GONE = {
  en: 'That curated answer no longer exists (a moderator removed it). Try `/ask` again.',
  id: 'Jawaban kurasi itu sudah tidak ada (dihapus moderator). Coba `/ask` lagi.',
};

export default defineCommand({
  data,
  uses: ({ views, curated, curatedIndex, bookkeeping, feedback, unanswered }) => ({ views, curated, curatedIndex, bookkeeping, feedback, unanswered }),
  preconditions: [cooldown(5, 10_000)],
  async execute(ctx, deps) {
    // Autocomplete hands us whatever the user picked or typed: check it again.
    const check = checkQuestion(ctx.options.getString('question') ?? '');
    if (!check.ok) {
      await ctx.reply({ content: t(ctx.language, QUESTION_PROBLEMS[check.problem]), ephemeral: true });
      return 'refused';
    }
    // No deferral: the answer takes milliseconds, so one reply is one request (Discord's
    // global limit is per request). A handler still busy near the 3-second limit is
    // deferred automatically by the transport.
    const hide = ctx.options.getBoolean('hide') ?? false;
    // The server's view: the bundled corpus and the articles its moderators added.
    const engine = await deps.views.engineFor(ctx.actor.guildId);
    const result = answerQuestion({ engine, curatedIndex: deps.curatedIndex, bookkeeping: deps.bookkeeping }, ctx.actor.guildId, check.question);
    try {
      await ctx.reply(renderAnswer({ question: check.question, ...result, language: ctx.language, ephemeral: hide, buttons: ctx.actor.via === 'discord' }));
    } finally {
      // After the reply: the answer never waits for the answer log, the queue or the use count.
      if (result.record) deps.bookkeeping.record(result.record);
    }
    return result.outcome;
  },
  async autocomplete(ctx, deps) {
    return suggestQuestions({ engine: await deps.views.engineFor(ctx.actor.guildId), curatedIndex: deps.curatedIndex }, ctx.actor.guildId, ctx.focused.value);
  },
  components: {
    // suggested:<answerId>:<entryId> — "Show that answer" under a "did you mean": the curated answer, for the
    // member alone; the queued question learns which answer it asks for (moderators see it, "Same as…" prefilled).
    suggested: {
      preconditions: [guildOnly],
      async handle(ctx, { views, curated, bookkeeping }) {
        const [answerId, entryId] = ctx.args.map(Number);
        const guildId = ctx.actor.guildId!;
        const entry = Number.isSafeInteger(entryId) ? curated.get(guildId, entryId!) : undefined;
        if (!entry) {
          await ctx.reply({ content: t(ctx.language, SUGGESTED_GONE), ephemeral: true });
          return 'refused';
        }
        const engine = await views.engineFor(guildId);
        try {
          await ctx.reply(renderPickedAnswer(curatedAnswerOf(entry, engine.corpus), ctx.language));
        } finally {
          bookkeeping.recordPick({ guildId, answerId: answerId!, entryId: entry.id });
        }
        return 'curated';
      },
    },
    // feedback:<up|down>:<answerId> — one vote per user per answer; 👎 feeds the unanswered queue.
    feedback: {
      preconditions: [guildOnly],
      async handle(ctx, { feedback, unanswered }) {
        const [vote, id] = ctx.args;
        const answerId = Number(id);
        const guildId = ctx.actor.guildId!;
        if ((vote !== 'up' && vote !== 'down') || !Number.isSafeInteger(answerId) || !feedback.getAnswer(guildId, answerId)) {
          await ctx.reply({ content: t(ctx.language, FEEDBACK.unknown), ephemeral: true });
          return 'refused';
        }
        const result = await whenNotBusy(() => feedback.voteAndQueue(unanswered, guildId, answerId, ctx.actor.userId, vote));
        const text = !result.changed ? FEEDBACK.same : vote === 'up' ? FEEDBACK.up : FEEDBACK.down;
        await ctx.reply({ content: t(ctx.language, text), ephemeral: true });
      },
    },
  },
});
