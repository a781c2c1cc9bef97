/**
 * End-to-end tests of the unanswered queue (abstentions and 👎 in, the Answer and "Same
 * as…" forms out, dismissals, pages) and of a restart on the same DATA_DIR, through the
 * REAL discord.js client and the loopback fake Discord (see tests/support/curatedBot.ts).
 */
import { describe, expect, it } from 'vitest';
import { ComponentType, InteractionResponseType } from 'discord-api-types/v10';
import { asMember, asModerator, curatedBotHarness, customIds, REFUSED, WAGNER } from '../support/curatedBot.js';
import { button, memberUser, modalSubmit, moderatorUser } from '../support/interactions.js';

const { send, faqCommand, ask, addEntry, newGuild, restart, logged, store, queue } = curatedBotHarness();

describe('the unanswered queue', () => {
  it('abstentions and 👎 enter the queue; the Answer button opens a prefilled form whose submission becomes the curated answer', async () => {
    const guild = newGuild();
    const QUESTION = 'Siapa juara Liga Inggris musim lalu?';

    const abstained = await ask(QUESTION, guild);
    expect(abstained.text).toContain('The article does not answer this question');
    await ask(QUESTION, guild);

    // A 👎 on an answer the article did give.
    const answered = await ask('Apa yang dibahas Putin dan Kim?', guild);
    const down = customIds(answered.message).find((id) => id.startsWith('feedback:down:'))!;
    const voted = await send(button({ customId: down, message: answered.message, guildId: guild, user: answered.payload.member!.user, locale: 'en-US' }));
    expect(voted.ephemeral).toBe(true);
    expect(voted.text).toContain('Your 👎 is recorded');

    const pending = await faqCommand('unanswered', {}, asModerator(guild));
    expect(pending.ephemeral).toBe(true);
    expect(pending.text).toContain(`"${QUESTION}" — asked 2× (2 unanswered, 0 👎)`);
    expect(pending.text).toContain('"Apa yang dibahas Putin dan Kim?" — asked 1× (0 unanswered, 1 👎)');
    const answerButtons = customIds(pending.message).filter((id) => id.startsWith('faq-answer:'));
    expect(answerButtons).toHaveLength(2);
    const item = queue().list(guild).items.find((i) => i.question === QUESTION)!;
    expect(answerButtons[0]).toBe(`faq-answer:${item.id}:1`); // most asked first, on page 1

    const opened = await send(button({ customId: `faq-answer:${item.id}`, message: pending.message, guildId: guild, user: moderatorUser, locale: 'en-US' }));
    expect(opened.callback.body.type).toBe(InteractionResponseType.Modal);
    const modal = opened.callback.body.data;
    expect(modal.custom_id).toBe(`faq-modal:${item.id}`);
    const inputs = (modal.components as { components: { custom_id: string; value?: string; type: number }[] }[]).map((row) => row.components[0]!);
    expect(inputs.map((i) => i.custom_id)).toEqual(['question', 'answer', 'paragraphs', 'aliases']);
    expect(inputs.every((i) => i.type === ComponentType.TextInput)).toBe(true);
    expect(inputs[0]!.value).toBe(QUESTION);

    const totalBefore = store().count(guild);
    const submitted = await send(
      modalSubmit({
        customId: modal.custom_id,
        fields: { question: QUESTION, answer: 'Artikel ini tidak membahas sepak bola.', paragraphs: '', aliases: 'juara liga inggris tahun lalu' },
        message: pending.message,
        guildId: guild,
        user: moderatorUser,
        locale: 'en-US',
      }),
    );
    expect(submitted.ephemeral).toBe(true);
    const id = Number(/Saved curated answer #(\d+)/.exec(submitted.text)?.[1]);
    expect(store().count(guild)).toBe(totalBefore + 1);
    expect(store().get(guild, id)).toMatchObject({ question: QUESTION, aliases: ['juara liga inggris tahun lalu'], paragraphs: [] });
    expect(queue().get(guild, item.id)).toBeUndefined();
    expect(queue().list(guild).items.map((i) => i.question)).toEqual(['Apa yang dibahas Putin dan Kim?']);

    const curated = await ask(QUESTION, guild);
    expect(curated.message!.embeds[0]!.description).toMatch(/^\*\*📌 Moderators' answer\*\*\nArtikel ini tidak membahas sepak bola\./);
    expect(store().get(guild, id)!.useCount).toBe(1);
    expect(queue().list(guild).total).toBe(1); // answered now: not queued again

    // The button of an item that was answered meanwhile says so instead of opening a form.
    const stale = await send(button({ customId: `faq-answer:${item.id}`, guildId: guild, user: moderatorUser, locale: 'en-US' }));
    expect(stale.callback.body.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    expect(stale.text).toContain('already answered or removed');
  });

  it('an /ask the bot cannot answer, close to a curated answer, names that answer\'s question ("did you mean")', async () => {
    const guild = newGuild();
    await addEntry(guild, { question: 'Siapa juara Liga Inggris musim lalu?', answer: 'Manchester City.', paragraphs: '', aliases: '' });
    const near = await ask('siapa pencetak gol terbanyak Liga Inggris musim lalu', guild);
    expect(near.message!.embeds[0]!.description).toContain('The article does not answer this question');
    expect(near.message!.embeds[0]!.description).toContain('Moderators have answered a similar question: "Siapa juara Liga Inggris musim lalu?"');
    const far = await ask('Apa resep nasi goreng?', guild);
    expect(far.message!.embeds[0]!.description).not.toContain('similar question');
  });

  it('"Show that answer" under a "did you mean" gives the member the curated answer alone, counts a use, and tells moderators which answer the queued question asks for', async () => {
    const guild = newGuild();
    const id = await addEntry(guild, { question: 'Siapa juara Liga Inggris musim lalu?', answer: 'Manchester City.', paragraphs: '', aliases: '' });
    const QUESTION = 'siapa pencetak gol terbanyak Liga Inggris musim lalu';
    const near = await ask(QUESTION, guild);
    expect(near.message!.embeds[0]!.description).toContain('press **Show that answer**');
    const pick = customIds(near.message).find((c) => c.startsWith('suggested:'))!;
    expect(pick).toMatch(new RegExp(`^suggested:\\d+:${id}$`));

    const shown = await send(button({ customId: pick, message: near.message, guildId: guild, user: near.payload.member!.user, locale: 'en-US' }));
    expect(shown.ephemeral).toBe(true);
    expect(shown.message!.embeds[0]!.title).toBe('Siapa juara Liga Inggris musim lalu?');
    expect(shown.message!.embeds[0]!.description).toMatch(/^\*\*📌 Moderators' answer\*\*\nManchester City\./);
    expect(near.message!.embeds[0]!.description).toContain('The article does not answer this question'); // the public reply is as it was
    expect(store().get(guild, id)!.useCount).toBe(1);
    expect(queue().list(guild).items[0]).toMatchObject({ question: QUESTION, pickedEntryId: id, pickCount: 1 });
    // Pressed again (or by someone else in the channel): the answer is given again, the pick counts once per answer.
    const again = await send(button({ customId: pick, message: near.message, guildId: guild, user: memberUser, locale: 'en-US' }));
    expect(again.message!.embeds[0]!.description).toContain('Manchester City.');
    expect(store().get(guild, id)!.useCount).toBe(2);
    expect(queue().list(guild).items[0]!.pickCount).toBe(1);

    // Moderators see the pick, and "Same as…" comes with that answer filled in.
    const pending = await faqCommand('unanswered', {}, asModerator(guild));
    expect(pending.text).toContain(`members picked (1×): #${id} "Siapa juara Liga Inggris musim lalu?"`);
    const sameId = customIds(pending.message).find((c) => c.startsWith('faq-same:'))!;
    const opened = await send(button({ customId: sameId, message: pending.message, guildId: guild, user: moderatorUser, locale: 'en-US' }));
    const inputs = (opened.callback.body.data.components as { components: { custom_id: string; value?: string }[] }[]).map((row) => row.components[0]!);
    expect(inputs[0]).toMatchObject({ custom_id: 'entry', value: `#${id}` });

    // An answer removed meanwhile, an id from nowhere, another server's button, a DM: a clear message, nothing counted.
    const other = newGuild();
    for (const [customId, guildId] of [[`suggested:1:99999999`, guild], ['suggested:x:y', guild], [pick, other]] as const) {
      const refused = await send(button({ customId, guildId, user: memberUser, locale: 'en-US' }));
      expect(refused.ephemeral).toBe(true);
      expect(refused.text).toContain('That curated answer no longer exists');
    }
    const dm = await send(button({ customId: pick, guildId: null, user: memberUser, locale: 'en-US' }));
    expect(dm.ephemeral).toBe(true);
    expect(dm.text).not.toContain('Manchester City');
    expect(store().get(guild, id)!.useCount).toBe(2);
    expect(queue().list(guild).items[0]!.pickCount).toBe(1);
  });

  it('a queued paraphrase of an existing answer: the queue names the closest answer, "Same as…" adds the question to it, and /ask then gives it', async () => {
    const guild = newGuild();
    const id = await addEntry(guild, WAGNER);
    // Below the match threshold (its extra words are not in the entry), but closest to it.
    const PARAPHRASE = 'Siapa pendiri grup tentara bayaran Wagner?';
    const before = await ask(PARAPHRASE, guild);
    expect(before.message!.embeds[0]!.description ?? '').not.toContain("Moderators' answer");
    const itemId = queue().record(guild, PARAPHRASE, 'abstained')!;

    const pending = await faqCommand('unanswered', {}, asModerator(guild));
    expect(pending.text).toContain(`closest answer: #${id} "Siapa pendiri Wagner?"`);
    const sameId = customIds(pending.message).find((c) => c.startsWith(`faq-same:${itemId}:`))!;
    expect(sameId).toBeDefined();

    // Not gated by Discord: a member is refused, and nothing opens.
    expect((await send(button({ customId: sameId, message: pending.message, guildId: guild, user: memberUser, locale: 'en-US' }))).text).toBe(REFUSED);
    const opened = await send(button({ customId: sameId, message: pending.message, guildId: guild, user: moderatorUser, locale: 'en-US' }));
    expect(opened.callback.body.type).toBe(InteractionResponseType.Modal);
    const modal = opened.callback.body.data;
    expect(modal.custom_id).toBe(`faq-same-modal:${itemId}`);
    const inputs = (modal.components as { components: { custom_id: string; value?: string }[] }[]).map((row) => row.components[0]!);
    expect(inputs.map((i) => [i.custom_id, i.value])).toEqual([
      ['entry', `#${id}`],
      ['aliases', PARAPHRASE],
    ]);

    const fields = { entry: `#${id}`, aliases: PARAPHRASE };
    const forged = await send(modalSubmit({ customId: modal.custom_id, fields, guildId: guild, user: memberUser, locale: 'en-US' }));
    expect(forged.text).toBe(REFUSED);
    expect(store().get(guild, id)!.aliases).toEqual(['Wagner didirikan siapa']);

    const saved = await send(modalSubmit({ customId: modal.custom_id, fields, guildId: guild, user: moderatorUser, locale: 'en-US' }));
    expect(saved.ephemeral).toBe(true);
    expect(saved.text).toContain(`Added to curated answer #${id}`);
    expect(store().get(guild, id)!.aliases).toEqual(['Wagner didirikan siapa', PARAPHRASE]);
    expect(store().history(guild, id).at(-1)).toMatchObject({ action: 'edit', actorId: moderatorUser.id });
    expect(queue().get(guild, itemId)).toBeUndefined();

    const after = await ask(PARAPHRASE, guild);
    expect(after.message!.embeds[0]!.description).toMatch(/^\*\*📌 Moderators' answer\*\*\n\*\*Yevgeny Prigozhin\*\*/);
  });

  it('a "Same as…" form naming no entry of this server, or a phrasing another entry has, saves nothing and keeps the question queued', async () => {
    const guild = newGuild();
    const elsewhere = newGuild();
    const id = await addEntry(guild, WAGNER);
    const other = await addEntry(guild, { question: 'Di mana Putin dan Kim bertemu?', answer: 'Di Kosmodrom Vostochny.', paragraphs: '2', aliases: '' });
    const foreign = await addEntry(elsewhere, { question: 'Kapan Prigozhin meninggal?', answer: 'Bulan lalu.', paragraphs: '7', aliases: '' });
    const itemId = queue().record(guild, 'pendiri wagner siapa ya', 'abstained')!;
    const submit = (fields: Record<string, string>) => send(modalSubmit({ customId: `faq-same-modal:${itemId}`, fields, guildId: guild, user: moderatorUser, locale: 'en-US' }));

    for (const entry of ['#99999', 'Wagner', `#${foreign}`, '']) {
      expect((await submit({ entry, aliases: 'pendiri wagner siapa ya' })).text).toMatch(/^There is no curated answer ".*" in this server\./);
    }
    expect((await submit({ entry: `#${id}`, aliases: ' ; ' })).text).toBe('Write the phrasing to add. Nothing was saved.');
    const clash = await submit({ entry: `#${id}`, aliases: 'Di mana Putin dan Kim bertemu?' });
    expect(clash.text).toContain(`is already a question or phrasing of curated answer #${other}`);
    const repeated = await submit({ entry: `#${id}`, aliases: 'wagner didirikan siapa' });
    expect(repeated.text).toMatch(/^Nothing was saved:/);
    const pinging = await submit({ entry: `#${id}`, aliases: '@everyone pendiri wagner' });
    expect(pinging.text).toMatch(/^Nothing was saved:/);

    expect(store().get(guild, id)!.aliases).toEqual(['Wagner didirikan siapa']);
    expect(store().get(elsewhere, foreign)!.aliases).toEqual([]);
    expect(queue().get(guild, itemId)).toBeDefined();
    // The button of a question no longer queued says so instead of opening a form.
    queue().resolve(guild, itemId);
    const stale = await send(button({ customId: `faq-same:${itemId}:1`, guildId: guild, user: moderatorUser, locale: 'en-US' }));
    expect(stale.text).toContain('already answered or removed');
  });

  it('a moderator can dismiss a queued question; the page is redrawn without it; a member cannot', async () => {
    const guild = newGuild();
    const noise = queue().record(guild, 'asdf qwerty', 'abstained')!;
    queue().record(guild, 'Kapan Prigozhin meninggal?', 'abstained');
    const pending = await faqCommand('unanswered', {}, asModerator(guild));
    const dismissId = customIds(pending.message).find((id) => id.startsWith(`faq-dismiss:${noise}:`))!;
    expect(dismissId).toBeDefined();

    const refused = await send(button({ customId: dismissId, message: pending.message, guildId: guild, user: memberUser, locale: 'en-US' }));
    expect(refused.ephemeral).toBe(true);
    expect(queue().get(guild, noise)).toBeDefined();

    const dismissed = await send(button({ customId: dismissId, message: pending.message, guildId: guild, user: moderatorUser, locale: 'en-US' }));
    expect(dismissed.callback.body.type).toBe(InteractionResponseType.UpdateMessage);
    expect(queue().get(guild, noise)).toBeUndefined();
    expect(queue().list(guild).items.map((i) => i.question)).toEqual(['Kapan Prigozhin meninggal?']);
    expect(JSON.stringify(dismissed.callback.body.data)).not.toContain('asdf qwerty');
  });

  it('a modal submission with bad input saves nothing and keeps the question queued', async () => {
    const guild = newGuild();
    const itemId = queue().record(guild, 'Kapan Prigozhin meninggal?', 'abstained')!;
    const out = await send(
      modalSubmit({
        customId: `faq-modal:${itemId}`,
        fields: { question: 'Kapan Prigozhin meninggal?', answer: '@everyone bulan lalu', paragraphs: '99', aliases: '' },
        guildId: guild,
        user: moderatorUser,
        locale: 'en-US',
      }),
    );
    expect(out.ephemeral).toBe(true);
    expect(out.text).toMatch(/^Nothing was saved:/);
    expect(out.text).toContain('mention');
    expect(out.text).toContain('putin-kim-vostochny#99');
    expect(store().count(guild)).toBe(0);
    expect(queue().get(guild, itemId)).toBeDefined();
  });

  it("another server's queued question cannot be opened or resolved from here", async () => {
    const guild = newGuild();
    const elsewhere = newGuild();
    const foreignItem = queue().record(elsewhere, 'Rahasia server lain?', 'abstained')!;
    const opened = await send(button({ customId: `faq-answer:${foreignItem}`, guildId: guild, user: moderatorUser, locale: 'en-US' }));
    expect(opened.callback.body.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    expect(opened.text).toBe('That question was already answered or removed from the queue.');
    const submitted = await send(
      modalSubmit({ customId: `faq-modal:${foreignItem}`, fields: { question: 'Pertanyaan server ini?', answer: 'Jawaban.', paragraphs: '', aliases: '' }, guildId: guild, user: moderatorUser, locale: 'en-US' }),
    );
    expect(submitted.text).toContain('Saved curated answer #');
    expect(store().count(guild)).toBe(1);
    expect(store().count(elsewhere)).toBe(0);
    expect(queue().get(elsewhere, foreignItem)).toMatchObject({ question: 'Rahasia server lain?', count: 1 });
  });

  it('an edit that adds a phrasing of a queued question takes it out of the queue, as an add does', async () => {
    const guild = newGuild();
    const id = await addEntry(guild, WAGNER);
    const asked = await ask('Siapa bos Wagner?', guild);
    expect(asked.message!.embeds[0]!.description ?? '').not.toContain('Yevgeny Prigozhin');
    const down = customIds(asked.message).find((c) => c.startsWith('feedback:down:'))!;
    await send(button({ customId: down, message: asked.message, guildId: guild, user: asked.payload.member!.user, locale: 'en-US' }));
    queue().record(guild, 'Siapa juara Liga Inggris musim lalu?', 'abstained');
    expect(queue().list(guild).items.map((i) => i.question).sort()).toEqual(['Siapa bos Wagner?', 'Siapa juara Liga Inggris musim lalu?']);

    await faqCommand('edit', { entry: String(id), aliases: 'Wagner didirikan siapa; siapa BOS wagner' }, asModerator(guild));
    expect(queue().list(guild).items.map((i) => i.question)).toEqual(['Siapa juara Liga Inggris musim lalu?']);
    expect((await ask('Siapa bos Wagner?', guild)).message!.embeds[0]!.description).toContain('Yevgeny Prigozhin');
  });

  it('the queue pages keep every action row valid, also on a stale page', async () => {
    const guild = newGuild();
    for (let n = 1; n <= 6; n++) queue().record(guild, `Pertanyaan antre nomor ${n}?`, 'abstained');
    const first = await faqCommand('unanswered', {}, asModerator(guild));
    expect(first.message!.embeds[0]!.footer?.text).toBe('1/2');
    // The only item of page 2 is answered meanwhile; a stale "Next" must still render.
    const last = queue().list(guild, { offset: 5, limit: 5 }).items[0]!;
    queue().resolve(guild, last.id);
    const pressed = await send(button({ customId: 'faq-unanswered:2:n', message: first.message, guildId: guild, user: moderatorUser, locale: 'en-US' }));
    expect(pressed.callback.body.type).toBe(InteractionResponseType.UpdateMessage);
    expect(pressed.text).toContain('Pertanyaan antre nomor');
  });
});

describe('restart', () => {
  it('entries, their use counts and the queue survive closing the bot and starting a new one on the same DATA_DIR', async () => {
    const guild = newGuild();
    const id = await addEntry(guild, WAGNER);
    await ask('siapa yang mendirikan grup Wagner?', guild);
    await ask('Siapa juara Liga Inggris musim lalu?', guild);
    const before = { entry: store().get(guild, id), queue: queue().list(guild) };
    expect(before.entry!.useCount).toBe(1);
    expect(before.queue.total).toBe(1);

    const gone = store().add(guild, { question: 'Apa isi paragraf yang hilang?', answer: 'x', paragraphs: ['putin-kim-vostochny#42'], aliases: [] }, moderatorUser.id);
    logged.length = 0;

    await restart();

    // Start-up warns about citations that no longer exist, naming the entry and the server.
    const warnings = logged.splice(0).map((line) => JSON.parse(line) as { level: number; msg: string });
    const missing = warnings.find((w) => /citation\(s\) of curated answers no longer exist/.test(w.msg));
    expect(missing?.level).toBe(40);
    expect(missing?.msg).toContain(`#${gone.id} putin-kim-vostochny#42 (server ${guild})`);
    expect(warnings.filter((w) => w !== missing)).toEqual([]);
    expect(store().get(guild, id)).toEqual(before.entry);
    expect(queue().list(guild)).toEqual(before.queue);
    const shown = await faqCommand('show', { entry: String(id) }, asMember(guild));
    expect(shown.text).toContain(`Entry #${id} · used 1×`);
    const pending = await faqCommand('unanswered', {}, asModerator(guild));
    expect(pending.text).toContain('"Siapa juara Liga Inggris musim lalu?" — asked 1×');
    const answered = await ask('siapa yang mendirikan grup Wagner?', guild);
    expect(answered.message!.embeds[0]!.description).toContain('Yevgeny Prigozhin');
    expect(store().get(guild, id)!.useCount).toBe(2);
  });
});
