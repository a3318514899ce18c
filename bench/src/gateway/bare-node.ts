// The floor of any Node gateway: node:http forwarding each request with a keep-alive agent and piping
// the answer back, with no checks, headers, ids, metrics or http-proxy-middleware. Not a usable gateway;
// printed beside ours to show how much of the gap to nginx is Node's own HTTP stack.
import { Agent, createServer, request } from 'node:http';

const target = new URL(process.env.TARGET!);
const agent = new Agent({ keepAlive: true, maxSockets: 256 });
createServer((req, res) => {
  const forwarded = request(
    {
      host: target.hostname,
      port: target.port,
      path: req.url,
      method: req.method,
      headers: req.headers,
      agent,
    },
    (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    },
  );
  forwarded.on('error', () => res.destroy());
  req.pipe(forwarded);
}).listen(Number(process.env.PORT), '127.0.0.1');
