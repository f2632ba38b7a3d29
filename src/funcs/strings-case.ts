// Case conversions with huandu/xstrings v1.5 semantics (what Sprig 3.3 and
// so helm 3.17 use): snakecase/kebabcase split a string into typed words
// ("HTTPServer" -> "HTTP" + "Server", "Bld4Floor" -> "Bld4" + "Floor") and
// join them with a connector; camelcase is xstrings.ToPascalCase.
import { isLetter, isNumber, isPunct, isSpace, isUpper, runes, toLowerRune, toUpperRune } from "./strings-unicode.js";

const RUNE_ERROR = 0xfffd;

type WordType = "invalid" | "number" | "upper" | "alpha" | "connector" | "punct" | "other";

interface Word {
  type: WordType;
  start: number;
  end: number;
}

const isConnector = (r: number) => r === 0x2d || r === 0x5f || isSpace(r);

// A letter outside the common CJK blocks (those have no case and no word breaks).
function isAlphabet(r: number): boolean {
  if (!isLetter(r)) return false;
  if (r < 0x3400) return true;
  if (r >= 0x4e00 && r <= 0x9fcc) return false;
  if (r >= 0x3400 && r <= 0x4d85) return false;
  if (r >= 0x20000 && r <= 0x2b81d) return false;
  return true;
}

/** Reads one rune, skipping U+FFFD as xstrings skips invalid UTF-8; size counts the skipped runes. */
function nextValid(rs: number[], i: number, prev: number): [number, number] {
  let size = 0;
  for (; i < rs.length; i++) {
    size++;
    if (rs[i] !== RUNE_ERROR) return [rs[i], size];
  }
  return [prev, size];
}

function nextWord(rs: number[], start: number): Word {
  if (start >= rs.length) return { type: "invalid", start, end: start };
  let [r, size] = nextValid(rs, start, RUNE_ERROR);
  let end = start + size;
  if (r === RUNE_ERROR) return { type: "invalid", start, end };
  // Extends the word while pred holds for the next rune.
  const extend = (pred: (r: number) => boolean) => {
    while (end < rs.length) {
      [r, size] = nextValid(rs, end, r);
      if (!pred(r)) break;
      end += size;
    }
  };
  let type: WordType;
  if (isConnector(r)) {
    type = "connector";
    extend(isConnector);
  } else if (isPunct(r)) {
    type = "punct";
    extend(isPunct);
  } else if (isUpper(r)) {
    type = "upper";
    if (end < rs.length) {
      [r, size] = nextValid(rs, end, r);
      if (isUpper(r)) {
        let prevSize = size;
        end += size;
        while (end < rs.length) {
          [r, size] = nextValid(rs, end, r);
          if (!isUpper(r)) break;
          prevSize = size;
          end += size;
        }
        // "HTTPStatus": the S starts the next word.
        if (end < rs.length && isAlphabet(r)) end -= prevSize;
      } else if (isAlphabet(r)) {
        end += size;
        extend((x) => isAlphabet(x) && !isUpper(x));
      }
    }
  } else if (isAlphabet(r)) {
    type = "alpha";
    extend((x) => isAlphabet(x) && !isUpper(x));
  } else if (isNumber(r)) {
    type = "number";
    extend(isNumber);
  } else {
    type = "other";
    extend((x) => !(isConnector(x) || isAlphabet(x) || isNumber(x) || isPunct(x)));
  }
  return { type, start, end };
}

function camelToLower(s: string, connector: number): string {
  if (s === "") return "";
  const rs = runes(s);
  const out: number[] = [];
  const emit = (w: Word, as: WordType = w.type) => {
    for (let i = w.start; i < w.end; i++) {
      const r = rs[i];
      if (as !== "upper" && as !== "connector") out.push(r);
      else if (isConnector(r)) out.push(connector);
      else out.push(isUpper(r) ? toLowerRune(r) : r);
    }
  };
  const sep = () => out.push(connector);
  let w = nextWord(rs, 0);
  while (w.end < rs.length) {
    if (w.type !== "connector") emit(w);
    const prev = w;
    w = nextWord(rs, w.end);
    if (prev.type === "number") {
      while (w.type === "alpha" || w.type === "number") {
        emit(w);
        w = nextWord(rs, w.end);
      }
      if (w.type !== "invalid" && w.type !== "punct" && w.type !== "connector") sep();
    } else if (prev.type === "connector") {
      emit(prev);
    } else if (prev.type !== "punct") {
      if (w.type !== "number") {
        if (w.type !== "connector" && w.type !== "punct") sep();
        continue;
      }
      if (w.end >= rs.length) continue;
      const num = w;
      w = nextWord(rs, w.end);
      if (w.type !== "alpha") {
        // A number after a word stays part of it: "Bld4Floor" -> "bld4_floor".
        emit(num, "number");
        if (w.type !== "connector" && w.type !== "punct") sep();
        continue;
      }
      // Lower-case letters after a number start a new word with it: "HTTP2xx" -> "http_2xx".
      sep();
      emit(num, "number");
      while (w.type === "alpha" || w.type === "number") {
        emit(w);
        w = nextWord(rs, w.end);
      }
      if (w.type !== "invalid" && w.type !== "connector" && w.type !== "punct") sep();
    }
  }
  emit(w);
  return String.fromCodePoint(...out);
}

export const snakeCase = (s: string) => camelToLower(s, 0x5f);
export const kebabCase = (s: string) => camelToLower(s, 0x2d);

/** xstrings.ToPascalCase: words split at connectors, each capitalised; runs of connectors keep all but one. */
export function pascalCase(s: string): string {
  if (s === "") return "";
  const rs = runes(s);
  const out: number[] = [];
  let i = 0;
  let r0 = 0;
  let firstUpper = false;
  // Leading connectors are kept.
  for (; i < rs.length; i++) {
    r0 = rs[i];
    if (!isConnector(r0)) {
      firstUpper = isUpper(r0);
      r0 = toUpperRune(r0);
      i++;
      break;
    }
    out.push(r0);
  }
  if (i >= rs.length) {
    // Go writes the last rune read once more, even when it was a connector.
    out.push(r0);
    return String.fromCodePoint(...out);
  }
  for (; i < rs.length; i++) {
    const r1 = r0;
    r0 = rs[i];
    if (isConnector(r0) && isConnector(r1)) {
      out.push(r1);
      continue;
    }
    if (isConnector(r1)) {
      firstUpper = isUpper(r0);
      r0 = toUpperRune(r0);
    } else {
      // After an upper-case start, further upper case is lowered until a lower-case rune.
      if (firstUpper) {
        if (isUpper(r0)) r0 = toLowerRune(r0);
        else firstUpper = false;
      }
      out.push(r1);
    }
  }
  out.push(r0);
  return String.fromCodePoint(...out);
}

/** xstrings.Shuffle: a random permutation of the runes. */
export function shuffle(s: string): string {
  const rs = runes(s);
  for (let i = rs.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [rs[i], rs[j]] = [rs[j], rs[i]];
  }
  return String.fromCodePoint(...rs);
}
