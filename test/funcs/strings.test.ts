// Sprig string functions, rendered as template strings. Every expected
// output and error was produced by helm v3.17.3 for the same template.
import { test } from "vitest";
import { runt, runtErr } from "./types-runt.js";

const cases: [string, string][] = [
  ["{{ trunc 2 \"héllo\" }}|{{ trunc -3 \"héllo\" }}|{{ trunc 0 \"x\" }}", "h�|llo|"],
  ["{{ substr 1 3 \"héllo\" }}", "é"],
  ["{{ abbrev 4 \"héllo world\" }}|{{ abbrevboth 5 10 \"abcdefghijklmnopq\" }}|{{ abbrevboth 10 7 \"abcdefghijklmnopq\" }}|{{ abbrevboth -5 4 \"abcdefghijklmnopq\" }}|{{ abbrev 10 \"\" }}", "h...|...fghi...|...k...|a...|"],
  ["{{ wrap 5 \"héllo wörld foo\" }}|{{ wrapWith 4 \"|\" \"ab cd ef ghijklmn\" }}|{{ wrap 3 \"  a   b  \" }}", "héllo\nwörld\nfoo|ab|cd|ef|ghij|klmn|a  \nb  "],
  ["{{ initials \"John Doe Foo\" }}|{{ initials \"  x y\" }}|{{ initials \"\" }}", "JDF|xy|"],
  ["{{ title \"hello_world a-b c.d 9x éa\" }}|{{ untitle \"Hello  World\\tX\" }}|{{ swapcase \"Ab Cd eF\" }}", "Hello_world A-B C.D 9x Éa|hello  world\tx|aB cD Ef"],
  ["{{ snakecase \"\" }}|{{ snakecase \"A\" }}|{{ snakecase \"ABC\" }}|{{ snakecase \"ABCd\" }}|{{ snakecase \"a_B\" }}|{{ snakecase \"a-B-c\" }}|{{ snakecase \"a  b\" }}|{{ snakecase \"--a--\" }}|{{ snakecase \"x!y\" }}|{{ snakecase \"ID\" }}|{{ snakecase \"getHTTPResponseCode\" }}|{{ snakecase \"a1b2C3\" }}|{{ snakecase \"99bottles\" }}|{{ snakecase \"v1.2.3\" }}", "|a|abc|ab_cd|a_b|a_b_c|a__b|__a__|x!y|id|get_http_response_code|a_1b2_c3|99bottles|v1.2.3"],
  ["{{ kebabcase \"NoHTTPS\" }}|{{ kebabcase \"GO_PATH\" }}|{{ kebabcase \"GO PATH\" }}|{{ kebabcase \"fooBar_baz qux\" }}|{{ kebabcase \"a→b\" }}|{{ kebabcase \"ĀĒb\" }}|{{ kebabcase \"x9Y\" }}|{{ kebabcase \"HTTP2xx\" }}|{{ kebabcase \"HTTP2XX\" }}", "no-https|go-path|go-path|foo-bar-baz-qux|a-→-b|ā-ēb|x9-y|http-2xx|http2-xx"],
  ["{{ camelcase \"some_words\" }}|{{ camelcase \"_complex__case_\" }}|{{ camelcase \"GOLANG_IS_GREAT\" }}|{{ camelcase \"some words\" }}|{{ camelcase \"a-b-c\" }}|{{ camelcase \"fooBar\" }}|{{ camelcase \"FOO bar\" }}|{{ camelcase \"ab_\" }}|{{ camelcase \"x\" }}|{{ camelcase \"é_à\" }}", "SomeWords|_Complex_Case_|GolangIsGreat|SomeWords|ABC|FooBar|FooBar|Ab_|X|ÉÀ"],
  ["{{ repeat 2 \"é\" }}|{{ replace \"é\" \"e\" \"été\" }}|{{ replace \"\" \"-\" \"\" }}|{{ nospace \"\" }}|{{ nospace \"abc\" }}", "éé|ete|-||abc"],
  ["{{ trimAll \"ab\" \"abxba\" }}|{{ trimAll \"\" \" x \" }}|{{ trimSuffix \"\" \"abc\" }}|{{ trimPrefix \"\" \"abc\" }}|{{ trimSuffix \"c\" \"abc\" }}|{{ trim \"\\t x \\n\" }}", "x| x |abc|abc|ab|x"],
  ["{{ plural \"one\" \"many\" 1 }}|{{ plural \"one\" \"many\" 0 }}|{{ plural \"one\" \"many\" -1 }}", "one|many|many"],
  ["{{ splitn \"/\" 2 \"a/b/c\" }}|{{ splitn \"/\" 0 \"a/b/c\" }}|{{ splitn \"/\" -1 \"a/b/c\" }}|{{ splitn \"\" 2 \"abc\" }}|{{ split \"\" \"abc\" }}|{{ splitList \"\" \"\" | len }}", "map[_0:a _1:b/c]|map[]|map[_0:a _1:b _2:c]|map[_0:a _1:bc]|map[_0:a _1:b _2:c]|0"],
  ["{{ toString nil }}|{{ toString 1.5 }}|{{ toString (list 1 2) }}|{{ toString (dict \"a\" 1) }}|{{ toString true }}|{{ toString 1000000 }}", "<nil>|1.5|[1 2]|map[a:1]|true|1000000"],
  ["{{ toStrings nil }}|{{ toStrings \"abc\" }}|{{ toStrings 5 }}|{{ toStrings (until 3) }}|{{ typeOf (toStrings (list 1)) }}|{{ toStrings (splitList \",\" \"b,a\") }}", "[]|[abc]|[5]|[0 1 2]|[]string|[b a]"],
  ["{{ sortAlpha nil }}|{{ sortAlpha \"x\" }}|{{ sortAlpha 5 }}|{{ sortAlpha (list \"é\" \"z\" \"a\" \"Z\") }}|{{ typeOf (sortAlpha (list 1)) }}", "[<nil>]|[x]|[5]|[Z a z é]|[]string"],
  ["{{ $l := splitList \",\" \"b,a\" }}{{ $_ := sortAlpha $l }}{{ $l }}", "[a b]"],
  ["{{ join \",\" nil }}|{{ join \",\" (list 1 nil 2) }}|{{ join \"\" (list \"a\" \"b\") }}|{{ join \",\" 5 }}", "|1,2|ab|5"],
  ["{{ quote }}|{{ quote \"\" }}|{{ quote (list \"a\" \"b\") }}|{{ quote \"\\x00\\x7f\" }}|{{ squote nil }}|{{ squote \"a\" nil }}|{{ squote (list 1) }}", "|\"\"|\"[a b]\"|\"\\x00\\x7f\"||'a'|'[1]'"],
  ["{{ cat }}|{{ cat nil }}|{{ cat \"a\" (list 1 2) (dict \"k\" \"v\") }}|{{ cat \"\" \"\" }}", "||a [1 2] map[k:v]| "],
  ["{{ indent 2 \"a\\r\\nb\" }}|{{ nindent 0 \"\" }}", "  a\r\n  b|\n"],
  ["{{ contains \"\" \"\" }}|{{ hasPrefix \"\" \"\" }}|{{ hasSuffix \"b\" \"ab\" }}", "true|true|true"],
  ["{{ trunc 3 \"hello\" }}|{{ trunc -5 \"hello world\" }}|{{ trunc -50 \"hi\" }}|{{ trunc 50 \"hi\" }}", "hel|world|hi|hi"],
  ["{{ upper \"straße\" }}|{{ lower \"HeLLo ÀÉ\" }}|{{ title \"it's o'neil\" }}|{{ untitle \"Hello World ABC\" }}", "STRAßE|hello àé|It'S O'Neil|hello world aBC"],
  ["{{ substr 0 3 \"abcdef\" }}|{{ substr -1 3 \"abcdef\" }}|{{ substr 2 99 \"abcdef\" }}|{{ substr 2 -1 \"abcdef\" }}", "abc|abc|cdef|cdef"],
  ["{{ repeat 3 \"ab\" }}|{{ repeat 0 \"ab\" }}", "ababab|"],
  ["{{ snakecase \"FirstName\" }}|{{ snakecase \"HTTPServer\" }}|{{ snakecase \"with space\" }}|{{ snakecase \"aB1C\" }}|{{ kebabcase \"FirstName\" }}|{{ camelcase \"http_server\" }}|{{ camelcase \"__x__y\" }}", "first_name|http_server|with_space|a_b1_c|first-name|HttpServer|__X_Y"],
  ["{{ indent 2 \"a\\nb\" }}|{{ indent 2 \"\" }}|{{ indent 2 \"a\\n\" }}|{{ nindent 4 \"a\\nb\" }}", "  a\n  b|  |  a\n  |\n    a\n    b"],
  ["{{ quote \"a\\\"b\\\\c\\nd\\te\" }}|{{ quote \"é✓\" }}|{{ quote 1.5 1000000 true }}|{{ squote \"a\" 2 }}|{{ cat \"a\" \"b\" 1 2.5 true }}", "\"a\\\"b\\\\c\\nd\\te\"|\"é✓\"|\"1.5\" \"1000000\" \"true\"|'a' '2'|a b 1 2.5 true"],
  ["{{ split \"$\" \"a$b$c\" }}|{{ split \",\" \"\" }}|{{ splitList \",\" \"a,b,,c\" }}|{{ splitList \",\" \"\" | len }}|{{ $p := split \".\" \"a.b.c\" }}{{ $p._1 }}", "map[_0:a _1:b _2:c]|map[_0:]|[a b  c]|1|b"],
  ["{{ join \"-\" (list \"a\" \"b\" \"c\") }}|{{ list \"x\" \"y\" | join \"/\" }}|{{ sortAlpha (list \"b\" 10 2 \"a\" \"B\") }}|{{ sortAlpha (list 10 9 100 1) }}", "a-b-c|x/y|[10 2 B a b]|[1 10 100 9]"],
  ["{{ hello }}|{{ contains \"ell\" \"hello\" }}|{{ \"hello\" | contains \"x\" }}|{{ hasPrefix \"he\" \"hello\" }}|{{ hasSuffix \"lo\" \"hello\" }}|{{ replace \"a\" \"b\" \"banana\" }}|{{ \"a.b.c\" | replace \".\" \"-\" }}|{{ replace \"\" \"-\" \"abc\" }}", "Hello!|true|false|true|true|bbnbnb|a-b-c|-a-b-c-"],
  ["{{ abbrev 5 \"hello world\" }}|{{ abbrev 20 \"hello\" }}|{{ abbrevboth 5 10 \"1234 5678 9123\" }}|{{ abbrevboth 2 8 \"abcdefghijklmno\" }}", "he...|hello|...5678...|abcde..."],
  ["{{ wrap 10 \"The quick brown fox jumps over the lazy dog\" }}|{{ wrap 5 \"supercalifragilistic is long\" }}", "The quick\nbrown fox\njumps over\nthe lazy\ndog|supercalifragilistic\nis\nlong"],
  ["{{ nospace \" a b\\tc\\nd \" }}|{{ trimAll \"$\" \"$$5.00$\" }}|{{ trimall \"-\" \"--x--\" }}|{{ trimPrefix \"x\" \"abc\" }}|{{ trim \"\\u00a0\\u2003x\\u3000\" }}", "abcd|5.00|x|abc|x"],
  ["{{ upper \"ŉǰﬀᾀıſµÿ\" }}|{{ lower \"ẞΩKİǅᾈ\" }}|{{ title \"ǆemal ᾀx ﬀy\" }}|{{ swapcase \"ǅ ǆ ß ﬀ\" }}|{{ untitle \"ǅx Ωy\" }}", "ŉǰﬀᾈISΜŸ|ßωkiǆᾀ|ǅemal ᾈx ﬀy|ǆ ǅ ß ﬀ|ǆx ωy"],
  ["{{ snakecase \"ΑβΓ\" }}|{{ snakecase \"fooBAR\" }}|{{ snakecase \"a,b\" }}|{{ kebabcase \"ABC123def\" }}|{{ snakecase \"x__Y\" }}|{{ snakecase \"A1\" }}|{{ snakecase \"1A\" }}|{{ snakecase \"a1\" }}|{{ snakecase \"Ab1\" }}|{{ snakecase \"AB1c\" }}|{{ camelcase \"a__b\" }}|{{ camelcase \"A_B_C\" }}|{{ camelcase \" x\" }}", "αβ_γ|foo_bar|a,b|abc-123def|x__y|a1|1_a|a1|ab1|ab_1c|A_B|ABC| X"],
  ["{{ trunc 1 \"€\" }}|{{ substr 0 2 \"€x\" }}|{{ wrapWith 2 \"/\" \"€€\" }}", "�|��|��/��/��"],
  ["{{ title \"hello\\u00a0world\" }}|{{ title \"x\\u2003y\" }}|{{ title \"a@b\" }}|{{ title \"1st\" }}|{{ trim \"\\u0085x\\u180e\" }}", "Hello World|X Y|A@B|1st|x᠎"],
  ["{{ initials \"\\tab\\ncd\" }}|{{ initials \"éclair à\" }}|{{ wrap 4 \"ab\\ncd ef gh\" }}|{{ abbrev 5 \"ééééé\" }}|{{ nospace \"a\\u0085b\" }}", "ac|ÃÃ|ab\ncd\nef\ngh|é...|aÂb"],
  ["{{ nospace \"€ x\" | quote }}|{{ nospace \"€ x\" | len }}", "\"â\\u0082¬x\"|7"],
];

test.each(cases)("%s", (tpl, want) => runt(tpl, want));

const failures: [string, string][] = [
  ["{{ substr -1 -1 \"abc\" }}", "error calling substr: runtime error: slice bounds out of range [:-1]"],
  ["{{ substr 2 1 \"abc\" }}", "error calling substr: runtime error: slice bounds out of range [2:1]"],
  ["{{ indent -1 \"a\" }}", "error calling indent: strings: negative Repeat count"],
  ["{{ substr 9 10 \"abc\" }}", "error calling substr: runtime error: slice bounds out of range [9:3]"],
  ["{{ repeat -1 \"ab\" }}", "error calling repeat: strings: negative Repeat count"],
];

test.each(failures)("%s fails", (tpl, message) => runtErr(tpl, message));
