// Sentence frequencies of index terms: how informative each question term is.

/** Inverse document frequency of stems over sentences; unseen terms get the highest weight. */
export class TermStats {
  private readonly df = new Map<string, number>();
  private count = 0;

  add(sentenceTerms: Iterable<string>): void {
    this.count++;
    for (const t of new Set(sentenceTerms)) this.df.set(t, (this.df.get(t) ?? 0) + 1);
  }

  remove(sentenceTerms: Iterable<string>): void {
    this.count--;
    for (const t of new Set(sentenceTerms)) {
      const n = (this.df.get(t) ?? 0) - 1;
      if (n > 0) this.df.set(t, n);
      else this.df.delete(t);
    }
  }

  idf(term: string): number {
    return Math.log(1 + (this.count + 1) / ((this.df.get(term) ?? 0) + 0.5));
  }

  has(term: string): boolean {
    return this.df.has(term);
  }

  /** How many sentences hold the term. */
  frequency(term: string): number {
    return this.df.get(term) ?? 0;
  }

  get sentences(): number {
    return this.count;
  }

  toJSON(): { count: number; df: [string, number][] } {
    return { count: this.count, df: [...this.df] };
  }

  static fromJSON(json: unknown): TermStats {
    const data = json as { count?: unknown; df?: unknown };
    if (typeof data?.count !== 'number' || !Array.isArray(data.df)) throw new Error('storydesk: term statistics are malformed');
    const stats = new TermStats();
    stats.count = data.count;
    for (const [term, n] of data.df as [string, number][]) stats.df.set(term, n);
    return stats;
  }
}
