// The HTTP floors of `npm run bench:graph`: a bare Express app (helmet and the JSON body parser, as the API
// has) and a bare node:http server, in a process of their own, answering every request with a fixed reply
// shaped like 50 neighbours. What the bench's client measures against them is what any request to another
// process costs on this machine before the graph does anything (with and without Express), so each run shows
// how much of the neighbours' latency is the graph's.
import http from 'node:http';
import express from 'express';
import helmet from 'helmet';

const reply = {
  neighbors: Array.from({ length: 50 }, (_, i) => ({
    id: `e${i}`,
    name: `Entity ${i}`,
    type: 'person',
    weight: 50 - i,
    articles: 50 - i,
    sentences: 3,
    evidence: [],
  })),
};

const app = express();
app.use(helmet());
app.use(express.json());
app.get('/floor/:id', (req, res) => {
  res.json({ id: req.params.id, ...reply });
});
const portOf = (listening: http.Server): number => {
  const address = listening.address();
  return typeof address === 'object' && address ? address.port : 0;
};
const raw = http.createServer((req, res) => {
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.end(JSON.stringify({ id: req.url?.slice(req.url.lastIndexOf('/') + 1), ...reply }));
});
const server = app.listen(0, '127.0.0.1', () => {
  raw.listen(0, '127.0.0.1', () => {
    process.send?.({ kind: 'ready', port: portOf(server), rawPort: portOf(raw) });
  });
});
process.once('disconnect', () => {
  raw.close();
  server.close(() => process.exit(0));
});
