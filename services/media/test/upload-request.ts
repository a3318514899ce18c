/** A multipart upload as upstream's web client sends it. */
export async function upload(
  url: string,
  token: string,
  files: Record<string, { bytes: Buffer; name: string; type?: string }>,
  fields: Record<string, string> = {},
  method = 'POST',
) {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.set(name, value);
  for (const [name, file] of Object.entries(files)) {
    form.set(name, new Blob([new Uint8Array(file.bytes)], { type: file.type ?? 'image/png' }), file.name);
  }
  const res = await fetch(url, { method, headers: { authorization: `Bearer ${token}` }, body: form });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}
