/**
 * Words of a club description that say what the club is: letters only, lower case, without English
 * stop words and without the words every club page on this campus uses (upstream's custom list).
 * Written out here rather than fetched (upstream downloaded NLTK's list at import, which needs network).
 */
export function contentWords(text: string): string[] {
  const words: string[] = [];
  for (const word of text.toLowerCase().split(/[^\p{L}]+/u)) {
    if (word.length > 1 && !STOP_WORDS.has(word)) words.push(word);
  }
  return words;
}

const STOP_WORDS = new Set(
  `a about above after again against all am an and any are as at be because been before being below
  between both but by can could did do does doing down during each few for from further had has have
  having he her here hers herself him himself his how i if in into is it its itself just me more most my
  myself no nor not now of off on once only or other our ours ourselves out over own same she should so
  some such than that the their theirs them themselves then there these they this those through to too
  under until up very was we were what when where which while who whom why will with would you your
  yours yourself yourselves us also well one various providing provide uc berkeley cal club clubs
  student students members member join us our we're it's who're get etc may must every many much`.split(
    /\s+/,
  ),
);
