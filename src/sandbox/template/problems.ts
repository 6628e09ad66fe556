// What is wrong in a template, said where it is (resource and property) and what to do.

export interface Problem {
  /** Where in the template: "Resources.HelloFunction (hello) Timeout", "Parameters Stage", … */
  where: string;
  message: string;
}

/** The lines printed at sandbox start, under the template's name. */
export function formatProblems(template: string, problems: readonly Problem[]): string {
  if (problems.length === 0) return "";
  const head = `${template}: ${problems.length} problem${problems.length === 1 ? "" : "s"} (the sandbox runs what it can):`;
  return [head, ...problems.map((p) => `  ${p.where}: ${p.message}`)].join("\n") + "\n";
}
