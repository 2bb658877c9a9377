// Independent check of homeport's ONVIF simulator with the npm `onvif` client (0.8.x).
const { Cam } = require('onvif');
const [port, password] = [parseInt(process.argv[2], 10), process.argv[3]];
const out = (k, v) => console.log(k + ': ' + (typeof v === 'string' ? v : JSON.stringify(v)));
const step = (name, fn) => new Promise((resolve) => fn((err, res) => {
  out(name, err ? 'ERROR ' + err.message : res); resolve(res);
}));
new Cam({ hostname: '127.0.0.1', port, username: 'admin', password, timeout: 5000 }, async function (err) {
  if (err) { out('connect', 'ERROR ' + err.message); process.exit(1); }
  const cam = this;
  out('connect', 'ok');
  out('profiles', cam.profiles.map(p => p.$.token + '/' + p.name));
  out('activeSource', cam.activeSource && cam.activeSource.profileToken);
  await step('getDeviceInformation', cb => cam.getDeviceInformation(cb));
  await step('getSystemDateAndTime', cb => cam.getSystemDateAndTime(cb));
  await step('getStreamUri', cb => cam.getStreamUri({ protocol: 'RTSP' }, cb));
  await step('getSnapshotUri', cb => cam.getSnapshotUri({}, cb));
  await step('getPresets', cb => cam.getPresets({}, cb));
  await step('absoluteMove', cb => cam.absoluteMove({ x: 0.5, y: -0.5 }, cb));
  await step('getStatus', cb => cam.getStatus({}, cb));
  await step('continuousMove', cb => cam.continuousMove({ x: -0.3, y: 0 }, cb));
  await step('stop', cb => cam.stop({}, cb));
  await step('gotoPreset', cb => cam.gotoPreset({ preset: '2' }, cb));
  await step('getStatus after preset', cb => cam.getStatus({}, cb));
  await step('getImagingSettings', cb => cam.getImagingSettings({}, cb));
  let events = 0;
  cam.on('event', (m) => {
    events++;
    const msg = m.message && m.message.message;
    out('event', { topic: m.topic && m.topic._, op: msg && msg.$ && msg.$.PropertyOperation,
      data: msg && msg.data && msg.data.simpleItem && msg.data.simpleItem.$ });
    if (events >= 3) { out('events received', events); process.exit(0); }
  });
  setTimeout(() => { out('events received', events); process.exit(events > 0 ? 0 : 2); }, 30000);
});
