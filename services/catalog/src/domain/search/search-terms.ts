/** At most this many words of a query count; the rest of a pasted paragraph is ignored. */
const MAX_TERMS = 8;

/**
 * A lone Latin letter or digit as a prefix matches nearly every club ("a" → about, and, a…): it
 * narrows nothing and costs a rank of the whole catalog, so it is left out until a second character
 * follows. A single character of another script (茶) can be a whole word, and stays.
 */
const narrowsNothing = (term: string) => /^[a-z0-9]$/.test(term);

/**
 * The words of what a student typed, each to be matched as a prefix (letters and digits only, so no
 * tsquery operator can come through), all of them required: "robo clu" finds "Robotics Club" while it
 * is being typed. Undefined when nothing searchable is left.
 */
export function searchTerms(text: string): string[] | undefined {
  const terms = text
    .normalize('NFKC')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((term) => term.length > 0 && !narrowsNothing(term))
    .slice(0, MAX_TERMS);
  return terms.length === 0 ? undefined : terms;
}
