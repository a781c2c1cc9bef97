/**
 * The floor under `npm run bench:bot`: the least a bot can do to answer an interaction
 * over the same transport. Plain Node (no discord.js, no bot code): it opens the gateway
 * socket, identifies, and answers every INTERACTION_CREATE with one POST of the
 * interaction callback, through Node's fetch (undici, as discord.js's REST uses).
 *   node scripts/bench/bare-gateway.mjs   (GATEWAY_URL, API_URL and TOKEN from the environment)
 */
import WebSocket from 'ws';

const { GATEWAY_URL, API_URL, TOKEN } = process.env;
if (!GATEWAY_URL || !API_URL || !TOKEN) {
  console.error('bare-gateway: set GATEWAY_URL, API_URL and TOKEN');
  process.exit(2);
}
const ws = new WebSocket(`${GATEWAY_URL}/?v=10&encoding=json`);
ws.on('message', (raw) => {
  const payload = JSON.parse(raw.toString('utf8'));
  if (payload.op === 10) {
    ws.send(JSON.stringify({ op: 2, d: { token: TOKEN, intents: 1, properties: { os: process.platform, browser: 'bare', device: 'bare' } } }));
    setInterval(() => ws.send(JSON.stringify({ op: 1, d: null })), payload.d.heartbeat_interval).unref();
  } else if (payload.t === 'INTERACTION_CREATE') {
    const { id, token } = payload.d;
    fetch(`${API_URL}/v10/interactions/${id}/${token}/callback`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bot ${TOKEN}` },
      body: JSON.stringify({ type: 4, data: { content: 'pong' } }),
    }).then((response) => response.arrayBuffer(), (error) => console.error('bare-gateway:', error.message));
  }
});
ws.on('close', (code) => process.exit(code === 1000 ? 0 : 1));
process.once('SIGTERM', () => ws.close(1000));
