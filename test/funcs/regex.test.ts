// Sprig regex functions, rendered as template strings. Every expected
// output and error was produced by helm v3.17.3 for the same template.
// biome-ignore-all lint/suspicious/noTemplateCurlyInString: ${name} is Go's regexp template syntax
import { test } from "vitest";
import { runt, runtErr } from "./types-runt.js";

const cases: [string, string][] = [
  ["{{ regexMatch \"a$\" \"a\\n\" }}|{{ regexMatch \"(?m)a$\" \"a\\nb\" }}|{{ regexMatch \"\\\\Aa\\\\z\" \"a\" }}|{{ regexMatch \"^é.$\" \"éx\" }}|{{ regexMatch \"[[:upper:]]\" \"a\" }}", "false|true|true|true|false"],
  ["{{ regexFind \"a+\" \"baaac\" }}|{{ regexFind \"(a)(b)?\" \"xa\" }}|{{ regexFindAll \".\" \"héllo\" 2 }}|{{ regexFindAll \"\" \"abc\" -1 }}|{{ regexFindAll \"x*\" \"\" -1 }}", "aaa|a|[h é]|[   ]|[]"],
  ["{{ regexSplit \"\" \"abc\" -1 }}|{{ regexSplit \",\" \"a,b,c\" 2 }}|{{ regexSplit \",\" \"a,b,c\" 0 }}|{{ regexSplit \",\" \"\" -1 }}|{{ regexSplit \"a\" \"a\" -1 }}|{{ regexSplit \"x*\" \"axbxc\" -1 }}|{{ regexSplit \",\" \",a,\" -1 }}", "[a b c]|[a b,c]|[]|[]|[ ]|[a b c]|[ a ]"],
  ["{{ regexReplaceAll \"\" \"abc\" \"-\" }}|{{ regexReplaceAll \"x*\" \"abc\" \"-\" }}|{{ regexReplaceAll \"a*\" \"baaac\" \"-\" }}|{{ regexReplaceAll \"(a)\" \"a\" \"$2|$10|${1}1|$1x|$\" }}|{{ regexReplaceAll \"(?P<first>a)\" \"a\" \"${first}-$first-${x}-${1\" }}|{{ regexReplaceAll \"(a)\" \"a\" \"$01|$é\" }}", "-a-b-c-|-a-b-c-|-b-c-|||a1||$|a-a--${1||"],
  ["{{ regexReplaceAllLiteral \"a\" \"banana\" \"$1\" }}|{{ regexQuoteMeta \"\" }}|{{ regexQuoteMeta \"é.\\\\\" }}", "b$1n$1n$1||é\\.\\\\"],
  ["{{ regexFind \"`\" \"x\" }}", ""],
  ["{{ regexMatch \"(?<=a)\" \"x\" }}|{{ regexMatch \"(?P<a>x)(?P<a>y)\" \"xy\" }}|{{ regexMatch \"x++\" \"x\" }}|{{ regexMatch \"\\\\b\" \"a\" }}", "false|true|false|true"],
  ["{{ mustRegexMatch \"(?P<a>x)(?P<a>y)\" \"xy\" }}", "true"],
  ["{{ regexMatch \"^[a-z]+@[a-z]+\\\\.com$\" \"test@acme.com\" }}|{{ regexMatch \"(\" \"abc\" }}|{{ \"abc\" | regexMatch \"c$\" }}|{{ regexMatch \"(?i)^ABC$\" \"abc\" }}|{{ regexMatch \"^\\\\p{L}+$\" \"héllo\" }}", "true|false|true|true|true"],
  ["{{ regexFindAll \"[0-9]+\" \"a1b22c333\" -1 }}|{{ regexFindAll \"[0-9]+\" \"a1b22c333\" 0 }}|{{ regexFindAll \"[0-9]+\" \"a1b22c333\" 2 }}|{{ regexFindAll \"(a)(b)\" \"abab\" -1 }}|{{ regexFindAll \"a*\" \"baaab\" -1 }}", "[1 22 333]|[]|[1 22]|[ab ab]|[ aaa ]"],
  ["{{ regexReplaceAll \"a(x*)b\" \"-ab-axxb-\" \"${1}W\" }}|{{ regexReplaceAll \"a(x*)b\" \"-ab-axxb-\" \"$1W\" }}|{{ regexReplaceAll \"(?P<k>\\\\w+)=(?P<v>\\\\w+)\" \"a=1 b=2\" \"${v}:${k}\" }}|{{ regexReplaceAll \"a\" \"banana\" \"$$\" }}|{{ regexReplaceAllLiteral \"a(x*)b\" \"-ab-axxb-\" \"${1}\" }}|{{ regexReplaceAll \"(?<w>o)\" \"foo\" \"[$w]\" }}", "-W-xxW-|---|1:a 2:b|b$n$n$|-${1}-${1}-|f[o][o]"],
  ["{{ regexSplit \"z+\" \"pizza\" -1 }}|{{ regexSplit \"\\\\s+\" \"a  b \\t c\" -1 }}|{{ regexQuoteMeta \"1.2.3+[a]*?\" }}|{{ regexFind \"[0-9]+\" \"ab12cd34\" }}|{{ mustRegexFind \"z\" \"abc\" }}|{{ mustRegexFindAll \"b\" \"abcb\" -1 }}|{{ mustRegexSplit \"b\" \"abcb\" -1 }}|{{ mustRegexReplaceAll \"b\" \"abcb\" \"<$0>\" }}|{{ mustRegexMatch \"b\" \"abc\" }}", "[pi a]|[a b c]|1\\.2\\.3\\+\\[a\\]\\*\\?|12||[b b]|[a c ]|a<b>c<b>|true"],
  ["{{ regexFindAll \"\\\\Qa.b\\\\E\" \"a.b axb\" -1 }}|{{ regexMatch \"(?i)straße\" \"STRASSE\" }}|{{ regexMatch \"(?i)ǅ\" \"ǆ\" }}|{{ regexFindAll \"\\\\p{Greek}+\" \"abc αβγ\" -1 }}|{{ regexFindAll \"[^\\\\x00-\\\\x7F]\" \"aé😀\" -1 }}|{{ regexReplaceAll \"(?U)a+\" \"aaa\" \"x\" }}|{{ regexFindAll \"(?s)a.b\" \"a\\nb\" -1 }}|{{ regexReplaceAll \"😀\" \"a😀b\" \"$0$0\" }}|{{ regexSplit \"\" \"a😀\" -1 }}|{{ regexFindAll \"\\\\d\" \"١2\" -1 }}|{{ regexFindAll \"\\\\w+\" \"héllo wörld\" -1 }}|{{ regexFindAll \"\\\\b\\\\w\" \"héllo\" -1 }}", "[a.b]|false|true|[αβγ]|[é 😀]|xxx|[a\nb]|a😀😀b|[a 😀]|[2]|[h llo w rld]|[h l]"],
];

