// Names compare as a person reads them: "sports" duplicates "Sports".
export const sameTagName = (a: string, b: string) =>
  a.normalize('NFKC').toLocaleLowerCase('en') === b.normalize('NFKC').toLocaleLowerCase('en');
