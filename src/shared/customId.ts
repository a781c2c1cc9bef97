import { shorten } from './text.js';

/** Custom ids of buttons and modals are `prefix:arg:arg`; Discord allows 100 characters. */
export function customId(prefix: string, ...args: (string | number)[]): string {
  const id = [prefix, ...args].join(':');
  if (id.length > 100) throw new Error(`custom id too long: ${shorten(id, 40)}`);
  return id;
}
