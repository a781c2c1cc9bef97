import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AutocompleteInteraction,
  ButtonInteraction,
  ChatInputCommandInteraction,
  DiscordAPIError,
  GatewayIntentBits,
  MessageFlags,
  ModalBuilder,
  ModalSubmitInteraction,
  PermissionFlagsBits,
  REST,
  Routes,
  TextInputStyle,
  type Client,
} from 'discord.js';
import { InteractionResponseType, Locale } from 'discord-api-types/v10';
import { startFakeDiscord, type FakeDiscord } from '../support/fakeDiscord.js';
import { createTestClient, destroyTestClient, receiveInteraction, TEST_TOKEN } from '../support/client.js';
import {
  autocomplete,
  button,
  chatInput,
  memberUser,
  modalSubmit,
  moderatorUser,
  opt,
  TEXT_CHANNEL_ID,
} from '../support/interactions.js';

let fake: FakeDiscord;
let client: Client<true>;

beforeAll(async () => {
  fake = await startFakeDiscord();
  client = await createTestClient(fake);
});

afterAll(async () => {
  if (client) await destroyTestClient(client);
  if (fake) await fake.close();
});

describe('fake Discord: login', () => {
  it('logs a real Client in through GET /gateway/bot and HELLO/IDENTIFY/READY/GUILD_CREATE', () => {
    const gatewayBot = fake.requests.find((r) => r.method === 'GET' && r.path === '/gateway/bot');
    expect(gatewayBot?.status).toBe(200);
    expect(gatewayBot?.headers.authorization).toBe(`Bot ${TEST_TOKEN}`);

    expect(fake.gatewayQueries[0]?.get('v')).toBe('10');
    expect(fake.gatewayQueries[0]?.get('encoding')).toBe('json');
    expect(fake.identifyPayloads).toHaveLength(1);
    expect(fake.identifyPayloads[0]).toMatchObject({ token: TEST_TOKEN, intents: GatewayIntentBits.Guilds, shard: [0, 1] });

    expect(client.isReady()).toBe(true);
    expect(client.user.id).toBe(fake.botUser.id);
    expect(client.application.id).toBe(fake.applicationId);
    const guild = client.guilds.cache.get(fake.guildId);
    expect(guild?.available).toBe(true);
    expect(guild?.roles.everyone.id).toBe(fake.guildId);
    expect(guild?.channels.cache.get(TEXT_CHANNEL_ID)?.isTextBased()).toBe(true);
    expect(guild?.members.me?.id).toBe(fake.botUser.id);
  });

  it('rejects a wrong token like Discord does (401 on GET /gateway/bot)', async () => {
    const strict = await startFakeDiscord({ token: 'the-right-token' });
    try {
      await expect(createTestClient(strict, { token: 'wrong-token' })).rejects.toThrow(/token/i);
      expect(strict.requests[0]).toMatchObject({ path: '/gateway/bot', status: 401 });
    } finally {
      await strict.close();
    }
  });
});

