import { describe, expect, it } from 'vitest';
import type { APIEmbed } from 'discord-api-types/v10';
import { embedLength, fitEmbed, fitReply, LIMITS } from '../../src/render/limits.js';
import { replyToText } from '../../src/render/text.js';

function expectEmbedFits(embed: APIEmbed) {
  expect(embed.title?.length ?? 0).toBeLessThanOrEqual(256);
  expect(embed.description?.length ?? 0).toBeLessThanOrEqual(4096);
  expect(embed.footer?.text.length ?? 0).toBeLessThanOrEqual(2048);
  expect(embed.author?.name.length ?? 0).toBeLessThanOrEqual(256);
  expect(embed.fields?.length ?? 0).toBeLessThanOrEqual(25);
  for (const f of embed.fields ?? []) {
    expect(f.name.length).toBeGreaterThan(0);
    expect(f.name.length).toBeLessThanOrEqual(256);
    expect(f.value.length).toBeGreaterThan(0);
    expect(f.value.length).toBeLessThanOrEqual(1024);
  }
  expect(embedLength(embed)).toBeLessThanOrEqual(6000);
}

describe('fitEmbed', () => {
  it('leaves an embed within limits untouched', () => {
    const embed: APIEmbed = { title: 't', description: 'd', fields: [{ name: 'n', value: 'v', inline: true }], footer: { text: 'f' }, color: 1, url: 'https://x.example' };
    expect(fitEmbed(embed)).toEqual(embed);
  });

  it('clips every part to its own limit', () => {
    const embed = fitEmbed({
      title: 'T'.repeat(1_000),
      description: 'D'.repeat(20_000),
      author: { name: 'A'.repeat(1_000) },
      footer: { text: 'F'.repeat(5_000) },
      fields: Array.from({ length: 40 }, (_, i) => ({ name: `N${i}`.repeat(200), value: 'V'.repeat(3_000) })),
    });
    expectEmbedFits(embed);
    expect(embed.title!.endsWith('…')).toBe(true);
  });

  it('over 6,000 in total: shortens the description first, then drops fields from the end', () => {
    const embed = fitEmbed({ title: 'T', description: 'kata '.repeat(1_000), fields: Array.from({ length: 10 }, (_, i) => ({ name: `¶${i + 1}`, value: 'v'.repeat(1_000) })) });
    expectEmbedFits(embed);
    expect(embed.fields!.length).toBeLessThan(10);
    expect(embed.fields![0]!.name).toBe('¶1');
    expect(embed.description!.length).toBeLessThanOrEqual(1);
  });

  it('keeps all fields when shortening the description is enough', () => {
    const embed = fitEmbed({ description: 'd'.repeat(4_000), fields: Array.from({ length: 3 }, (_, i) => ({ name: `f${i}`, value: 'v'.repeat(1_000) })) });
    expectEmbedFits(embed);
    expect(embed.fields).toHaveLength(3);
    expect(embedLength(embed)).toBe(6000);
  });

  it('replaces empty field names and values with a zero-width space (Discord requires them)', () => {
    const embed = fitEmbed({ fields: [{ name: '', value: '' }] });
    expect(embed.fields).toEqual([{ name: '\u200b', value: '\u200b' }]);
  });

  it('does not modify its input', () => {
    const fields = [{ name: 'n', value: 'v'.repeat(2_000) }];
    const input: APIEmbed = { description: 'd'.repeat(5_000), fields };
    fitEmbed(input);
    expect(input.description!.length).toBe(5_000);
    expect(fields[0]!.value.length).toBe(2_000);
  });
});

describe('fitReply', () => {
  it('clips content to 2,000 characters, keeps at most 10 embeds and fits each', () => {
    const reply = fitReply({
      content: 'x '.repeat(5_000),
      embeds: Array.from({ length: 12 }, () => ({ description: 'd'.repeat(10_000) })),
      ephemeral: true,
    });
    expect(reply.content!.length).toBeLessThanOrEqual(LIMITS.content);
    expect(reply.embeds).toHaveLength(10);
    for (const embed of reply.embeds!) expectEmbedFits(embed);
    expect(reply.ephemeral).toBe(true);
  });

  it('leaves an absent content absent', () => {
    expect(fitReply({ embeds: [] }).content).toBeUndefined();
  });
});

describe('replyToText (console rendering)', () => {
  it('renders content, embeds, fields and footer as plain text without escapes; buttons are left out (the console cannot press them)', () => {
    const text = replyToText({
      content: 'Halo \\*dunia\\*',
      embeds: [{ title: 'Judul \\_x\\_', url: 'https://example.com', description: '1\\. satu \\# dua @\u200beveryone', fields: [{ name: '¶7', value: '**tebal** <t:0:R> <@123>' }], footer: { text: 'kaki' } }],
      components: [{ type: 1, components: [{ type: 2, style: 2, label: 'Membantu', emoji: { name: '👍' }, custom_id: 'feedback:up:1' }] }],
    });
    expect(text).toBe(
      ['Halo *dunia*', '== Judul _x_ ==\nhttps://example.com\n1. satu # dua @everyone\n\n-- ¶7\n**tebal** 1970-01-01 00:00 UTC @123\n\n(kaki)'].join('\n\n'),
    );
    expect(text).not.toContain('Membantu');
  });

  it('a timestamp outside what a date can hold is kept as written instead of crashing', () => {
    expect(replyToText({ content: 'Pada <t:99999999999999:F> dan <t:-99999999999999> dan <t:1700000000:R>' })).toBe(
      'Pada <t:99999999999999:F> dan <t:-99999999999999> dan 2023-11-14 22:13 UTC',
    );
  });
});
