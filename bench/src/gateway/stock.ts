// The stock configuration: express + http-proxy-middleware + jsonwebtoken.verify on every request
// (ES256, the PEM key handed to verify each time, as the usual examples do).
import express from 'express';
import { createProxyMiddleware } from 'http-proxy-middleware';
import jwt from 'jsonwebtoken';

const publicKey = process.env.PUBLIC_PEM!;
const app = express();
app.use((req, res, next) => {
  const token = (req.headers.authorization ?? '').replace(/^Bearer /, '');
  try {
    jwt.verify(token, publicKey, { algorithms: ['ES256'] });
    next();
  } catch {
    res.status(401).json({ status: 'error', reason: 'Invalid token', data: null });
  }
});
app.use(createProxyMiddleware({ target: process.env.TARGET, changeOrigin: false }));
app.listen(Number(process.env.PORT), '127.0.0.1');
