import { BUILTIN_POLICIES } from "../../policies/builtin-policies.js";
import { textTable } from "../report/text-table.js";

/** `offersim policies [--json]`: the built-in policies with a one-line description. */
export function policiesCommand(json: boolean): void {
  const rows = BUILTIN_POLICIES.map((policy) => ({ name: policy.name, description: policy.description }));
  if (json) process.stdout.write(JSON.stringify(rows, null, 2) + "\n");
  else process.stdout.write(textTable(["policy", "description"], rows.map((row) => [row.name, row.description]), 2) + "\n");
}
