// Entry of the terminal UI (being built: see issue 2). Loaded lazily by the CLI.
export async function runTui(_options: Record<string, unknown>): Promise<number> {
  process.stderr.write("chartroom: the terminal UI is not built yet\n");
  return 1;
}
