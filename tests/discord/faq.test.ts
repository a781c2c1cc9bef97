/**
 * End-to-end tests of curated answers through the REAL discord.js client and the loopback
 * fake Discord (see tests/support/curatedBot.ts): /faq-manage add, edit and remove, /ask's
 * curated answer, who may do what, who did what, /faq list and show. The unanswered queue
 * and restarts are in unansweredQueue.test.ts.
 *
 * Most tests work in a guild of their own (interactions may come from any guild id), so
 * they do not depend on each other's data.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { InteractionResponseType, PermissionFlagsBits, type APIEmbed } from 'discord-api-types/v10';
import { asMember, asModerator, curatedBotHarness, customIds, READING, REFUSED, WAGNER, type Fields } from '../support/curatedBot.js';
import { autocomplete, button, chatInput, MEMBER_PERMISSIONS, memberUser, modalSubmit, moderatorUser, opt } from '../support/interactions.js';
import { makeUser } from '../support/discordFixtures.js';

const { send, faqCommand, ask, addEntry, newGuild, bot, store, queue, totalEntries } = curatedBotHarness();


describe('/faq add, then /ask gives the curated answer', () => {
  it("a moderator's entry is what a member asking in other words gets first, marked and cited; its use count grows", async () => {
    const guild = newGuild();
    const added = await faqCommand('add', WAGNER, asModerator(guild));
    expect(added.callback.body.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    expect(added.ephemeral).toBe(true);
    const id = Number(/Saved curated answer #(\d+)\./.exec(added.text)?.[1]);
    expect(id).toBeGreaterThan(0);
    expect(store().count(guild)).toBe(1);
    expect(store().get(guild, id)).toMatchObject({
      question: 'Siapa pendiri Wagner?',
      answer: '**Yevgeny Prigozhin**.',
      paragraphs: ['putin-kim-vostochny#7'],
      aliases: ['Wagner didirikan siapa'],
      authorId: moderatorUser.id,
      useCount: 0,
    });

    const answered = await ask('siapa yang mendirikan grup Wagner?', guild);
    expect(answered.ephemeral).toBe(false);
    const embed = answered.message!.embeds[0]!;
    expect(embed.title).toBe('siapa yang mendirikan grup Wagner?');
    // The moderators' answer comes first, marked as theirs, with the cited paragraph.
    expect(embed.description).toMatch(/^\*\*📌 Moderators' answer\*\*\n\*\*Yevgeny Prigozhin\*\*\./);
    expect(embed.description).toContain('¶7');
    expect(embed.description).toContain('putin-kim-vostochny#7');
    expect(customIds(answered.message)).toEqual([expect.stringMatching(/^feedback:up:\d+$/), expect.stringMatching(/^feedback:down:\d+$/)]);
    expect(store().get(guild, id)!.useCount).toBe(1);

    // The alias wording and the Indonesian interface give it too.
    const again = await ask('wagner itu didirikan oleh siapa ya?', guild, { locale: 'id' });
    expect(again.message!.embeds[0]!.description).toMatch(/^\*\*📌 Jawaban moderator\*\*/);
    expect(store().get(guild, id)!.useCount).toBe(2);

    // Members can look at it with /faq show, which reports the use count.
    const shown = await faqCommand('show', { entry: String(id) }, asMember(guild));
    expect(shown.ephemeral).toBe(false);
    expect(shown.message!.embeds[0]).toMatchObject({ title: 'Siapa pendiri Wagner?', description: '**Yevgeny Prigozhin**.' });
    expect(shown.text).toContain(`Entry #${id} · used 2×`);
    expect(shown.text).toContain('`putin-kim-vostochny#7`');
  });

  it('in a DM, /ask gives the article passages only: no curated answer, no feedback buttons, nothing recorded', async () => {
    const guild = newGuild();
    const id = await addEntry(guild, WAGNER);
    const count = (table: string) => (store().db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
    const before = { answers: count('answers'), queue: count('unanswered_questions') };
    for (const question of ['siapa yang mendirikan grup Wagner?', 'Siapa juara Liga Inggris musim lalu?']) {
      const out = await ask(question, guild, { guildId: null });
      expect(out.message!.embeds[0]!.description ?? '').not.toContain('Moderators');
      expect(customIds(out.message)).toEqual([]);
    }
    expect({ answers: count('answers'), queue: count('unanswered_questions') }).toEqual(before);
    expect(store().get(guild, id)!.useCount).toBe(0);
  });

  it('a question no entry answers still gets the article passages, without a curated block', async () => {
    const guild = newGuild();
    await addEntry(guild, WAGNER);
    const answered = await ask('Kapan Prigozhin meninggal?', guild);
    expect(answered.message!.embeds[0]!.description ?? '').not.toContain('Moderators');
    expect(store().get(guild, store().list(guild).entries[0]!.id)!.useCount).toBe(0);
  });
});

