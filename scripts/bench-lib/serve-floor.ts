// The HTTP floor of `npm run bench:graph`: a bare Express app (helmet and the JSON body parser, as the API
// has) in a process of its own, answering every request with a fixed reply shaped like 50 neighbours. What
// the bench's client measures against it is what any request costs on this machine before the graph does
// anything, so each run shows how much of the neighbours' latency is the graph's.
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
const server = app.listen(0, '127.0.0.1', () => {
  const address = server.address();
  process.send?.({ kind: 'ready', port: typeof address === 'object' && address ? address.port : 0 });
});
process.once('disconnect', () => server.close(() => process.exit(0)));
