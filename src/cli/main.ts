// The chartroom command line: parse flags, hand them to a command, map errors
// to exit codes. Each command module registers itself and loads its heavy
// implementation lazily, so `chartroom version` stays as fast as node itself.
import { Command, CommanderError, Option } from "commander";
import { commandModules } from "./commands/index.js";
import { reportError, UserError } from "./errors.js";
import { suggest } from "./suggest.js";

export function buildProgram(): Command {
  const program = new Command("chartroom");
  program
    .description(
      "Chartroom: a Kubernetes package manager that renders Helm charts exactly as Helm does, " +
        "stores releases in Helm's format, and adds a terminal UI (run with no arguments).",
    )
    .usage("[command]")
    .option("--kubeconfig <path>", "path to the kubeconfig file")
    .option("--kube-context <name>", "name of the kubeconfig context to use")
    .option("-n, --namespace <namespace>", "namespace scope for this request")
    .option("--debug", "enable verbose output")
    .addOption(new Option("--theme <name>", "colour theme for the terminal UI (or CHARTROOM_THEME)"))
    .addOption(new Option("--sandbox", "open the terminal UI on the embedded sandbox cluster"))
    .addOption(new Option("--readonly", "terminal UI: hide every action that changes the cluster"))
    .helpCommand("help [command]", "help about any command")
    .showSuggestionAfterError(false)
    .exitOverride()
    .configureOutput({ writeErr: () => {} });
  for (const register of commandModules) register(program);
  for (const cmd of program.commands) configureSubcommand(cmd);
  return program;
}

function configureSubcommand(cmd: Command): void {
  cmd.exitOverride().configureOutput({ writeErr: () => {} }).showSuggestionAfterError(false);
  for (const sub of cmd.commands) configureSubcommand(sub);
}

/** Turns commander's parse errors into helm-shaped messages with suggestions. */
function translateParseError(err: CommanderError, program: Command, argv: string[]): UserError {
  const args = argv.slice(2);
  switch (err.code) {
    case "commander.unknownCommand": {
      const typed = args.find((a) => !a.startsWith("-")) ?? "";
      const names = program.commands.flatMap((c) => [c.name(), ...c.aliases()]);
      const close = suggest(typed, names);
      const hint = close.length ? `Did you mean this?\n${close.map((c) => `\t${c}`).join("\n")}\n\n` : "";
      return new UserError(`unknown command "${typed}" for "chartroom"`, `${hint}Run 'chartroom --help' for usage.`);
    }
    case "commander.unknownOption": {
      const flag = /'([^']+)'/.exec(err.message)?.[1] ?? "";
      const sub = findCommand(program, args);
      const flags = [...sub.options, ...program.options].flatMap((o) => [o.long, o.short]).filter(Boolean) as string[];
      const close = suggest(flag, flags);
      const hint = close.length ? `Did you mean ${close.join(" or ")}?\n` : "";
      return new UserError(`unknown flag: ${flag}`, `${hint}Run '${commandPath(sub)} --help' for usage.`);
    }
    case "commander.missingArgument":
    case "commander.optionMissingArgument":
    case "commander.missingMandatoryOptionValue":
    case "commander.excessArguments":
    case "commander.invalidArgument":
    case "commander.conflictingOption": {
      const sub = findCommand(program, args);
      const msg = err.message.replace(/^error: /, "");
      return new UserError(msg, `Run '${commandPath(sub)} --help' for usage.`);
    }
    default:
      return new UserError(err.message.replace(/^error: /, ""));
  }
}

function findCommand(program: Command, args: string[]): Command {
  let cmd = program;
  for (const a of args) {
    if (a.startsWith("-")) continue;
    const next = cmd.commands.find((c) => c.name() === a || c.aliases().includes(a));
    if (!next) break;
    cmd = next;
  }
  return cmd;
}

function commandPath(cmd: Command): string {
  const names: string[] = [];
  for (let c: Command | null = cmd; c; c = c.parent) names.unshift(c.name());
  return names.join(" ");
}

/**
 * Ink's layout engine (yoga-layout) reads its inline WebAssembly with fetch()
 * when fetch exists, and Node's fetch loads all of undici first: ~50 ms before
 * the first frame. Without it, the same bytes are decoded directly. The
 * property is restored untouched (its lazy getter never ran).
 */
async function withoutFetch<T>(load: () => Promise<T>): Promise<T> {
  const saved = Object.getOwnPropertyDescriptor(globalThis, "fetch");
  Object.defineProperty(globalThis, "fetch", { value: undefined, configurable: true, writable: true });
  try {
    return await load();
  } finally {
    if (saved) Object.defineProperty(globalThis, "fetch", saved);
    else delete (globalThis as { fetch?: unknown }).fetch;
  }
}

function wantsDebug(argv: string[]): boolean {
  return argv.includes("--debug") || process.env.HELM_DEBUG === "true";
}

export async function main(argv: string[] = process.argv): Promise<number> {
  const program = buildProgram();
  let tuiOptions: Record<string, unknown> | undefined;
  program.argument("[command...]").action((words: string[]) => {
    // Reached only when no subcommand matched.
    const name = words[0];
    if (name !== undefined) throw new CommanderError(1, "commander.unknownCommand", `unknown command '${name}'`);
    tuiOptions = program.opts();
  });
  try {
    await program.parseAsync(argv);
    if (tuiOptions) {
      if (!(process.stdout.isTTY && process.stdin.isTTY)) {
        process.stdout.write(program.helpInformation());
        return 0;
      }
      const { runTui } = await withoutFetch(() => import("../tui/index.js"));
      return await runTui(tuiOptions);
    }
    return typeof process.exitCode === "number" ? process.exitCode : 0;
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.code === "commander.helpDisplayed" || err.code === "commander.help" || err.code === "commander.version") return 0;
      return reportError(translateParseError(err, program, argv), wantsDebug(argv));
    }
    return reportError(err, wantsDebug(argv));
  }
}

process.exitCode = await main();
