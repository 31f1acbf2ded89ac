// Drives the live hub with the official @microsoft/signalr client, the way a broken or hostile client
// would, and prints what happened as JSON for HubTests.cs to judge. Usage: node hub-probe.cjs CLIENT_DIR BASE_URL
const path = require('path');
const { createRequire } = require('module');

const signalR = createRequire(path.resolve(process.argv[2], 'package.json'))('@microsoft/signalr');
const base = process.argv[3];
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function connect() {
  const connection = new signalR.HubConnectionBuilder()
    .withUrl(`${base}/hubs/network?lang=en`)
    .configureLogging(signalR.LogLevel.None)
    .build();
  const events = [];
  for (const name of ['changed', 'presence', 'moved', 'follow']) connection.on(name, () => events.push(name));
  await connection.start();
  return { connection, events };
}

async function attempt(call) {
  try { return { ok: true, value: await call() }; } catch (error) { return { ok: false, error: String(error.message ?? error) }; }
}

(async () => {
  const watcher = await connect();
  await watcher.connection.invoke('Join', 'dithmarschen', 'Watcher', '#123456');
  const bad = await connect();
  const r = {};
  r.unknownNetwork = await attempt(() => bad.connection.invoke('Join', 'nowhere', 'Bad', '#123456'));
  r.notJoined = await attempt(() => bad.connection.invoke('Select', 'stadt-heide'));
  r.badColour = await attempt(() => bad.connection.invoke('Join', 'dithmarschen', 'Bad', 'red'));
  r.emptyName = await attempt(() => bad.connection.invoke('Join', 'dithmarschen', '   ', '#654321'));
  r.joined = await attempt(() => bad.connection.invoke('Join', 'dithmarschen', 'Bad', '#654321'));
  await sleep(400);
  watcher.events.length = 0; // from here on the watcher must hear nothing

  r.unknownEntity = await attempt(() => bad.connection.invoke('Select', 'nobody'));
  r.unknownNode = await attempt(() => bad.connection.invoke('Move', { nobody: { x: 1, y: 2 } }));
  r.notANumber = await attempt(() => bad.connection.invoke('Move', { 'stadt-heide': { x: 'left', y: 2 } }));
  r.malformed = await attempt(() => bad.connection.invoke('Move', 'not a dictionary'));
  r.noPositions = await attempt(() => bad.connection.invoke('Move', {}));
  r.notPresenter = await attempt(() => bad.connection.invoke('Show', { x1: 0, y1: 0, x2: 1, y2: 1 }));
  r.unknownMethod = await attempt(() => bad.connection.invoke('DropAllTables'));
  await sleep(600);
  r.heardAfterBadCalls = [...watcher.events];

  const flood = await Promise.all(Array.from({ length: 150 }, () => attempt(() => bad.connection.invoke('Present', false))));
  r.flood = { accepted: flood.filter((f) => f.ok).length, refused: flood.filter((f) => !f.ok).length, message: flood.find((f) => !f.ok)?.error ?? null };

  const big = await connect();
  await big.connection.invoke('Join', 'dithmarschen', 'Big', '#0000ff');
  const positions = {};
  for (let i = 0; i < 20000; i++) positions[`node-with-a-long-name-${i}`] = { x: i, y: i };
  r.oversized = await attempt(() => big.connection.invoke('Move', positions));
  await sleep(300);
  r.oversizedState = big.connection.state;
  r.watcherState = watcher.connection.state;
  console.log(JSON.stringify(r));
  process.exit(0);
})().catch((error) => { console.error(error); process.exit(1); });
