// The peer of the comparison: socket.io-client 2.x connecting the way the service wants (CSRF
// token in the query, session cookie and Origin headers, websocket only), authenticating,
// subscribing to one location, and printing each pushed device event as one JSON line, like
// `homeport events watch --json`. Exits after COUNT events.
// Usage: node peer.js URL CSRF COOKIE LOCATION COUNT
const io = require('socket.io-client');
const [url, csrf, cookie, location, countText] = process.argv.slice(2);
const count = Number(countText);
const u = new URL(url);
const socket = io(u.origin, {
  path: u.pathname,
  transports: ['websocket'],
  query: { csrfToken: csrf },
  extraHeaders: { Cookie: cookie, Origin: 'https://my.smartthings.com' },
  rejectUnauthorized: false, // the simulator's self-signed certificate (homeport pins it)
  reconnection: false,
});
let received = 0;
const out = process.stdout;
socket.on('connect', () => {
  socket.emit('authenticate', {}, (err) => {
    if (err) { console.error('authenticate failed', err); process.exit(3); }
    socket.emit('create', 'api/subscription', { locationId: location }, {}, (err2) => {
      if (err2) { console.error('subscribe failed', err2); process.exit(4); }
    });
  });
});
// Pushed events arrive under whatever name; classify by payload like homeport does.
const onevent = socket.onevent;
socket.onevent = function (packet) {
  const payload = packet.data && packet.data[1];
  const d = payload && payload.data;
  if (d && typeof d === 'object' && d.eventId) {
    out.write(JSON.stringify({
      eventId: d.eventId, time: d.time, locationId: d.locationId, deviceId: d.deviceId,
      componentId: d.componentId, capability: d.capability, attribute: d.attribute,
      value: d.value, unit: d.unit, stateChange: d.stateChange,
    }) + '\n');
    if (++received === count) {
      socket.close();
      out.write('', () => process.exit(0));
    }
  }
  onevent.call(this, packet);
};
socket.on('connect_error', (e) => { console.error('connect error', e && e.message); process.exit(2); });
