// Sprig dict functions, rendered as template strings. Every expected
// output and error was produced by helm v3.17.3 for the same template.
import { test } from "vitest";
import { runt, runtErr } from "./types-runt.js";

const cases: [string, string][] = [
  ["{{ set (dict) \"__proto__\" 1 }}|{{ hasKey (dict \"__proto__\" 1) \"__proto__\" }}|{{ get (dict) \"__proto__\" }}|{{ keys (dict \"__proto__\" 1 \"constructor\" 2) }}|{{ hasKey (dict) \"constructor\" }}", "map[__proto__:1]|true||[__proto__ constructor]|false"],
  ["{{ unset nil \"a\" }}|{{ get nil \"a\" }}|{{ pluck \"a\" nil (dict \"a\" 1) }}|{{ keys nil (dict \"a\" 1) }}|{{ values nil }}|{{ pick nil \"a\" }}|{{ omit nil \"a\" }}", "map[]||[1]|[a]|[]|map[]|map[]"],
  ["{{ dict 1 2 true 3 nil 4 (list 1) 5 }}", "map[1:2 <nil>:4 [1]:5 true:3]"],
  ["{{ merge (dict) (dict \"a\" nil) }}|{{ mergeOverwrite (dict \"a\" 1) (dict \"a\" nil) }}|{{ merge (dict \"a\" (list)) (dict \"a\" (list 1)) }}|{{ merge (dict \"a\" \"x\") (dict \"a\" (list 1)) }}|{{ merge (dict \"a\" \"\") (dict \"a\" (list 1)) }}|{{ mergeOverwrite (dict \"a\" (list 1)) (dict \"a\" (list)) }}", "map[]|map[a:<nil>]|map[a:[1]]|map[a:x]|map[a:[1]]|map[a:[]]"],
  ["{{ merge (dict \"a\" (dict)) (dict \"a\" (dict \"x\" 1)) }}|{{ merge (dict \"a\" \"s\") (dict \"a\" (dict \"x\" 1)) }}|{{ mergeOverwrite (dict \"a\" \"s\") (dict \"a\" (dict \"x\" 1)) }}|{{ merge (dict \"a\" (dict \"x\" 1)) (dict \"a\" \"s\") }}|{{ mergeOverwrite (dict \"a\" (dict \"x\" 1)) (dict \"a\" \"s\") }}|{{ merge (dict \"a\" 0) (dict \"a\" 5) }}|{{ merge (dict \"a\" (dict \"b\" (dict \"c\" nil))) (dict \"a\" (dict \"b\" (dict \"c\" 1 \"d\" 2))) }}", "map[a:map[x:1]]|map[a:s]|map[a:map[x:1]]|map[a:map[x:1]]|map[a:s]|map[a:5]|map[a:map[b:map[c:1 d:2]]]"],
  ["{{ merge nil (dict \"a\" 1) }}|{{ merge (dict \"a\" 1) }}|{{ merge (dict \"a\" 1) nil (dict \"b\" 2) (dict \"a\" 3) }}|{{ mergeOverwrite (dict \"a\" 1) (dict \"a\" 2) (dict \"a\" 3) }}", "map[a:1]|map[a:1]|map[a:1 b:2]|map[a:3]"],
  ["{{ $d := dict \"a\" 1 }}{{ $m := merge $d (dict \"b\" 2) }}{{ $d }}", "map[a:1 b:2]"],
  ["{{ $s := dict \"n\" (dict \"x\" 1) }}{{ $m := merge (dict) $s }}{{ $_ := set $m.n \"y\" 2 }}{{ $s }}", "map[n:map[x:1 y:2]]"],
  ["{{ deepCopy 1 }}|{{ deepCopy \"a\" | typeOf }}|{{ deepCopy (splitList \",\" \"a\") | typeOf }}|{{ deepCopy (split \",\" \"a\") | typeOf }}|{{ deepCopy (until 2) }}", "1|string|[]string|map[string]string|[0 1]"],
  ["{{ dict }}|{{ dict \"a\" 1 \"b\" }}|{{ dict \"a\" 1 \"a\" 2 }}|{{ dict \"x\" (dict \"y\" (list 1 2)) }}|{{ get (dict \"a\" 1) \"a\" }}|{{ get (dict \"a\" 1) \"b\" }}|{{ set (dict \"a\" 1) \"a\" 9 }}|{{ unset (dict \"a\" 1 \"b\" 2) \"a\" }}|{{ hasKey (dict \"a\" nil) \"a\" }}|{{ hasKey nil \"a\" }}", "map[]|map[a:1 b:]|map[a:2]|map[x:map[y:[1 2]]]|1||map[a:9]|map[b:2]|true|false"],
  ["{{ pluck \"a\" (dict \"a\" 1) (dict \"b\" 2) (dict \"a\" 3) }}|{{ pluck \"z\" (dict \"a\" 1) }}|{{ keys (dict \"b\" 1) (dict \"a\" 2) (dict \"b\" 3) | sortAlpha }}|{{ keys (dict) }}|{{ values (dict \"b\" 1 \"a\" 2) | sortAlpha }}|{{ pick (dict \"a\" 1 \"b\" 2) \"a\" \"z\" }}|{{ omit (dict \"a\" 1 \"b\" 2 \"c\" 3) \"a\" \"z\" }}", "[1 3]|[]|[a b b]|[]|[1 2]|map[a:1]|map[b:2 c:3]"],
  ["{{ merge (dict \"a\" 1 \"n\" (dict \"x\" 1)) (dict \"a\" 2 \"b\" 2 \"n\" (dict \"x\" 2 \"y\" 2)) }}|{{ mergeOverwrite (dict \"a\" 1 \"n\" (dict \"x\" 1)) (dict \"a\" 2 \"b\" 2 \"n\" (dict \"x\" 2 \"y\" 2)) }}|{{ merge (dict \"l\" (list 1 2)) (dict \"l\" (list 3 4 5)) }}|{{ mergeOverwrite (dict \"a\" \"x\") (dict \"a\" \"\") }}|{{ mergeOverwrite (dict \"a\" true \"b\" 1) (dict \"a\" false \"b\" 0) }}|{{ merge (dict \"a\" false) (dict \"a\" true) }}|{{ merge (dict \"a\" nil) (dict \"a\" 1) }}|{{ mustMerge (dict \"a\" 1) (dict \"b\" 2) }}|{{ mustMergeOverwrite (dict \"a\" 1) (dict \"a\" 2) }}", "map[a:1 b:2 n:map[x:1 y:2]]|map[a:2 b:2 n:map[x:2 y:2]]|map[l:[1 2]]|map[a:]|map[a:false b:0]|map[a:true]|map[a:1]|map[a:1 b:2]|map[a:2]"],
  ["{{ $a := dict \"n\" (dict \"x\" 1) }}{{ $b := deepCopy $a }}{{ $_ := set $b.n \"x\" 2 }}{{ $a }} {{ $b }}|{{ $l := list 1 2 }}{{ $c := deepCopy $l }}{{ $c = append $c 3 }}{{ $l }} {{ $c }}", "map[n:map[x:1]] map[n:map[x:2]]|[1 2] [1 2 3]"],
  ["{{ $d := dict \"a\" (dict) }}{{ $s := dict \"a\" (dict \"x\" 1) }}{{ $m := merge $d $s }}{{ $m }}|{{ $_ := set $s.a \"y\" 2 }}{{ $m }}", "map[a:map[x:1]]|map[a:map[x:1]]"],
  ["{{ $e := dict }}{{ $d := dict \"a\" $e }}{{ $m := merge $d (dict \"a\" (dict \"x\" 1)) }}{{ $e }}", "map[x:1]"],
  ["{{ merge (dict \"a\" (list 1)) (dict \"a\" \"s\") }}|{{ mergeOverwrite (dict \"a\" (list 1)) (dict \"a\" \"s\") }}|{{ merge (dict \"a\" (dict \"b\" 1)) (dict \"a\" (dict)) }}|{{ mergeOverwrite (dict \"a\" (dict \"b\" 1)) (dict \"a\" (dict)) }}|{{ mergeOverwrite (dict \"a\" (dict \"b\" 1)) (dict \"a\" (list)) }}", "map[a:[1]]|map[a:s]|map[a:map[b:1]]|map[a:map[b:1]]|map[a:[]]"],
  ["{{ merge (dict \"a\" (dict \"b\" \"\")) (dict \"a\" (dict \"b\" \"x\" \"c\" nil)) }}|{{ mergeOverwrite (dict \"a\" (dict \"b\" 1 \"c\" 2)) (dict \"a\" (dict \"c\" nil)) }}|{{ merge (dict \"a\" (list)) (dict \"a\" (dict \"x\" 1)) }}|{{ merge (dict \"a\" 0.0) (dict \"a\" (list 2)) }}", "map[a:map[b:x]]|map[a:map[b:1 c:<nil>]]|map[a:map[x:1]]|map[a:[2]]"],
];

