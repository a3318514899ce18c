import express from 'express';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { homePage } from '../src/home-page.js';

describe('home page (/)', () => {
  it('links the docs and lists the services; demo accounts only when given, escaped', async () => {
    const plain = express().use(homePage({}, ['auth', 'catalog']));
    const page = await request(plain).get('/');
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.text).toContain('<a href="/api/docs">API documentation</a>');
    expect(page.text).toContain('<a href="/admin">Admin web app</a>');
    expect(page.text).toContain('auth, catalog');
    expect(page.text).not.toContain('Demo accounts');

    const embedded = express().use(
      homePage(
        {
          mode: 'npm start',
          demoAccounts: [
            { role: 'officer', email: 'a@b.edu', password: 'p<1>!', signIn: '<script>x</script>' },
          ],
        },
        ['auth'],
      ),
    );
    const demo = await request(embedded).get('/');
    expect(demo.text).toContain('Demo accounts');
    expect(demo.text).toContain('p&#60;1&#62;!');
    expect(demo.text).not.toContain('<script>');
  });
});
