// Sprig list functions, rendered as template strings. Every expected
// output and error was produced by helm v3.17.3 for the same template.
import { test } from "vitest";
import { runt, runtErr } from "./types-runt.js";

const cases: [string, string][] = [
  ["{{ has 1 nil }}|{{ has 1 (list 1) }}|{{ has 1.0 (list 1) }}|{{ has \"a\" (splitList \",\" \"a,b\") }}|{{ mustHas nil (list nil) }}", "false|true|false|true|true"],
  ["{{ slice (list 1 2 3) }}|{{ slice (list 1 2 3) 1 }}|{{ slice (list 1 2 3) \"1\" \"2\" }}|{{ slice list 5 9 }}|{{ slice (splitList \",\" \"a,b,c\") 1 | typeOf }}|{{ slice (list 1 2 3) 3 }}|{{ slice (list 1 2) 1.9 }}", "[1 2 3]|[2 3]|[2]|<no value>|[]string|[]|[2]"],
  ["{{ chunk -2 (list 1) }}|{{ chunk 5 (list 1 2) }}|{{ chunk 1 (list 1 2) | typeOf }}", "[[1]]|[[1 2]]|[][]interface {}"],
  ["{{ uniq (list 1 1 \"1\" 1.0 (list 1) (list 1) nil nil) }}|{{ compact (list 0 1 \"\" \"a\" nil false true (list) (dict) 0.0) }}|{{ reverse (until 3) | typeOf }}", "[1 1 1 [1] <nil>]|[1 a true]|[]interface {}"],
  ["{{ prepend (list 1) 0 }}|{{ append (until 2) 9 | typeOf }}|{{ concat (until 2) (splitList \",\" \"a\") }}", "[0 1]|[]interface {}|[0 1 a]"],
  ["{{ initial (list 1 2 3) }}|{{ initial (list 1) }}|{{ rest (list 1) }}", "[1 2]|[]|[]"],
  ["{{ list }}|{{ list | len }}|{{ tuple 1 2 }}|{{ list (list 1 2) (list) (list \"a\") }}|{{ rest (list 1 2 3) }}|{{ rest list }}|{{ last (list 1 2) }}|{{ initial list }}|{{ reverse (list 1 2 3) }}|{{ reverse list }}", "[]|0|[1 2]|[[1 2] [] [a]]|[2 3]|[]|2|[]|[3 2 1]|[]"],
  ["{{ append (list 1 2) 3 }}|{{ push (list 1) 2 }}|{{ prepend (list 2) 1 }}|{{ mustAppend (list) 1 }}|{{ mustPrepend (list) 1 }}|{{ concat (list 1 2) (list 3) (list) (list 4 5) }}|{{ concat (list (list 1)) (list 2) }}|{{ concat }}", "[1 2 3]|[1 2]|[1 2]|[1]|[1]|[1 2 3 4 5]|[[1] 2]|[]"],
  ["{{ has 2 (list 1 2) }}|{{ has 3 (list 1 2) }}|{{ uniq (list 1 2 1 3) }}|{{ compact (list 1 0 \"\" \"a\") }}|{{ mustCompact (list nil 1) }}|{{ mustUniq (list \"a\" \"a\") }}|{{ mustReverse (list 1 2) }}|{{ mustFirst (list 1 2) }}|{{ mustLast (list 1 2) }}|{{ mustRest (list 1 2) }}|{{ mustInitial (list 1 2) }}|{{ mustWithout (list 1 2) 1 }}|{{ mustSlice (list 1 2 3) 1 2 }}|{{ mustChunk 2 (list 1 2 3) }}", "true|false|[1 2 3]|[1 a]|[1]|[a]|[2 1]|1|2|[2]|[1]|[2]|[2]|[[1 2] [3]]"],
];

test.each(cases)("%s", (tpl, want) => runt(tpl, want));

const failures: [string, string][] = [
  ["{{ first (until 3) | typeOf }}|{{ rest (until 3) | typeOf }}|{{ last \"\" | kindOf }}", "error calling last: Cannot find last on type string"],
  ["{{ first \"\" }}", "error calling first: Cannot find first on type string"],
  ["{{ has 1 \"abc\" }}", "error calling has: Cannot find has on type string"],
  ["{{ mustHas 1 (dict) }}", "error calling mustHas: Cannot find has on type map"],
  ["{{ slice (list 1 2 3) 2 1 }}", "error calling slice: reflect.Value.Slice: slice index out of bounds"],
  ["{{ slice (list 1 2 3) 0 4 }}", "error calling slice: reflect.Value.Slice: slice index out of bounds"],
  ["{{ slice \"abc\" 1 }}", "error calling slice: list should be type of slice or array but string"],
  ["{{ mustSlice 5 1 }}", "error calling mustSlice: list should be type of slice or array but int"],
  ["{{ chunk 0 (list 1 2) }}", "error calling chunk: runtime error: makeslice: len out of range"],
  ["{{ chunk -2 (list 1 2 3 4 5) }}", "error calling chunk: runtime error: makeslice: len out of range"],
  ["{{ chunk 2 \"abc\" }}", "error calling chunk: Cannot chunk type string"],
  ["{{ concat nil }}", "error calling concat: runtime error: invalid memory address or nil pointer dereference"],
  ["{{ without nil 1 }}", "error calling without: runtime error: invalid memory address or nil pointer dereference"],
  ["{{ mustFirst nil }}", "error calling mustFirst: runtime error: invalid memory address or nil pointer dereference"],
  ["{{ first \"abc\" }}", "error calling first: Cannot find first on type string"],
  ["{{ mustFirst \"abc\" }}", "error calling mustFirst: Cannot find first on type string"],
  ["{{ first .Values.missing }}", "error calling first: runtime error: invalid memory address or nil pointer dereference"],
  ["{{ append nil \"x\" }}", "error calling append: runtime error: invalid memory address or nil pointer dereference"],
  ["{{ mustLast 5 }}", "error calling mustLast: Cannot find last on type int"],
  ["{{ mustRest \"x\" }}", "error calling mustRest: Cannot find rest on type string"],
  ["{{ mustInitial (dict) }}", "error calling mustInitial: Cannot find initial on type map"],
  ["{{ mustPrepend 1 2 }}", "error calling mustPrepend: Cannot prepend on type int"],
  ["{{ concat (list 1) \"x\" }}", "error calling concat: Cannot concat type string as list"],
  ["{{ uniq \"aab\" }}", "error calling uniq: Cannot find uniq on type string"],
  ["{{ mustWithout \"abc\" \"a\" }}", "error calling mustWithout: Cannot find without on type string"],
  ["{{ compact \"abc\" }}", "error calling compact: Cannot compact on type string"],
  ["{{ mustCompact 1.5 }}", "error calling mustCompact: Cannot compact on type float64"],
  ["{{ mustChunk 2 true }}", "error calling mustChunk: Cannot chunk type bool"],
];

test.each(failures)("%s fails", (tpl, message) => runtErr(tpl, message));
