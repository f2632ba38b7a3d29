// Sprig math and conversion functions, rendered as template strings. Every expected
// output and error was produced by helm v3.17.3 for the same template.
import { test } from "vitest";
import { runt, runtErr } from "./types-runt.js";

const cases: [string, string][] = [
  ["{{ atoi \"9223372036854775807\" }}|{{ atoi \"9223372036854775808\" }}|{{ atoi \"-9223372036854775808\" }}|{{ atoi \"\" }}|{{ atoi \"1_0\" }}|{{ atoi \"007\" }}|{{ atoi \"-0\" }}", "9223372036854775807|9223372036854775807|-9223372036854775808|0|0|7|0"],
  ["{{ int \"0o17\" }}|{{ int \"0O17\" }}|{{ int \"0B101\" }}|{{ int \"0x\" }}|{{ int \"0\" }}|{{ int \"-0x10\" }}|{{ int \"+010\" }}|{{ int \"0x_1F\" }}|{{ int \"0_7\" }}|{{ int \"1__0\" }}|{{ int \"_1\" }}|{{ int \"1_\" }}|{{ int \"5.0\" }}|{{ int \"5.00\" }}|{{ int \"5.50\" }}|{{ int \"-5.0\" }}|{{ int \"0.0\" }}|{{ int \"1e3\" }}", "15|15|5|0|0|-16|8|31|7|0|0|0|5|5|0|-5|0|0"],
  ["{{ int \"9223372036854775807\" }}|{{ int \"9223372036854775808\" }}|{{ int64 \"-9223372036854775808\" }}|{{ int 1e20 }}|{{ int -1e20 }}|{{ int64 9.9e18 }}|{{ int \"true\" }}|{{ int false }}|{{ int (dict) }}", "9223372036854775807|0|-9223372036854775808|-9223372036854775808|-9223372036854775808|-9223372036854775808|0|0|0"],
  ["{{ float64 \"1_000.5\" }}|{{ float64 \"1._5\" }}|{{ float64 \".5\" }}|{{ float64 \"5.\" }}|{{ float64 \"+1e-3\" }}|{{ float64 \"Infinity\" }}|{{ float64 \"-inf\" }}|{{ float64 \"nan\" }}|{{ float64 \"infin\" }}|{{ float64 \"0x1.8p1\" }}|{{ float64 \"0x_1p0\" }}|{{ float64 \"1e1_0\" }}|{{ float64 \" 1\" }}|{{ float64 \"1e\" }}|{{ float64 (int64 5) }}|{{ float64 \"0b1\" }}|{{ float64 \"1E+2\" }}|{{ float64 \"-0\" }}", "1000.5|0|0.5|5|0.001|+Inf|-Inf|NaN|0|3|1|1e+10|0|0|5|0|100|-0"],
  ["{{ toDecimal \"-017\" }}|{{ toDecimal 1.5 }}|{{ toDecimal true }}|{{ toDecimal nil }}|{{ toDecimal \"0o17\" }}|{{ toDecimal \"+7\" }}|{{ toDecimal (int64 10) }}|{{ toDecimal \"1_0\" }}", "-15|0|0|0|0|7|8|0"],
  ["{{ add }}|{{ add 1 }}|{{ add \"0x10\" \"010\" }}|{{ add 9223372036854775807 1 }}|{{ sub nil nil }}|{{ mul 9223372036854775807 2 }}|{{ div -7 2 }}|{{ div 7.9 2 }}|{{ mod -7 -3 }}|{{ add1 nil }}|{{ div -9223372036854775808 -1 }}", "0|1|24|-9223372036854775808|0|-2|-3|3|-1|1|-9223372036854775808"],
  ["{{ max 1 }}|{{ max \"5\" 3.9 }}|{{ min 3 1 2 }}|{{ min \"x\" 5 }}|{{ biggest -1 -5 }}|{{ maxf \"x\" }}|{{ minf 1 \"nan\" }}|{{ maxf 1 \"inf\" }}|{{ minf -0.0 0 }}", "1|5|1|0|-1|0|NaN|+Inf|-0"],
  ["{{ addf }}|{{ addf 1e20 1 }}|{{ mulf 0.1 0.1 }}|{{ divf 1 3 }}|{{ divf 2 3 }}|{{ divf -2 3 }}|{{ divf 10 4 2 }}|{{ subf 0.3 0.1 }}|{{ mulf 1.1 1.1 1.1 }}|{{ divf 1 7 }}|{{ addf 1e-20 1e-20 }}|{{ add1f -0.5 }}|{{ mulf 123456789.123 1000 }}|{{ divf 5e-324 2 }}", "0|1e+20|0.01|0.3333333333333333|0.6666666666666667|-0.6666666666666667|1.25|0.2|1.331|0.1428571428571429|2e-20|0.5|1.23456789123e+11|0"],
  ["{{ floor \"x\" }}|{{ ceil -0.5 }}|{{ floor 1e300 }}|{{ round 2.675 2 }}|{{ round -1.005 2 }}|{{ round 0.5 0 }}|{{ round 1.4 0 0.4 }}|{{ round 5 -1 }}|{{ round 12345.6789 3 }}|{{ round \"1.25\" 1 }}|{{ round nil 2 }}|{{ round 1.15 1 }}|{{ round 8.345 2 }}", "0|-0|1e+300|2.68|-1.01|1|1|10|12345.679|1.3|0|1.2|8.35"],
  ["{{ until 0 | typeOf }}|{{ untilStep 0 10 3 }}|{{ untilStep 10 0 -3 }}|{{ untilStep 0 10 0 }}|{{ untilStep 0 10 -1 }}|{{ untilStep 10 0 1 }}|{{ untilStep 0 0 1 }}", "[]int|[0 3 6 9]|[10 7 4 1]|[]|[]|[]|[]"],
  ["{{ seq }}|{{ seq 0 }}|{{ seq -2 }}|{{ seq 1 }}|{{ seq 2 5 }}|{{ seq 5 2 }}|{{ seq 0 2 10 }}|{{ seq 10 -3 0 }}|{{ seq 10 3 0 }}|{{ seq 0 -2 10 }}|{{ seq 0 0 3 }}|{{ seq 3 3 }}", "|1 0|1 0 -1 -2|1|2 3 4 5|5 4 3 2|0 2 4 6 8 10|10 7 4 1||||3"],
  ["{{ mul 1 }}|{{ mul \"2\" \"3\" }}|{{ max 1 2 | kindOf }}|{{ add1 \"1.0\" }}|{{ sub 1.999 \"1.0\" }}", "1|6|int64|2|0"],
];

test.each(cases)("%s", (tpl, want) => runt(tpl, want));

const failures: [string, string][] = [
  ["{{ divf 1 0 }}", "error calling divf: decimal division by 0"],
  ["{{ addf \"inf\" 1 }}", "error calling addf: Cannot create a Decimal from +Inf"],
];

test.each(failures)("%s fails", (tpl, message) => runtErr(tpl, message));
