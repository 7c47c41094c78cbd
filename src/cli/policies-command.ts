import { BUILTIN_POLICIES, OPTIONAL_POLICIES } from "../../policies/builtin-policies.js";
import { textTable } from "../report/text-table.js";

/**
 * `offersim policies [--json]`: the built-in policies with a one-line description, then the
 * variants that run only when named in --policies (`default: false` in the JSON).
 */
export function policiesCommand(json: boolean): void {
  const rows = [
    ...BUILTIN_POLICIES.map((policy) => ({ name: policy.name, description: policy.description, default: true })),
    ...OPTIONAL_POLICIES.map((policy) => ({ name: policy.name, description: policy.description, default: false })),
  ];
  if (json) process.stdout.write(JSON.stringify(rows, null, 2) + "\n");
  else process.stdout.write(textTable(["policy", "description"], rows.map((row) => [row.default ? row.name : `${row.name} *`, row.description]), 2) + "\n* runs only when named in --policies\n");
}