describe('fake Discord: chat-input commands', () => {
  it('delivers a ChatInputCommandInteraction and records an ephemeral reply', async () => {
    const payload = chatInput({
      name: 'tanya',
      options: [opt.string('pertanyaan', 'Siapa pemenang pemilu?'), opt.integer('jumlah', 3)],
      user: moderatorUser,
      permissions: PermissionFlagsBits.ViewChannel | PermissionFlagsBits.ManageMessages,
      locale: 'en-US',
    });
    const interaction = await receiveInteraction<ChatInputCommandInteraction>(client, fake, payload);

    expect(interaction).toBeInstanceOf(ChatInputCommandInteraction);
    expect(interaction.commandName).toBe('tanya');
    expect(interaction.options.getString('pertanyaan', true)).toBe('Siapa pemenang pemilu?');
    expect(interaction.options.getInteger('jumlah')).toBe(3);
    expect(interaction.locale).toBe(Locale.EnglishUS);
    expect(interaction.guildLocale).toBe(Locale.Indonesian);
    expect(interaction.user.id).toBe(moderatorUser.id);
    expect(interaction.inCachedGuild()).toBe(true);
    expect(interaction.channelId).toBe(TEXT_CHANNEL_ID);
    expect(interaction.channel?.id).toBe(TEXT_CHANNEL_ID);
    expect(interaction.memberPermissions?.has(PermissionFlagsBits.ManageMessages)).toBe(true);
    expect(interaction.memberPermissions?.has(PermissionFlagsBits.Administrator)).toBe(false);
    expect(interaction.appPermissions.has(PermissionFlagsBits.SendMessages)).toBe(true);

    await interaction.reply({ content: 'Jawaban [1]', flags: MessageFlags.Ephemeral, allowedMentions: { parse: [] } });
    expect(interaction.replied).toBe(true);

    const callback = await fake.waitForCallback(payload.id);
    expect(callback.path).toBe(`/interactions/${payload.id}/${payload.token}/callback`);
    expect(callback.status).toBe(204);
    expect(callback.headers.authorization).toBeUndefined();
    expect(callback.body).toMatchObject({
      type: InteractionResponseType.ChannelMessageWithSource,
      data: { content: 'Jawaban [1]', flags: MessageFlags.Ephemeral, allowed_mentions: { parse: [] } },
    });
    expect(fake.interactionResponse(payload.id)?.original?.content).toBe('Jawaban [1]');
  });

  it('builds DM and subcommand interactions; member permissions default by fixture user', async () => {
    const dm = await receiveInteraction<ChatInputCommandInteraction>(
      client,
      fake,
      chatInput({ name: 'tanya', guildId: null, options: [opt.string('pertanyaan', 'apa?')] }),
    );
    expect(dm.inGuild()).toBe(false);
    expect(dm.user.id).toBe(memberUser.id);
    expect(dm.member).toBeNull();
    expect(dm.memberPermissions).toBeNull();
    expect(dm.options.getString('pertanyaan')).toBe('apa?');

    const sub = await receiveInteraction<ChatInputCommandInteraction>(
      client,
      fake,
      chatInput({ name: 'admin', subcommand: 'reindex', options: [opt.boolean('paksa', true)] }),
    );
    expect(sub.options.getSubcommand()).toBe('reindex');
    expect(sub.options.getBoolean('paksa')).toBe(true);
    expect(sub.locale).toBe(Locale.Indonesian);
    expect(sub.memberPermissions?.has(PermissionFlagsBits.ManageMessages)).toBe(false);
  });

  it('records deferReply, editReply (JSON and multipart), followUp, fetchReply and deleteReply on the right routes', async () => {
    const payload = chatInput({ name: 'tanya', options: [opt.string('pertanyaan', 'x')] });
    const interaction = await receiveInteraction<ChatInputCommandInteraction>(client, fake, payload);
    const webhook = `/webhooks/${fake.applicationId}/${payload.token}`;

    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    const defer = await fake.waitForCallback(payload.id);
    expect(defer.body).toEqual({ type: InteractionResponseType.DeferredChannelMessageWithSource, data: { flags: MessageFlags.Ephemeral } });

    const edited = await interaction.editReply({ content: 'Jawaban lengkap' });
    expect(edited.content).toBe('Jawaban lengkap');
    const patch = await fake.waitForRequest((r) => r.method === 'PATCH' && r.path === `${webhook}/messages/@original`);
    expect(patch.body).toMatchObject({ content: 'Jawaban lengkap' });

    const withFile = await interaction.editReply({ files: [{ attachment: Buffer.from('sumber: kompas'), name: 'sumber.txt' }] });
    expect(withFile.attachments.first()?.name).toBe('sumber.txt');
    const multipart = fake.requests.filter((r) => r.method === 'PATCH' && r.path === `${webhook}/messages/@original`)[1];
    expect(multipart?.headers['content-type']).toMatch(/^multipart\/form-data/);
    expect(multipart?.files).toMatchObject([{ field: 'files[0]', name: 'sumber.txt', size: 14 }]);
    expect(multipart?.body.attachments).toEqual([{ id: '0' }]); // discord.js sends only the file index

    const followUp = await interaction.followUp({ content: 'Catatan tambahan', flags: MessageFlags.Ephemeral });
    expect(followUp.content).toBe('Catatan tambahan');
    expect(followUp.flags.has(MessageFlags.Ephemeral)).toBe(true);
    const post = await fake.waitForRequest((r) => r.method === 'POST' && r.path === webhook);
    expect(post.body).toMatchObject({ content: 'Catatan tambahan', flags: MessageFlags.Ephemeral });

    const fetched = await interaction.fetchReply();
    expect(fetched.content).toBe('Jawaban lengkap');
    await interaction.deleteReply();

    expect(fake.requestsFor(payload).map((r) => `${r.method} ${r.path.replace(payload.token, 'TOKEN')} ${r.status}`)).toEqual([
      `POST /interactions/${payload.id}/TOKEN/callback 204`,
      `PATCH /webhooks/${fake.applicationId}/TOKEN/messages/@original 200`,
      `PATCH /webhooks/${fake.applicationId}/TOKEN/messages/@original 200`,
      `POST /webhooks/${fake.applicationId}/TOKEN 200`,
      `GET /webhooks/${fake.applicationId}/TOKEN/messages/@original 200`,
      `DELETE /webhooks/${fake.applicationId}/TOKEN/messages/@original 204`,
    ]);
  });

  it('answers with_response=true with an InteractionCallbackResponse', async () => {
    const payload = chatInput({ name: 'tanya' });
    const interaction = await receiveInteraction<ChatInputCommandInteraction>(client, fake, payload);
    const response = await interaction.reply({ content: 'ok', withResponse: true });
    expect(response.interaction.id).toBe(payload.id);
    expect(response.resource?.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    expect(response.resource?.message?.content).toBe('ok');
  });
});

describe('fake Discord: autocomplete, buttons and modals', () => {
  it('delivers an AutocompleteInteraction and records respond() as type 8 with choices', async () => {
    const payload = autocomplete({ name: 'tanya', focused: { name: 'artikel', value: 'pemil' }, options: [opt.string('bahasa', 'id')] });
    const interaction = await receiveInteraction<AutocompleteInteraction>(client, fake, payload);
    expect(interaction).toBeInstanceOf(AutocompleteInteraction);
    expect(interaction.options.getFocused()).toBe('pemil');
    expect(interaction.options.getFocused(true).name).toBe('artikel');
    expect(interaction.options.getString('bahasa')).toBe('id');

    await interaction.respond([{ name: 'Pemilu 2024: hasil hitung cepat', value: 'pemilu-2024' }]);
    const callback = await fake.waitForCallback(payload.id);
    expect(callback.body).toEqual({
      type: InteractionResponseType.ApplicationCommandAutocompleteResult,
      data: { choices: [{ name: 'Pemilu 2024: hasil hitung cepat', value: 'pemilu-2024' }] },
    });
  });

  it('delivers a ButtonInteraction, records showModal (type 9) and receives the modal submit with its fields', async () => {
    const buttonPayload = button({ customId: 'masukan:42' });
    const pressed = await receiveInteraction<ButtonInteraction>(client, fake, buttonPayload);
    expect(pressed).toBeInstanceOf(ButtonInteraction);
    expect(pressed.customId).toBe('masukan:42');
    expect(pressed.message.id).toBe(buttonPayload.message.id);
    expect(pressed.message.author.id).toBe(fake.botUser.id);

    const modal = new ModalBuilder()
      .setCustomId('masukan-modal:42')
      .setTitle('Masukan')
      .addLabelComponents((label) =>
        label
          .setLabel('Komentar')
          .setTextInputComponent((input) => input.setCustomId('komentar').setStyle(TextInputStyle.Paragraph)),
      );
    await pressed.showModal(modal);
    const shown = await fake.waitForCallback(buttonPayload.id);
    expect(shown.status).toBe(204);
    expect(shown.body).toMatchObject({ type: InteractionResponseType.Modal, data: { custom_id: 'masukan-modal:42', title: 'Masukan' } });

    for (const layout of ['label', 'actionRow'] as const) {
      const submitPayload = modalSubmit({ customId: 'masukan-modal:42', fields: { komentar: 'Jawabannya kurang lengkap' }, layout });
      const submitted = await receiveInteraction<ModalSubmitInteraction>(client, fake, submitPayload);
      expect(submitted).toBeInstanceOf(ModalSubmitInteraction);
      expect(submitted.customId).toBe('masukan-modal:42');
      expect(submitted.fields.getTextInputValue('komentar')).toBe('Jawabannya kurang lengkap');
      await submitted.reply({ content: 'Terima kasih!', flags: MessageFlags.Ephemeral });
      expect((await fake.waitForCallback(submitPayload.id)).body).toMatchObject({ type: 4, data: { flags: 64 } });
    }
  });

  it('records update() on a button as type 7 against the button message', async () => {
    const payload = button({ customId: 'halaman:2' });
    const pressed = await receiveInteraction<ButtonInteraction>(client, fake, payload);
    await pressed.update({ content: 'Halaman 2', components: [] });
    const callback = await fake.waitForCallback(payload.id);
    expect(callback.body).toMatchObject({ type: InteractionResponseType.UpdateMessage, data: { content: 'Halaman 2', components: [] } });
    expect(fake.interactionResponse(payload.id)?.original?.id).toBe(payload.message.id);
  });
});

describe('fake Discord: Discord rules and REST', () => {
  it('records a REST PUT of guild and global commands and echoes them with ids', async () => {
    const rest = new REST({ api: fake.apiUrl, retries: 0, timeout: 5000 }).setToken('x');
    const body = [{ name: 'tanya', description: 'Tanya tentang artikel', options: [{ type: 3, name: 'pertanyaan', description: 'Pertanyaan', required: true }] }];

    const created = (await rest.put(Routes.applicationGuildCommands(fake.applicationId, fake.guildId), { body })) as any[];
    expect(created).toHaveLength(1);
    expect(created[0]).toMatchObject({ ...body[0], application_id: fake.applicationId, guild_id: fake.guildId, type: 1 });
    expect(created[0].id).toMatch(/^\d{17,20}$/);
    const put = await fake.waitForRequest((r) => r.method === 'PUT' && r.path === `/applications/${fake.applicationId}/guilds/${fake.guildId}/commands`);
    expect(put.body).toEqual(body);
    expect(put.headers.authorization).toBe('Bot x');

    expect(await rest.get(Routes.applicationGuildCommands(fake.applicationId, fake.guildId))).toEqual(created);
    const global = (await rest.put(Routes.applicationCommands(fake.applicationId), { body })) as any[];
    expect(global[0].guild_id).toBeUndefined();
    await expect(rest.get('/channels/123/messages')).rejects.toMatchObject({ status: 404 });

    expect(await rest.get(Routes.user())).toMatchObject({ id: fake.botUser.id, bot: true });
    const application = await client.application.fetch();
    expect(application.id).toBe(fake.applicationId);
  });

  it('enforces acknowledgement and length rules (40060, 50035, 50006, 10015)', async () => {
    const payload = chatInput({ name: 'tanya' });
    const interaction = await receiveInteraction<ChatInputCommandInteraction>(client, fake, payload);

    const tooLong = interaction.reply({ content: 'a'.repeat(2001) });
    await expect(tooLong).rejects.toBeInstanceOf(DiscordAPIError);
    await expect(tooLong).rejects.toMatchObject({ code: 50035, message: expect.stringContaining('data.content') });
    expect(interaction.replied).toBe(false);

    const early = client.rest.post(Routes.webhook(fake.applicationId, payload.token), { body: { content: 'x' }, auth: false });
    await expect(early).rejects.toMatchObject({ code: 10015 });

    await expect(interaction.reply({ content: '   ' })).rejects.toMatchObject({ code: 50006 });

    await interaction.reply({ content: 'ok' });
    const again = client.rest.post(Routes.interactionCallback(payload.id, payload.token), {
      body: { type: 4, data: { content: 'lagi' } },
      auth: false,
    });
    await expect(again).rejects.toMatchObject({ code: 40060, status: 400 });

    const embedTooBig = interaction.followUp({ embeds: [{ title: 'x', description: 'd'.repeat(4097) }] });
    await expect(embedTooBig).rejects.toMatchObject({ code: 50035 });
  });

  it('intercept() overrides an answer (e.g. an expired interaction)', async () => {
    const payload = chatInput({ name: 'tanya' });
    const interaction = await receiveInteraction<ChatInputCommandInteraction>(client, fake, payload);
    const remove = fake.intercept(
      (r) => r.path.startsWith(`/interactions/${payload.id}/`),
      { status: 404, body: { message: 'Unknown interaction', code: 10062 } },
      { times: 1 },
    );
    await expect(interaction.reply({ content: 'terlambat' })).rejects.toMatchObject({ code: 10062 });
    remove();
    expect((await fake.waitForCallback(payload.id)).status).toBe(404);
  });

  it('waitForRequest times out with a readable list of recorded requests', async () => {
    await expect(fake.waitForRequest((r) => r.path === '/never', 20)).rejects.toThrow(/no matching request within 20 ms[\s\S]*GET \/gateway\/bot -> 200/);
  });

  it('lets the client RESUME after the gateway drops and keeps delivering events', async () => {
    fake.disconnectGateway(4000);
    await fake.connected(5000);
    expect(fake.resumePayloads).toHaveLength(1);
    expect(fake.resumePayloads[0]).toMatchObject({ session_id: 'fake-session-1', token: TEST_TOKEN, seq: expect.any(Number) });
    expect(fake.identifyPayloads).toHaveLength(1);

    const interaction = await receiveInteraction<ChatInputCommandInteraction>(client, fake, chatInput({ name: 'tanya' }));
    expect(interaction.commandName).toBe('tanya');
  });
});
