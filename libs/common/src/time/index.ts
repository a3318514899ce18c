export * from './campus-time.js';
