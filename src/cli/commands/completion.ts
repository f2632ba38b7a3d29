// Shell completion scripts generated from the command tree itself, so every
// command and flag that exists completes, and nothing that does not.
import type { Command } from "commander";
import { UserError } from "../errors.js";

interface Node {
  path: string[];
  subcommands: string[];
  flags: string[];
}

function walk(cmd: Command, path: string[], out: Node[], inherited: string[]): void {
  const own = cmd.options.flatMap((o) => [o.long, o.short]).filter((f): f is string => Boolean(f));
  const flags = [...new Set([...own, ...inherited, "--help"])];
  out.push({ path, subcommands: cmd.commands.map((c) => c.name()), flags });
  const globals = path.length === 0 ? own : inherited;
  for (const sub of cmd.commands) walk(sub, [...path, sub.name()], out, globals);
}

function bash(nodes: Node[]): string {
  const cases = nodes
    .map((n) => `    "${n.path.join(" ")}") words="${[...n.subcommands, ...n.flags].join(" ")}" ;;`)
    .join("\n");
  return `# bash completion for chartroom
_chartroom() {
  local cur path="" w i words
  cur="\${COMP_WORDS[COMP_CWORD]}"
  for ((i = 1; i < COMP_CWORD; i++)); do
    w="\${COMP_WORDS[i]}"
    [[ $w == -* ]] && continue
    if [[ -z $path ]]; then path="$w"; else path="$path $w"; fi
  done
  while :; do
    case "$path" in
${cases}
    *) if [[ $path == *" "* ]]; then path="\${path% *}"; continue; else path=""; continue; fi ;;
    esac
    break
  done
  COMPREPLY=($(compgen -W "$words" -- "$cur"))
  [[ \${#COMPREPLY[@]} -eq 0 ]] && COMPREPLY=($(compgen -f -- "$cur"))
  return 0
}
complete -F _chartroom chartroom
`;
}

function zsh(nodes: Node[]): string {
  return `#compdef chartroom
# zsh completion for chartroom
autoload -U +X bashcompinit && bashcompinit
${bash(nodes)}`;
}

function fish(nodes: Node[]): string {
  const lines = ["# fish completion for chartroom", "complete -c chartroom -f"];
  for (const n of nodes) {
    const cond =
      n.path.length === 0
        ? "__fish_use_subcommand"
        : `__fish_seen_subcommand_from ${n.path[n.path.length - 1]}`;
    for (const s of n.subcommands) lines.push(`complete -c chartroom -n '${cond}' -a ${s}`);
    for (const f of n.flags) {
      if (f.startsWith("--")) lines.push(`complete -c chartroom -n '${cond}' -l ${f.slice(2)}`);
      else lines.push(`complete -c chartroom -n '${cond}' -s ${f.slice(1)}`);
    }
  }
  return `${lines.join("\n")}\n`;
}

export function completionScript(shell: string, program: Command): string {
  const nodes: Node[] = [];
  walk(program, [], nodes, []);
  switch (shell) {
    case "bash":
      return bash(nodes);
    case "zsh":
      return zsh(nodes);
    case "fish":
      return fish(nodes);
    default:
      throw new UserError(`unsupported shell type "${shell}"`, "Supported shells: bash, zsh, fish.");
  }
}

export function register(program: Command): void {
  const completion = program
    .command("completion")
    .description("generate autocompletion scripts for the specified shell (bash, zsh or fish)");
  for (const shell of ["bash", "zsh", "fish"]) {
    completion
      .command(shell)
      .description(`generate the autocompletion script for ${shell}`)
      .action(() => {
        process.stdout.write(completionScript(shell, program));
      });
  }
}
