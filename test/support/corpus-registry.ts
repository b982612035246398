// For the fixture corpora's own tests: how many items a registry reaches (each page and file
// once, each feed once per item), so expected.yaml's counts can be checked against the files.

export function reachableItems(
  entries: ReadonlyArray<{ kind?: string | undefined; path?: string | undefined }>,
  read: (path: string) => string,
): number {
  const single = entries.filter((e) => e.kind === 'page' || e.kind === 'file').length;
  const feedItems = entries
    .filter((e) => e.kind === 'feed')
    .map((e) => read(e.path!))
    .map((t) =>
      t.trimStart().startsWith('{')
        ? (JSON.parse(t) as { items: unknown[] }).items.length
        : (t.match(/<(item|entry)[\s>]/g)?.length ?? 0),
    )
    .reduce((a, b) => a + b, 0);
  return single + feedItems;
}
