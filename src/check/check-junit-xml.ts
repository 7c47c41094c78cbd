import type { CheckReport, KpiCheck } from "./check-against-baseline.js";

const XML_ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };
const xml = (text: string) => text.replace(/[&<>"']/g, (character) => XML_ENTITIES[character]);

/**
 * JUnit XML of a check: one <testsuite> per policy, one <testcase> per (policy, KPI), named
 * `KPI` with classname `offersim.check.POLICY`; failures carry the reason, KPIs that are not
 * gated are <skipped>.
 */
export function checkJunitXml(report: CheckReport): string {
  const policies = [...new Set(report.checks.map((check) => check.policy))];
  const suites = policies.map((policy) => testSuite(policy, report.checks.filter((check) => check.policy === policy)));
  const count = (status: KpiCheck["status"]) => report.checks.filter((check) => check.status === status).length;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="offersim check" tests="${report.checks.length}" failures="${count("fail")}" skipped="${count("skipped")}" errors="0">`,
    ...suites,
    "</testsuites>",
    "",
  ].join("\n");
}

function testSuite(policy: string, checks: readonly KpiCheck[]): string {
  const failures = checks.filter((check) => check.status === "fail").length;
  const skipped = checks.filter((check) => check.status === "skipped").length;
  return [
    `  <testsuite name="${xml(`offersim check: ${policy}`)}" tests="${checks.length}" failures="${failures}" skipped="${skipped}" errors="0">`,
    ...checks.map(testCase),
    "  </testsuite>",
  ].join("\n");
}

function testCase(check: KpiCheck): string {
  const open = `    <testcase classname="${xml(`offersim.check.${check.policy}`)}" name="${xml(check.kpi)}" time="0">`;
  if (check.status === "pass") return `${open}<system-out>${xml(check.reason)}</system-out></testcase>`;
  if (check.status === "skipped") return `${open}<skipped message="${xml(check.reason)}"/></testcase>`;
  return `${open}<failure type="regression" message="${xml(`${check.policy} ${check.kpi}: ${check.reason}`)}">${xml(check.reason)}</failure></testcase>`;
}