test.each(cases)("%s", (tpl, want) => runt(tpl, want));

const failures: [string, string][] = [
  ["{{ regexFind \"(\" \"x\" }}", "error calling regexFind: regexp: Compile(`(`): error parsing regexp: missing closing ): `(`"],
  ["{{ regexFindAll \"a{2,1}\" \"x\" -1 }}", "error calling regexFindAll: regexp: Compile(`a{2,1}`): error parsing regexp: invalid repeat count: `{2,1}`"],
  ["{{ regexReplaceAll \"\\\\\" \"x\" \"y\" }}", "error calling regexReplaceAll: regexp: Compile(`\\`): error parsing regexp: trailing backslash at end of expression: ``"],
  ["{{ regexReplaceAllLiteral \"+\" \"x\" \"y\" }}", "error calling regexReplaceAllLiteral: regexp: Compile(`+`): error parsing regexp: missing argument to repetition operator: `+`"],
  ["{{ mustRegexReplaceAllLiteral \"*\" \"x\" \"y\" }}", "error calling mustRegexReplaceAllLiteral: error parsing regexp: missing argument to repetition operator: `*`"],
  ["{{ mustRegexSplit \"(?P<>a)\" \"x\" -1 }}", "error calling mustRegexSplit: error parsing regexp: invalid named capture: `(?P<>`"],
  ["{{ regexFind \"(\\n\" \"x\" }}", "error calling regexFind: regexp: Compile(\"(\\n\"): error parsing regexp: missing closing ): `(\n`"],
  ["{{ mustRegexMatch \"[z-a]\" \"xy\" }}", "error calling mustRegexMatch: error parsing regexp: invalid character class range: `z-a`"],
  ["{{ mustRegexMatch \"(?z)\" \"xy\" }}", "error calling mustRegexMatch: error parsing regexp: invalid or unsupported Perl syntax: `(?z`"],
  ["{{ mustRegexMatch \"(a)\\\\1\" \"aa\" }}", "error calling mustRegexMatch: error parsing regexp: invalid escape sequence: `\\1`"],
  ["{{ mustRegexFind \"[\" \"abc\" }}", "error calling mustRegexFind: error parsing regexp: missing closing ]: `[`"],
  ["{{ regexSplit \"(\" \"abc\" -1 }}", "error calling regexSplit: regexp: Compile(`(`): error parsing regexp: missing closing ): `(`"],
  ["{{ regexMatch \"1\" 1 }}", "expected string; found 1"],
  ["{{ mustRegexMatch \"\\\\p{Foo}\" \"x\" }}", "error calling mustRegexMatch: error parsing regexp: invalid character class range: `\\p{Foo}`"],
  ["{{ mustRegexMatch \"a{1001}\" \"x\" }}", "error calling mustRegexMatch: error parsing regexp: invalid repeat count: `{1001}`"],
  ["{{ mustRegexMatch \"[[:foo:]]\" \"x\" }}", "error calling mustRegexMatch: error parsing regexp: invalid character class range: `[:foo:]`"],
];

test.each(failures)("%s fails", (tpl, message) => runtErr(tpl, message));
