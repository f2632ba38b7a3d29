// go-yaml does not check the indentation of the lines a quoted scalar or a
// flow collection runs on to: `a: "x\ny"` and `a: [1,\n2]` load in helm.
// The `yaml` package holds them to YAML 1.2's rule (more indented than the
// enclosing block) and refuses them. Their indentation carries no meaning
// (a quoted scalar folds it away, a flow collection ignores it), so when a
// parse fails, those continuation lines are indented past the line the
// scalar or collection starts on and the text is parsed again. Lines are
// neither added nor removed, so every line number stays as it was.

const BLANK = /[ \t\r\n]/;

function isBlank(c: string | undefined): boolean {
  return c === undefined || BLANK.test(c);
}

function indentAt(text: string, lineStart: number): number {
  let k = lineStart;
  while (text[k] === " ") k++;
  return k - lineStart;
}

/** A document marker at the start of a line ends a quoted scalar for go-yaml too: leave it alone. */
function isDocumentMarker(text: string, lineStart: number): boolean {
  const three = text.slice(lineStart, lineStart + 3);
  return (three === "---" || three === "...") && isBlank(text[lineStart + 3]);
}

/**
 * The text with the continuation lines of quoted scalars and flow
 * collections indented past the line each starts on, or undefined when
 * nothing needed it (or the text cannot be followed).
 */
export function indentContinuations(text: string): string | undefined {
  const inserts: [offset: number, spaces: number][] = [];

  /** After a line break inside a span: make the next line indented past `min`. */
  function continueLine(nl: number, min: number): void {
    const next = nl + 1;
    if (next >= text.length || isDocumentMarker(text, next)) return;
    const k = indentAt(text, next);
    const c = text[next + k];
    if (c === "\n" || c === "\r" || c === undefined) return;
    if (k <= min) inserts.push([next, min + 1 - k]);
  }

  /** Scans a quoted scalar from its opening quote; returns the offset after it, or -1. */
  function quoted(start: number, min: number): number {
    const q = text[start];
    for (let j = start + 1; j < text.length; j++) {
      const c = text[j];
      if (c === "\n") continueLine(j, min);
      else if (q === '"' && c === "\\") j++;
      else if (c === q) {
        if (q === "'" && text[j + 1] === "'") j++;
        else return j + 1;
      }
    }
    return -1;
  }

  /** Scans a flow collection from its bracket; returns the offset after it, or -1. */
  function flow(start: number, min: number): number {
    let depth = 0;
    let atToken = true;
    for (let j = start; j < text.length; j++) {
      const c = text[j]!;
      if (c === "\n") {
        continueLine(j, min);
        atToken = true;
        continue;
      }
      if (c === " " || c === "\t" || c === "\r") {
        continue;
      }
      if (c === "#" && isBlank(text[j - 1])) {
        while (j + 1 < text.length && text[j + 1] !== "\n") j++;
        continue;
      }
      if (atToken && (c === '"' || c === "'")) {
        const end = quoted(j, min);
        if (end < 0) return -1;
        j = end - 1;
        atToken = false;
        continue;
      }
      if (c === "[" || c === "{") {
        depth++;
        atToken = true;
      } else if (c === "]" || c === "}") {
        depth--;
        atToken = false;
        if (depth === 0) return j + 1;
      } else if (c === ",") atToken = true;
      else if (c === ":" && (isBlank(text[j + 1]) || /[,[\]{}]/.test(text[j + 1] ?? ""))) atToken = true;
      else atToken = false;
    }
    return -1;
  }

  let blockScalarParent = -1;
  let lineStart = 0;
  while (lineStart < text.length) {
    const indent = indentAt(text, lineStart);
    let j = lineStart + indent;
    const eol = () => {
      const e = text.indexOf("\n", j);
      return e < 0 ? text.length : e;
    };
    const first = text[j];
    const empty = first === "\n" || first === "\r" || first === undefined;
    if (blockScalarParent >= 0 && (empty || indent > blockScalarParent)) {
      lineStart = eol() + 1;
      continue;
    }
    blockScalarParent = -1;
    let atNode = true;
    while (j < text.length && text[j] !== "\n") {
      const c = text[j]!;
      if (c === "#" && (j === lineStart || isBlank(text[j - 1]))) {
        j = eol();
        break;
      }
      if (atNode) {
        if (c === " " || c === "\t" || c === "\r") {
          j++;
        } else if ((c === "-" || c === "?" || c === ":") && isBlank(text[j + 1])) {
          j++;
        } else if (c === "&" || c === "!" || c === "*") {
          while (j < text.length && !isBlank(text[j])) j++;
        } else if (c === '"' || c === "'" || c === "[" || c === "{") {
          const end = c === '"' || c === "'" ? quoted(j, indent) : flow(j, indent);
          if (end < 0) return undefined;
          j = end;
          atNode = false;
        } else if (c === "|" || c === ">") {
          blockScalarParent = indent;
          j = eol();
        } else {
          atNode = false;
          j++;
        }
        continue;
      }
      if (c === ":" && isBlank(text[j + 1])) atNode = true;
      j++;
    }
    lineStart = j + 1;
  }
  if (inserts.length === 0) return undefined;
  let out = "";
  let at = 0;
  for (const [offset, spaces] of inserts) {
    out += text.slice(at, offset) + " ".repeat(spaces);
    at = offset;
  }
  return out + text.slice(at);
}