test.each(cases)("%s", (tpl, want) => runt(tpl, want));

const failures: [string, string][] = [
  ["{{ dig \"a\" \"b\" \"x\" (dict \"a\" (dict \"b\" 1)) }}|{{ dig \"a\" \"x\" (dict) }}|{{ dig \"a\" \"b\" \"x\" (dict \"a\" nil) }}", "error calling dig: interface conversion: interface {} is nil, not map[string]interface {}"],
  ["{{ dig \"a\" \"b\" \"x\" (dict \"a\" 5) }}", "error calling dig: interface conversion: interface {} is int, not map[string]interface {}"],
  ["{{ dig \"a\" \"b\" \"x\" (dict \"a\" nil \"q\" 1) }}", "error calling dig: interface conversion: interface {} is nil, not map[string]interface {}"],
  ["{{ dig 1 \"x\" (dict \"a\" 1) }}", "error calling dig: interface conversion: interface {} is int, not string"],
  ["{{ dig \"a\" (dict) }}", "error calling dig: dig needs at least three arguments"],
  ["{{ dig \"a\" \"x\" nil }}", "error calling dig: interface conversion: interface {} is nil, not map[string]interface {}"],
  ["{{ dig \"a\" \"b\" \"x\" (dict \"a\" (split \",\" \"q\")) }}", "error calling dig: interface conversion: interface {} is map[string]string, not map[string]interface {}"],
  ["{{ mustDeepCopy nil }}", "error calling mustDeepCopy: reflect: call of reflect.Value.Type on zero Value"],
  ["{{ deepCopy nil }}", "error calling deepCopy: reflect: call of reflect.Value.Type on zero Value"],
  ["{{ set nil \"a\" 1 }}", "error calling set: assignment to entry in nil map"],
  ["{{ get (dict \"a\" 1) 1 }}", "expected string; found 1"],
];

test.each(failures)("%s fails", (tpl, message) => runtErr(tpl, message));
