// Sprig defaults and reflection functions, rendered as template strings. Every expected
// output and error was produced by helm v3.17.3 for the same template.
import { test } from "vitest";
import { runt, runtErr } from "./types-runt.js";

const cases: [string, string][] = [
  ["{{ default \"x\" nil }}|{{ default nil \"a\" }}|{{ default \"d\" (dict) }}|{{ default \"d\" (list 0) }}|{{ default \"d\" 0.5 }}|{{ default \"d\" \"0\" }}", "x|a|d|[0]|0.5|0"],
  ["{{ empty nil }}|{{ empty (list nil) }}|{{ empty 0.0 }}|{{ empty \"0\" }}|{{ empty false }}|{{ all }}|{{ all 1 \"a\" }}|{{ all 1 \"\" }}|{{ any nil }}", "true|false|true|false|true|true|true|false|false"],
  ["{{ coalesce }}|{{ coalesce nil (dict) (dict \"a\" 1) }}|{{ ternary 1 2 true | typeOf }}", "<no value>|map[a:1]|int"],
  ["{{ typeIsLike \"int\" 1 }}|{{ typeIs \"int64\" (int64 1) }}|{{ kindIs \"slice\" (until 2) }}|{{ typeOf (until 2) }}|{{ typeOf 1.5 }}|{{ kindOf (dict) }}|{{ typeOf (chunk 1 (list 1)) }}|{{ typeOf (int 5) }}|{{ typeOf (atoi \"5\") }}|{{ typeOf (add 1 2) }}|{{ typeOf (float64 1) }}|{{ typeOf (toDecimal 1) }}|{{ typeOf (seq 2) }}", "true|true|true|[]int|float64|map|[][]interface {}|int|int|int64|float64|int64|string"],
  ["{{ deepEqual (list) (list) }}|{{ deepEqual (dict) nil }}|{{ deepEqual \"a\" \"a\" }}|{{ deepEqual 1.0 1 }}|{{ deepEqual (until 2) (list 0 1) }}|{{ deepEqual (splitList \",\" \"a\") (list \"a\") }}", "true|false|true|false|false|false"],
  ["{{ default \"D\" \"\" }}|{{ default \"D\" 0 }}|{{ default \"D\" false }}|{{ default \"D\" (list) }}|{{ default \"D\" \"a\" }}|{{ default \"D\" 1 }}|{{ default \"D\" 0.0 }}|{{ default \"D\" (list nil) }}|{{ default \"D\" }}|{{ default 5 nil }}|{{ .missing | default \"D\" }}", "D|D|D|D|a|1|D|[<nil>]|D|5|D"],
  ["{{ empty \"\" }}|{{ empty 0 }}|{{ empty (list) }}|{{ empty (dict) }}|{{ empty (dict \"a\" 1) }}|{{ empty 0.000001 }}|{{ coalesce 0 \"\" nil \"x\" \"y\" }}|{{ coalesce 0 \"\" nil }}|{{ coalesce 0 \"\" | kindOf }}|{{ coalesce (list) (list 1) }}|{{ any 0 \"\" \"x\" }}|{{ any 0 \"\" nil }}|{{ any }}", "true|true|true|true|false|false|x|<no value>|invalid|[1]|true|false|false"],
  ["{{ ternary \"yes\" \"no\" true }}|{{ ternary \"yes\" \"no\" false }}|{{ kindOf \"s\" }} {{ typeOf \"s\" }}|{{ kindOf true }} {{ typeOf true }}|{{ kindOf nil }} {{ typeOf nil }}|{{ kindOf 'a' }} {{ typeOf 'a' }}|{{ kindOf (split \",\" \"a\") }}", "yes|no|string string|bool bool|invalid <nil>|int int|map"],
  ["{{ kindIs \"string\" \"a\" }}|{{ kindIs \"int\" 1 }}|{{ kindIs \"float64\" 1 }}|{{ typeIs \"[]interface {}\" (list) }}|{{ typeIs \"map[string]interface {}\" (dict) }}|{{ deepEqual (list 1 2) (list 1 2) }}|{{ deepEqual (dict \"a\" 1) (dict \"a\" 1) }}|{{ deepEqual (list 1) (list \"1\") }}|{{ deepEqual nil nil }}|{{ deepEqual (list) nil }}", "true|true|false|true|true|true|true|false|true|false"],
];

test.each(cases)("%s", (tpl, want) => runt(tpl, want));

const failures: [string, string][] = [
  ["{{ ternary 1 2 nil }}", "cannot assign nil to bool"],
  ["{{ ternary \"a\" \"b\" 1 }}", "expected bool; found 1"],
];

test.each(failures)("%s fails", (tpl, message) => runtErr(tpl, message));
