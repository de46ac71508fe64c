'use strict';
// A stand-in for Meta's Graph API for the bench's lead phase, forked as its own
// process: GET /v21.0/{leadgen_id}?access_token=… answers a lead whose email is
// made from its id, as the Graph API answers a lead (field_data).
const http = require('node:http');

const server = http.createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://graph');
  const id = decodeURIComponent(url.pathname.split('/').pop() ?? '');
  if (!url.searchParams.get('access_token')) {
    res.writeHead(400, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ error: { message: 'An access token is required', code: 104 } }));
    return;
  }
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(
    JSON.stringify({
      id,
      created_time: new Date().toISOString(),
      form_id: '987654321098765',
      field_data: [
        { name: 'full_name', values: ['Bench Lead'] },
        { name: 'email', values: [`meta-${id}@example.com`] },
      ],
    }),
  );
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => process.send({ type: 'ready', port: server.address().port }));
process.on('disconnect', () => process.exit(0));
