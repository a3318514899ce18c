/** A filter over the rows already loaded (the lists are the whole lists: no server-side search exists). */
export function SearchBox({
  label,
  value,
  onInput,
}: {
  label: string;
  value: string;
  onInput: (v: string) => void;
}) {
  return (
    <input
      type="search"
      aria-label={label}
      placeholder={label}
      value={value}
      onInput={(event) => onInput((event.currentTarget as HTMLInputElement).value)}
    />
  );
}

export const matches = (query: string, ...fields: string[]) => {
  const needle = query.trim().toLowerCase();
  return !needle || fields.some((field) => field.toLowerCase().includes(needle));
};