describe('/faq permissions follow Discord\'s model', () => {
  it('who may run /faq-manage is Discord\'s decision: the bot does not refuse a member Discord let through', async () => {
    // Discord shows /faq-manage to Manage Messages by default, and to whomever an admin
    // grants it in Server Settings > Integrations. An interaction that arrives was allowed.
    const guild = newGuild();
    const granted = asMember(guild, { permissions: MEMBER_PERMISSIONS });
    const id = await addEntry(guild, WAGNER, granted);
    expect(store().get(guild, id)).toMatchObject({ authorId: memberUser.id });
    const edited = await faqCommand('edit', { entry: String(id), answer: 'Yevgeny Prigozhin (1961-2023).' }, granted);
    expect(edited.text).toContain(`Updated curated answer #${id}.`);
    queue().record(guild, 'Kapan Wagner didirikan?', 'abstained');
    expect((await faqCommand('unanswered', {}, granted)).text).toContain('Kapan Wagner didirikan?');
  });

  it('buttons and forms are not gated by Discord: a member who is not a moderator is refused, and nothing changes', async () => {
    const guild = newGuild();
    const itemId = queue().record(guild, 'Kapan Wagner didirikan?', 'abstained')!;
    const totalBefore = totalEntries();
    const attempts = [
      await send(button({ customId: `faq-answer:${itemId}`, guildId: guild, user: memberUser, locale: 'en-US' })),
      await send(button({ customId: `faq-dismiss:${itemId}:1`, guildId: guild, user: memberUser, locale: 'en-US' })),
      await send(button({ customId: 'faq-unanswered:1:n', guildId: guild, user: memberUser, locale: 'en-US' })),
      await send(
        modalSubmit({
          customId: `faq-modal:${itemId}`,
          fields: { question: 'Kapan Wagner didirikan?', answer: 'Tahun 2014.', paragraphs: '', aliases: '' },
          guildId: guild,
          user: memberUser,
          locale: 'en-US',
        }),
      ),
    ];
    for (const attempt of attempts) {
      expect(attempt.callback.body.type, attempt.text).toBe(InteractionResponseType.ChannelMessageWithSource); // not a modal
      expect(attempt.ephemeral).toBe(true);
      expect(attempt.text).toBe(REFUSED);
    }
    expect(totalEntries()).toBe(totalBefore);
    expect(queue().get(guild, itemId)).toMatchObject({ question: 'Kapan Wagner didirikan?', count: 1 });
    const inIndonesian = await send(button({ customId: `faq-answer:${itemId}`, guildId: guild, user: memberUser, locale: 'id' }));
    expect(inIndonesian.text).toBe('Hanya moderator yang bisa melakukan ini (Kelola Pesan, Kelola Server, atau peran moderator yang diatur dengan `/faq-manage roles`).');
  });

  it('a server can name moderator roles: their members may use the buttons and forms; removing the role takes that away', async () => {
    const guild = newGuild();
    const HELPERS = '1300000000000000777';
    const helper = makeUser('1300000000000005000', 'helper');
    const asHelper = { guildId: guild, user: helper, permissions: MEMBER_PERMISSIONS, roles: [HELPERS], locale: 'en-US' as const };
    const itemId = queue().record(guild, 'Kapan Wagner didirikan?', 'abstained')!;
    expect((await send(button({ customId: `faq-answer:${itemId}`, ...asHelper }))).text).toBe(REFUSED);

    const set = await send(chatInput({ name: 'faq-manage', subcommand: 'roles', options: [opt.role('add', HELPERS)], ...asModerator(guild) }));
    expect(set.ephemeral).toBe(true);
    expect(set.text).toContain(`Members of <@&${HELPERS}> can now use the moderators' buttons and forms.`);
    expect(set.text).toContain(`• <@&${HELPERS}>`);
    expect(bot().services.moderatorRoles.list(guild)).toEqual([HELPERS]);
    // Another server is not affected by this one's setting.
    expect(bot().services.moderatorRoles.list(newGuild())).toEqual([]);

    const opened = await send(button({ customId: `faq-answer:${itemId}`, ...asHelper }));
    expect(opened.callback.body.type).toBe(InteractionResponseType.Modal);
    const saved = await send(modalSubmit({ customId: `faq-modal:${itemId}`, fields: { question: 'Kapan Wagner didirikan?', answer: 'Pada 2014.', paragraphs: '', aliases: '' }, ...asHelper }));
    expect(saved.text).toMatch(/Saved curated answer #\d+/);
    expect(queue().get(guild, itemId)).toBeUndefined();

    const everyone = await send(chatInput({ name: 'faq-manage', subcommand: 'roles', options: [opt.role('add', guild)], ...asModerator(guild) }));
    expect(everyone.text).toMatch(/@everyone cannot be a moderator role/);
    const removed = await send(chatInput({ name: 'faq-manage', subcommand: 'roles', options: [opt.role('remove', HELPERS)], ...asModerator(guild) }));
    expect(removed.text).toContain(`<@&${HELPERS}> is no longer a moderator role.`);
    expect(removed.text).toContain('No extra moderator roles');
    const next = queue().record(guild, 'Siapa juara Liga Inggris?', 'abstained')!;
    expect((await send(button({ customId: `faq-answer:${next}`, ...asHelper }))).text).toBe(REFUSED);
  });

  it('members may read: /faq list and /faq show', async () => {
    const guild = newGuild();
    const id = await addEntry(guild, WAGNER);
    const list = await faqCommand('list', {}, asMember(guild));
    expect(list.ephemeral).toBe(false);
    expect(list.text).toContain(`**#${id}** Siapa pendiri Wagner?`);
    const shown = await faqCommand('show', { entry: 'Siapa pendiri Wagner?' }, asMember(guild));
    expect(shown.message!.embeds[0]!.title).toBe('Siapa pendiri Wagner?');
    const pressed = await send(button({ customId: 'faq-list:1:n', guildId: guild, user: memberUser, locale: 'en-US' }));
    expect(pressed.callback.body.type).toBe(InteractionResponseType.UpdateMessage);
  });

  it.each([
    ['Administrator', MEMBER_PERMISSIONS | PermissionFlagsBits.Administrator],
    ['Manage Server alone', PermissionFlagsBits.ManageGuild],
    ['Manage Messages alone', PermissionFlagsBits.ManageMessages],
  ])('%s may use the moderators\' buttons', async (_, permissions) => {
    const guild = newGuild();
    const itemId = queue().record(guild, 'Kapan Wagner didirikan?', 'abstained')!;
    const opened = await send(button({ customId: `faq-answer:${itemId}`, guildId: guild, user: memberUser, permissions, locale: 'en-US' }));
    expect(opened.callback.body.type).toBe(InteractionResponseType.Modal);
  });

  it('/faq and /faq-manage in a DM are refused with a clear message and change nothing', async () => {
    const totalBefore = totalEntries();
    for (const subcommand of ['add', 'list', 'unanswered']) {
      const out = await faqCommand(subcommand, subcommand === 'add' ? WAGNER : {}, { guildId: null, user: moderatorUser, locale: 'en-US' });
      expect(out.ephemeral).toBe(true);
      expect(out.text).toBe('This command only works in a server.');
    }
    const pressed = await send(button({ customId: 'faq-answer:1', guildId: null, user: moderatorUser, locale: 'en-US' }));
    expect(pressed.text).toBe('This command only works in a server.');
    const suggestions = await send(autocomplete({ name: 'faq-manage', subcommand: 'edit', focused: { name: 'entry', value: '' }, guildId: null, user: moderatorUser }));
    expect(suggestions.callback.body).toEqual({ type: InteractionResponseType.ApplicationCommandAutocompleteResult, data: { choices: [] } });
    expect(totalEntries()).toBe(totalBefore);
  });
});

describe('who did what', () => {
  it('/faq show gives the author and the last editor; the history records removals too', async () => {
    const guild = newGuild();
    const editor = makeUser('1300000000000006000', 'penyunting');
    const id = await addEntry(guild, WAGNER);
    let shown = await faqCommand('show', { entry: String(id) }, asMember(guild));
    expect(shown.text).toMatch(new RegExp(`Added by <@${moderatorUser.id}> <t:\\d+:R>`));
    expect(shown.text).not.toContain('last edited');

    await faqCommand('edit', { entry: String(id), answer: 'Yevgeny Prigozhin (1961-2023).' }, asModerator(guild, { user: editor }));
    await faqCommand('edit', { entry: String(id), aliases: 'Wagner didirikan siapa; pendiri grup Wagner' }, asModerator(guild, { user: editor }));
    shown = await faqCommand('show', { entry: String(id) }, asMember(guild));
    expect(shown.text).toMatch(new RegExp(`Added by <@${moderatorUser.id}> <t:\\d+:R>\\nlast edited by <@${editor.id}> <t:\\d+:R> \\(2 edit\\(s\\)\\)`));
    // Mentions in an embed never ping; the message disables them anyway (checked after each test).

    await faqCommand('remove', { entry: String(id) }, asModerator(guild));
    expect(store().history(guild, id).map((h) => [h.action, h.actorId])).toEqual([
      ['add', moderatorUser.id],
      ['edit', editor.id],
      ['edit', editor.id],
      ['remove', moderatorUser.id],
    ]);
  });

  it('a citation the corpus no longer has (article shortened or removed) is marked in /faq show', async () => {
    const guild = newGuild();
    // As left behind by an article that had a ¶9 and lost it.
    const entry = store().add(guild, { question: 'Apa isi paragraf sembilan?', answer: 'Sesuatu.', paragraphs: ['putin-kim-vostochny#7', 'putin-kim-vostochny#9', 'artikel-lama#2'], aliases: [] }, moderatorUser.id);
    const shown = await faqCommand('show', { entry: String(entry.id) }, asMember(guild, { locale: 'en-US' }));
    expect(shown.text).toContain('`putin-kim-vostochny#7`, `putin-kim-vostochny#9` ⚠️ no longer in the corpus, `artikel-lama#2` ⚠️ no longer in the corpus');
    expect(shown.text).toContain('⚠️ 2 cited paragraph(s) no longer exist (the article was shortened or removed); /ask leaves them out.');
  });
});

describe('/faq list pagination', () => {
  it('more than 10 entries: pages with Previous/Next buttons; Next updates the message to page 2', async () => {
    const guild = newGuild();
    const ids: number[] = [];
    for (let n = 1; n <= 12; n++) ids.push(await addEntry(guild, { question: `Pertanyaan uji nomor ${n} tentang artikel?`, answer: `Jawaban ${n}.` }));

    const list = await faqCommand('list', {}, asMember(guild));
    const page1 = list.message!;
    expect(page1.embeds[0]).toMatchObject({ title: 'Curated answers (12)', footer: { text: '1/2' } });
    expect(page1.embeds[0]!.description!.split('\n')).toHaveLength(10);
    expect(page1.embeds[0]!.description).toContain(`**#${ids[0]}** Pertanyaan uji nomor 1 tentang artikel? — used 0×`);
    const buttons = (page1.components![0] as unknown as { components: { custom_id: string; disabled: boolean; label: string }[] }).components;
    expect(buttons.map((b) => [b.label, b.disabled])).toEqual([['Previous', true], ['Next', false]]);

    const next = buttons[1]!.custom_id;
    const pressed = await send(button({ customId: next, message: page1, guildId: guild, user: memberUser, locale: 'en-US' }));
    expect(pressed.callback.body.type).toBe(InteractionResponseType.UpdateMessage);
    const page2 = pressed.callback.body.data.embeds[0] as APIEmbed;
    expect(page2.footer?.text).toBe('2/2');
    expect(page2.description!.split('\n')).toHaveLength(2);
    expect(page2.description).toContain(`**#${ids[11]}**`);
    expect(pressed.state.original?.id).toBe(page1.id); // the same message, edited
    const pager = pressed.callback.body.data.components[0].components as { disabled: boolean; label: string }[];
    expect(pager.map((b) => [b.label, b.disabled])).toEqual([['Previous', false], ['Next', true]]);
  });

  it('a stale or forged page number shows the nearest existing page', async () => {
    const guild = newGuild();
    for (let n = 1; n <= 11; n++) await addEntry(guild, { question: `Soal basi nomor ${n}?`, answer: `Jawaban ${n}.` });
    for (const page of ['9', '-3', 'x']) {
      const pressed = await send(button({ customId: `faq-list:${page}:n`, guildId: guild, user: memberUser, locale: 'en-US' }));
      const embed = pressed.callback.body.data.embeds[0] as APIEmbed;
      expect(embed.description, `page ${page}`).toMatch(/\*\*#\d+\*\*/);
      expect(embed.footer?.text).toMatch(/^[12]\/2$/);
    }
  });

  it('an empty list says how to add one', async () => {
    const out = await faqCommand('list', {}, asMember(newGuild()));
    expect(out.ephemeral).toBe(true);
    expect(out.text).toContain('No curated answers yet');
  });
});

describe('/faq edit and /faq remove with the autocompleted entry option', () => {
  it('autocomplete offers at most 25 entries of this server, valued by id; edit and remove use them', async () => {
    const guild = newGuild();
    const ids: number[] = [];
    for (let n = 1; n <= 27; n++) ids.push(store().add(guild, { question: `Pertanyaan pengisi nomor ${n}?`, answer: `Isi ${n}.`, paragraphs: [], aliases: [] }, moderatorUser.id).id);
    const wagner = await addEntry(guild, WAGNER);
    const foreign = store().add(newGuild(), { question: 'Siapa pendiri Wagner di server lain?', answer: 'Rahasia.', paragraphs: [], aliases: [] }, 'other');

    const complete = (value: string, subcommand = 'edit') =>
      send(autocomplete({ name: READING.has(subcommand) ? 'faq' : 'faq-manage', subcommand, focused: { name: 'entry', value }, guildId: guild, user: moderatorUser, locale: 'en-US' }));

    const all = (await complete('')).callback.body;
    expect(all.type).toBe(InteractionResponseType.ApplicationCommandAutocompleteResult);
    expect(all.data.choices).toHaveLength(25);
    for (const choice of all.data.choices as { name: string; value: string }[]) {
      expect(choice.value).toMatch(/^\d+$/);
      expect([...ids, wagner]).toContain(Number(choice.value));
      expect(choice.name.startsWith(`#${choice.value} `)).toBe(true);
      expect(choice.name.length).toBeLessThanOrEqual(100);
    }

    const typed = (await complete('pendiri wag', 'remove')).callback.body.data.choices as { name: string; value: string }[];
    expect(typed).toEqual([{ name: `#${wagner} Siapa pendiri Wagner?`, value: String(wagner) }]); // not the other server's

    const edited = await faqCommand('edit', { entry: typed[0]!.value, answer: 'Yevgeny Prigozhin (1961-2023).', aliases: 'Wagner didirikan siapa; pendiri grup Wagner' }, asModerator(guild));
    expect(edited.ephemeral).toBe(true);
    expect(edited.text).toContain(`Updated curated answer #${wagner}.`);
    expect(store().get(guild, wagner)).toMatchObject({ answer: 'Yevgeny Prigozhin (1961-2023).', aliases: ['Wagner didirikan siapa', 'pendiri grup Wagner'], question: 'Siapa pendiri Wagner?' });
    expect((await ask('siapa yang mendirikan grup Wagner?', guild)).message!.embeds[0]!.description).toContain('Yevgeny Prigozhin (1961-2023).');

    // Nothing to change is an error, not a silent success.
    const empty = await faqCommand('edit', { entry: String(wagner) }, asModerator(guild));
    expect(empty.ephemeral).toBe(true);
    expect(empty.text).toContain('Nothing to change');

    const count = store().count(guild);
    const removed = await faqCommand('remove', { entry: `#${ids[0]}` }, asModerator(guild));
    expect(removed.ephemeral).toBe(true);
    expect(removed.text).toBe(`Removed curated answer #${ids[0]}: "Pertanyaan pengisi nomor 1?".`);
    expect(store().get(guild, ids[0]!)).toBeUndefined();
    expect(store().count(guild)).toBe(count - 1);

    // Another server's entry id is "not found" here, and stays untouched.
    const foreignBefore = store().get(foreign.guildId, foreign.id);
    for (const subcommand of ['edit', 'remove', 'show']) {
      const out = await faqCommand(subcommand, { entry: String(foreign.id), ...(subcommand === 'edit' ? { answer: 'Dibajak.' } : {}) }, asModerator(guild));
      expect(out.ephemeral).toBe(true);
      expect(out.text).toContain(`No curated answer matches "${foreign.id}".`);
      expect(out.text).not.toContain('Rahasia');
    }
    expect(store().get(foreign.guildId, foreign.id)).toEqual(foreignBefore);
    expect(store().count(guild)).toBe(count - 1);

    // Unknown ids and misspelt questions get suggestions.
    const unknownId = await faqCommand('remove', { entry: '987654' }, asModerator(guild));
    expect(unknownId.text).toMatch(/^No curated answer matches "987654"\.\nDid you mean: #\d+ ".+"/);
    const typo = await faqCommand('edit', { entry: 'Siapa pendri Wagner?', answer: 'x' }, asModerator(guild));
    expect(typo.text).toContain('No curated answer matches "Siapa pendri Wagner?".');
    expect(typo.text).toContain(`Did you mean: #${wagner} "Siapa pendiri Wagner?"`);
    expect(store().count(guild)).toBe(count - 1);
    expect(store().get(guild, wagner)!.answer).toBe('Yevgeny Prigozhin (1961-2023).');
  });
});

describe('/faq add and edit refuse bad input clearly and change nothing', () => {
  const guild = newGuild();
  let existing: number;
  let other: number;

  beforeAll(async () => {
    existing = await addEntry(guild, WAGNER);
    other = await addEntry(guild, { question: 'Di mana Putin dan Kim bertemu?', answer: 'Di Kosmodrom Vostochny.', paragraphs: '2' });
  });

  const cases: [string, Fields, RegExp][] = [
    ['an empty question', { question: '', answer: 'Jawaban.' }, /The question must be 3 to 300 characters long \(it has 0\)/],
    ['a blank question', { question: '   ', answer: 'Jawaban.' }, /The question must be 3 to 300 characters long/],
    ['an empty answer', { question: 'Siapa pemimpin Korea Utara?', answer: '' }, /The answer must be 1 to 1800 characters long \(it has 0\)/],
    ['a 1,801-character answer', { question: 'Siapa pemimpin Korea Utara?', answer: 'a'.repeat(1801) }, /The answer must be 1 to 1800 characters long \(it has 1801\)/],
    ['@everyone in the answer', { question: 'Siapa pemimpin Korea Utara?', answer: '@everyone Kim Jong Un.' }, /The answer contains a mention/],
    ['@here in the question', { question: '@here siapa pemimpin Korea Utara?', answer: 'Kim Jong Un.' }, /The question contains a mention/],
    ['a role mention in an alias', { question: 'Siapa pemimpin Korea Utara?', answer: 'Kim Jong Un.', aliases: 'pemimpin Korut; tanya <@&123456789012345678> saja' }, /Alias 2 contains a mention/],
    ['a role mention in the answer', { question: 'Siapa pemimpin Korea Utara?', answer: 'Tanya <@&123456789012345678>.' }, /The answer contains a mention/],
    ['an unbalanced code fence', { question: 'Siapa pemimpin Korea Utara?', answer: 'Lihat:\n```\nKim Jong Un' }, /unclosed code block/],
    ['paragraph 99', { question: 'Siapa pemimpin Korea Utara?', answer: 'Kim Jong Un.', paragraphs: '99' }, /Paragraph putin-kim-vostochny#99 does not exist in the corpus/],
    ['paragraph nope#1', { question: 'Siapa pemimpin Korea Utara?', answer: 'Kim Jong Un.', paragraphs: 'nope#1' }, /Paragraph nope#1 does not exist in the corpus/],
  ];

  it.each(cases)('%s', async (_, fields, message) => {
    const before = totalEntries();
    const out = await faqCommand('add', fields, asModerator(guild));
    expect(out.ephemeral).toBe(true);
    expect(out.text).toMatch(/^Nothing was saved:\n• /);
    expect(out.text).toMatch(message);
    expect(totalEntries()).toBe(before);
  });

  it('a question that is an existing question or alias after normalisation is a conflict naming that entry', async () => {
    const before = totalEntries();
    for (const fields of [
      { question: 'siapa   PENDIRI wagner ??', answer: 'Prigozhin.' },
      { question: 'Siapa bos Wagner?', answer: 'Prigozhin.', aliases: 'wagner didirikan SIAPA!' },
    ]) {
      const out = await faqCommand('add', fields, asModerator(guild));
      expect(out.ephemeral).toBe(true);
      expect(out.text).toMatch(new RegExp(`is already a question or phrasing of curated answer #${existing}\\. Edit that entry instead`));
    }
    expect(totalEntries()).toBe(before);
  });

  it('edit: bad input and conflicts leave the entry as it was', async () => {
    const before = store().get(guild, other);
    const bad = await faqCommand('edit', { entry: String(other), answer: '@everyone Vostochny.' }, asModerator(guild));
    expect(bad.text).toMatch(/^Nothing was saved:\n• The answer contains a mention/);
    const clash = await faqCommand('edit', { entry: String(other), question: 'Siapa pendiri Wagner' }, asModerator(guild));
    expect(clash.text).toContain(`curated answer #${existing}`);
    expect(store().get(guild, other)).toEqual(before);
  });

  it('an answer of exactly 1,800 characters is accepted and its confirmation fits Discord', async () => {
    const answer = `${'Panjang '.repeat(225)}`.slice(0, 1794) + 'akhir.';
    expect(answer).toHaveLength(1800);
    const id = await addEntry(guild, { question: 'Jawaban terpanjang yang diizinkan?', answer });
    expect(store().get(guild, id)!.answer).toBe(answer);
    const shown = await faqCommand('show', { entry: String(id) }, asMember(guild));
    expect(shown.message!.embeds[0]!.description).toBe(answer);
  });
});
