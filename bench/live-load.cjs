// Load test of the live session, with the official @microsoft/signalr client under Node, loopback only.
// N clients join one network; an editor makes R edits per second for S seconds through the HTTP API;
// every client records when each edit's change event arrives. Prints edit-to-receive latency and the
// number of lost and duplicated events.
//   node bench/live-load.cjs http://127.0.0.1:5080 [clients=50] [editsPerSecond=10] [seconds=60]
const path = require('path');
const { createRequire } = require('module');
const signalR = createRequire(path.join(__dirname, '..', 'src', 'GraphUi', 'client', 'package.json'))('@microsoft/signalr');

const [base, clients = 50, rate = 10, seconds = 60] = [process.argv[2], ...process.argv.slice(3).map(Number)];
if (!/^http:\/\/(127\.\d+\.\d+\.\d+|localhost|\[::1\])(:\d+)?$/.test(base ?? '')) {
  console.error('Give the base URL of a server on this machine (loopback only), e.g. http://127.0.0.1:5080');
  process.exit(2);
}
const network = `live-load-${Date.now()}`;
const topics = 20;
const now = () => performance.now();
const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

async function call(method, url, body) {
  const response = await fetch(base + url, { method, headers: { 'Content-Type': 'application/json', 'X-User': 'load' }, body: body && JSON.stringify(body) });
  if (!response.ok) throw new Error(`${method} ${url}: ${response.status} ${await response.text()}`);
  return response.status === 204 ? null : response.json();
}

(async () => {
  await call('POST', '/api/networks/import', {
    network: { id: network, name: 'Live load test' },
    topics: Array.from({ length: topics }, (_, i) => ({ id: `t${i}`, name: `Thema ${i}` })),
  });

  const sent = new Map(); // edit number → send time
  const received = Array.from({ length: clients }, () => new Map()); // per client: edit number → [times]
  const connections = [];
  for (let c = 0; c < clients; c++) {
    const connection = new signalR.HubConnectionBuilder().withUrl(`${base}/hubs/network?lang=en`).configureLogging(signalR.LogLevel.None).build();
    connection.on('changed', (set) => {
      const at = now();
      for (const change of set.changes) {
        const edit = Number(/^edit-(\d+)$/.exec(change.after?.name ?? '')?.[1]);
        if (Number.isNaN(edit)) continue;
        const times = received[c].get(edit) ?? [];
        times.push(at);
        received[c].set(edit, times);
      }
    });
    await connection.start();
    await connection.invoke('Join', network, `Client ${c}`, '#336699');
    connections.push(connection);
  }

  const versions = Array(topics).fill(1);
  const failed = [];
  const total = rate * seconds;
  const started = now();
  for (let edit = 0; edit < total; edit++) {
    const due = started + (edit * 1000) / rate;
    const wait = due - now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const topic = edit % topics;
    sent.set(edit, now());
    try {
      const saved = await call('PUT', `/api/networks/${network}/topics/t${topic}`, { name: `edit-${edit}`, version: versions[topic] });
      versions[topic] = saved.version;
    } catch (error) {
      sent.delete(edit);
      failed.push(error.message);
    }
  }
  await new Promise((r) => setTimeout(r, 2000)); // let the last events arrive

  const latencies = [];
  let lost = 0;
  let duplicated = 0;
  for (const perClient of received) {
    for (const [edit, at] of sent) {
      const times = perClient.get(edit);
      if (!times) { lost++; continue; }
      if (times.length > 1) duplicated += times.length - 1;
      latencies.push(times[0] - at);
    }
  }
  latencies.sort((a, b) => a - b);
  const result = {
    clients, editsPerSecond: rate, seconds, edits: sent.size, failedEdits: failed.length,
    deliveries: latencies.length, expectedDeliveries: sent.size * clients, lost, duplicated,
    latencyMs: { p50: percentile(latencies, 50), p95: percentile(latencies, 95), p99: percentile(latencies, 99), max: latencies.at(-1) },
    achievedEditsPerSecond: sent.size / ((now() - started - 2000) / 1000),
  };
  console.log(JSON.stringify(result, (k, v) => (typeof v === 'number' ? Math.round(v * 10) / 10 : v), 2));
  if (failed.length) console.error('first failures:', failed.slice(0, 3));
  await Promise.all(connections.map((c) => c.stop()));
  await call('DELETE', `/api/networks/${network}`);
  process.exit(0);
})().catch((error) => { console.error(error); process.exit(1); });
