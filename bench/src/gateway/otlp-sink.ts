// Where the traced gateway sends its spans in the benchmark: an OTLP/HTTP endpoint that reads each
// export and answers success, as a collector on the same machine would.
import { createServer } from 'node:http';

createServer((req, res) => {
  req.resume();
  req.on('end', () => res.writeHead(200, { 'content-type': 'application/json' }).end('{}'));
}).listen(Number(process.env.PORT), '127.0.0.1');
