// The acronyms the articles spell out ("National Security Council" → nsc), for questions that use them.
import { terms } from '../text/terms.js';

const CAPITALISED_RUN = /\p{Lu}[\p{L}’'-]*(?:\s+(?:(?:of|and|for|the|on|de)\s+)?\p{Lu}[\p{L}’'-]*)+/gu;

/**
 * Acronyms the articles spell out ("National Security Council" → nsc), so that a question using an
 * acronym the articles never write still finds the sentences that use its expansion.
 */
export class AcronymIndex {
  private readonly expansions = new Map<string, string[]>();

  add(text: string): void {
    for (const m of text.matchAll(CAPITALISED_RUN)) {
      const words = m[0].split(/\s+/);
      const capitals = words.flatMap((w, i) => (/^\p{Lu}/u.test(w) ? [i] : []));
      if (capitals.length < 2 || capitals.length > 8) continue;
      // The whole name first, then the shorter names within it ("European Union" in "The European Union Vet
      // Fund"): a question may use the acronym of any.
      for (let len = capitals.length; len >= 2; len--) {
        for (let from = 0; from + len <= capitals.length; from++) {
          const run = words.slice(capitals[from], capitals[from + len - 1]! + 1);
          const acronym = capitals.slice(from, from + len).map((i) => words[i]![0]!.toLowerCase()).join('');
          if (!this.expansions.has(acronym)) this.expansions.set(acronym, terms(run.join(' ')));
        }
      }
    }
  }

  get(acronym: string): string[] | undefined {
    return this.expansions.get(acronym);
  }
}
