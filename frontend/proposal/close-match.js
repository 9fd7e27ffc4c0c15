// "Did you mean …?": Python's difflib.get_close_matches(word, choices, n=1, cutoff=0.6), which the
// validator uses (check/schema_messages.py did_you_mean), so the form offers the same guess.
// Written for short words such as a source's id (at most 40 characters): difflib's junk
// heuristic starts at 200 characters, so it never applies and is left out.

function longestMatch(a, b, aLow, aHigh, bLow, bHigh, positions) {
  let bestI = aLow;
  let bestJ = bLow;
  let bestSize = 0;
  let lengths = new Map();
  for (let i = aLow; i < aHigh; i++) {
    const next = new Map();
    for (const j of positions.get(a[i]) || []) {
      if (j < bLow) continue;
      if (j >= bHigh) break;
      const size = (lengths.get(j - 1) || 0) + 1;
      next.set(j, size);
      if (size > bestSize) {
        bestI = i - size + 1;
        bestJ = j - size + 1;
        bestSize = size;
      }
    }
    lengths = next;
  }
  return [bestI, bestJ, bestSize];
}

function matchingCharacters(a, b) {
  const positions = new Map();
  b.forEach((character, j) => {
    if (!positions.has(character)) positions.set(character, []);
    positions.get(character).push(j);
  });
  let total = 0;
  const queue = [[0, a.length, 0, b.length]];
  while (queue.length) {
    const [aLow, aHigh, bLow, bHigh] = queue.pop();
    const [i, j, size] = longestMatch(a, b, aLow, aHigh, bLow, bHigh, positions);
    if (!size) continue;
    total += size;
    if (aLow < i && bLow < j) queue.push([aLow, i, bLow, j]);
    if (i + size < aHigh && j + size < bHigh) queue.push([i + size, aHigh, j + size, bHigh]);
  }
  return total;
}

function ratio(a, b) {
  const length = a.length + b.length;
  return length ? (2 * matchingCharacters(a, b)) / length : 1;
}

function quickRatio(a, b) {
  const available = new Map();
  for (const character of b) available.set(character, (available.get(character) || 0) + 1);
  let matches = 0;
  for (const character of a) {
    const left = available.get(character) || 0;
    if (left > 0) matches += 1;
    available.set(character, left - 1);
  }
  const length = a.length + b.length;
  return length ? (2 * matches) / length : 1;
}

// Longer words get no guess: the cost grows with the square of the length (a 10,000-character
// paste froze the form for 12 s), and difflib's junk heuristic, not ported, starts here. The
// schema caps a source's id at 40 characters, so a file the validator checks never reaches it.
const LONGEST = 200;

/** The choice most like `word` with a similarity of at least `cutoff`, or null. */
export function closeMatch(word, choices, cutoff = 0.6) {
  const b = Array.from(word);
  if (b.length >= LONGEST) return null;
  let best = null;
  for (const choice of choices) {
    const a = Array.from(choice);
    if (a.length >= LONGEST) continue;
    const length = a.length + b.length;
    const realQuick = length ? (2 * Math.min(a.length, b.length)) / length : 1;
    if (realQuick < cutoff || quickRatio(a, b) < cutoff) continue;
    const score = ratio(a, b);
    // heapq.nlargest over (score, choice): the higher score, then the greater text
    if (score >= cutoff && (!best || score > best.score || (score === best.score && choice > best.choice))) {
      best = { score, choice };
    }
  }
  return best ? best.choice : null;
}
