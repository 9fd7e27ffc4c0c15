// Text shortened for quoting back to a reader, shared by the search, the finder and the form.

/** The first `limit` characters of `text`, then "…" where there were more. Characters are
 *  code points, so an emoji or other character outside the Basic Multilingual Plane is never
 *  cut in half (a lone surrogate would show as a replacement mark). This is how the
 *  validator's messages quote a value (generator/problems.py), which the form repeats. */
export function truncated(text, limit) {
  const characters = Array.from(text);
  return characters.length > limit ? `${characters.slice(0, limit).join("")}\u2026` : text;
}
