// Flag groups shared by several commands, spelled as helm spells them.
import type { Command } from "commander";

export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

/** helm's StringSlice flags also split on commas. */
export function collectCsv(value: string, previous: string[] = []): string[] {
  return [...previous, ...value.split(",").filter((v) => v !== "")];
}

export function addValueFlags(cmd: Command): Command {
  return cmd
    .option("-f, --values <file>", "specify values in a YAML file or a URL (can specify multiple)", collectCsv, [])
    .option("--set <values>", "set values on the command line (can specify multiple or separate values with commas: key1=val1,key2=val2)", collect, [])
    .option("--set-string <values>", "set STRING values on the command line (can specify multiple or separate values with commas: key1=val1,key2=val2)", collect, [])
    .option("--set-file <values>", "set values from respective files specified via the command line (can specify multiple or separate values with commas: key1=path1,key2=path2)", collect, [])
    .option("--set-json <values>", "set JSON values on the command line (can specify multiple or separate values with commas: key1=jsonval1,key2=jsonval2)", collect, [])
    .option("--set-literal <values>", "set a literal STRING value on the command line", collect, []);
}

export interface ValueFlagValues {
  values: string[];
  set: string[];
  setString: string[];
  setFile: string[];
  setJson: string[];
  setLiteral: string[];
}

export function valueOptions(o: ValueFlagValues) {
  return {
    valueFiles: o.values,
    values: o.set,
    stringValues: o.setString,
    fileValues: o.setFile,
    jsonValues: o.setJson,
    literalValues: o.setLiteral,
  };
}
