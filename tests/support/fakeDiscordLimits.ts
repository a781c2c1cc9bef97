/**
 * The fake Discord's error replies and the limits Discord enforces server-side on
 * message-like payloads (content, embeds, components, autocomplete choices, modals), so a
 * reply the real API would refuse is refused in tests too (400, code 50035).
 */
import { MessageFlags } from 'discord-api-types/v10';
import type { FakeReply, RecordedFile } from './fakeDiscordTypes.js';

export function apiError(status: number, code: number, message: string, errors?: unknown): FakeReply {
  return { status, body: errors === undefined ? { message, code } : { message, code, errors } };
}

export const invalidFormBody = (errors: Record<string, unknown>) => apiError(400, 50035, 'Invalid Form Body', errors);

export type ErrorTree = Record<string, unknown>;

function addError(tree: ErrorTree, path: (string | number)[], code: string, message: string): void {
  let node: ErrorTree = tree;
  for (const key of path) {
    const k = String(key);
    node[k] ??= {};
    node = node[k] as ErrorTree;
  }
  const list = (node._errors ??= []) as { code: string; message: string }[];
  list.push({ code, message });
}

const len = (s: unknown): number => (typeof s === 'string' ? [...s].length : 0);

function checkMax(tree: ErrorTree, path: (string | number)[], value: unknown, max: number): void {
  if (len(value) > max) addError(tree, path, 'BASE_TYPE_MAX_LENGTH', `Must be ${max} or fewer in length.`);
}

export function validateMessageData(data: any, tree: ErrorTree, base: (string | number)[]): void {
  if (!data || typeof data !== 'object') return;
  checkMax(tree, [...base, 'content'], data.content, 2000);
  if (Array.isArray(data.embeds)) {
    if (data.embeds.length > 10) addError(tree, [...base, 'embeds'], 'BASE_TYPE_MAX_LENGTH', 'Must be 10 or fewer in length.');
    let total = 0;
    data.embeds.forEach((embed: any, i: number) => {
      const p = [...base, 'embeds', i];
      checkMax(tree, [...p, 'title'], embed?.title, 256);
      checkMax(tree, [...p, 'description'], embed?.description, 4096);
      checkMax(tree, [...p, 'footer', 'text'], embed?.footer?.text, 2048);
      checkMax(tree, [...p, 'author', 'name'], embed?.author?.name, 256);
      total += len(embed?.title) + len(embed?.description) + len(embed?.footer?.text) + len(embed?.author?.name);
      const fields: any[] = Array.isArray(embed?.fields) ? embed.fields : [];
      if (fields.length > 25) addError(tree, [...p, 'fields'], 'BASE_TYPE_MAX_LENGTH', 'Must be 25 or fewer in length.');
      fields.forEach((field, j) => {
        for (const [key, max] of [['name', 256], ['value', 1024]] as const) {
          if (typeof field?.[key] !== 'string' || field[key].length === 0) {
            addError(tree, [...p, 'fields', j, key], 'BASE_TYPE_REQUIRED', 'This field is required');
          } else checkMax(tree, [...p, 'fields', j, key], field[key], max);
          total += len(field?.[key]);
        }
      });
    });
    if (total > 6000) addError(tree, [...base, 'embeds'], 'MAX_EMBED_SIZE_EXCEEDED', 'Embed size exceeds maximum size of 6000');
  }
  const isComponentsV2 = ((data.flags ?? 0) & MessageFlags.IsComponentsV2) !== 0;
  if (Array.isArray(data.components) && !isComponentsV2) {
    if (data.components.length > 5) addError(tree, [...base, 'components'], 'BASE_TYPE_MAX_LENGTH', 'Must be 5 or fewer in length.');
    data.components.forEach((row: any, i: number) => {
      const children: any[] = Array.isArray(row?.components) ? row.components : [];
      if (children.length > 5) addError(tree, [...base, 'components', i, 'components'], 'BASE_TYPE_MAX_LENGTH', 'Must be 5 or fewer in length.');
      children.forEach((c, j) => {
        checkMax(tree, [...base, 'components', i, 'components', j, 'custom_id'], c?.custom_id, 100);
        checkMax(tree, [...base, 'components', i, 'components', j, 'label'], c?.label, 80);
      });
    });
  }
}

export function isEmptyMessage(data: any, files: RecordedFile[]): boolean {
  if (files.length > 0) return false;
  if (!data || typeof data !== 'object') return true;
  const hasContent = typeof data.content === 'string' && data.content.trim().length > 0;
  const nonEmpty = (v: unknown) => Array.isArray(v) && v.length > 0;
  return !(hasContent || nonEmpty(data.embeds) || nonEmpty(data.components) || nonEmpty(data.attachments) || nonEmpty(data.sticker_ids) || data.poll);
}

export function validateChoices(data: any, tree: ErrorTree): void {
  const choices: any[] = Array.isArray(data?.choices) ? data.choices : [];
  if (choices.length > 25) addError(tree, ['data', 'choices'], 'BASE_TYPE_MAX_LENGTH', 'Must be 25 or fewer in length.');
  choices.forEach((choice, i) => {
    if (len(choice?.name) < 1) addError(tree, ['data', 'choices', i, 'name'], 'BASE_TYPE_BAD_LENGTH', 'Must be between 1 and 100 in length.');
    checkMax(tree, ['data', 'choices', i, 'name'], choice?.name, 100);
    if (typeof choice?.value === 'string') checkMax(tree, ['data', 'choices', i, 'value'], choice.value, 100);
  });
}

export function validateModal(data: any, tree: ErrorTree): void {
  if (len(data?.title) < 1) addError(tree, ['data', 'title'], 'BASE_TYPE_REQUIRED', 'This field is required');
  checkMax(tree, ['data', 'title'], data?.title, 45);
  if (len(data?.custom_id) < 1) addError(tree, ['data', 'custom_id'], 'BASE_TYPE_REQUIRED', 'This field is required');
  checkMax(tree, ['data', 'custom_id'], data?.custom_id, 100);
  const components: unknown[] = Array.isArray(data?.components) ? data.components : [];
  if (components.length < 1 || components.length > 5) {
    addError(tree, ['data', 'components'], 'BASE_TYPE_BAD_LENGTH', 'Must be between 1 and 5 in length.');
  }
}
