// Pointwise mutual information of two entities over articles: how much more often they share an article
// than if they were mentioned independently. Hubs (a country named everywhere) score low with everyone;
// a specific pair scores high. PMI(a, b) = log2(n_ab · N / (n_a · n_b)), with n_ab the articles both are
// in (outside page furniture), n_a and n_b the articles each is in, N the articles in the graph.
// Rare pairs score high by chance: combine it with minWeight (say 2) to rank pairs seen more than once.

/** PMI in bits; 0 when a count is missing. */
export function edgePmi(shared: number, articlesA: number, articlesB: number, total: number): number {
  if (shared <= 0 || articlesA <= 0 || articlesB <= 0 || total <= 0) return 0;
  return Math.log2((shared * total) / (articlesA * articlesB));
}
