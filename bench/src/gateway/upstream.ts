// The service behind every gateway in the benchmark: a small JSON answer, and the JWKS for ours.
import { createServer } from 'node:http';

const body = JSON.stringify({
  name: 'Cal Robotics',
  link_name: 'cal-robotics',
  tags: [5],
  new_members: true,
});
const jwks = process.env.JWKS_JSON ?? '{"keys":[]}';
createServer((req, res) => {
  res.setHeader('content-type', 'application/json');
  res.end(req.url === '/.well-known/jwks.json' ? jwks : body);
}).listen(Number(process.env.PORT), '127.0.0.1');
