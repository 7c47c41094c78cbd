/** The inline stylesheet of report.html. */
export const REPORT_STYLE = `
body { font-family: system-ui, sans-serif; margin: 0 auto; max-width: 1200px; padding: 1rem 2rem; color: #222; }
h1 { margin-bottom: 0.2rem; }
h2 { border-bottom: 1px solid #ccc; margin-top: 2.5rem; }
figure { margin: 0; min-width: 0; }
.chart-title { font-size: 1rem; margin: 0.5rem 0 0; }
.caption { color: #444; font-style: italic; margin: 0.2rem 0 1.5rem; }
.grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(520px, 1fr)); gap: 1rem; }
table { border-collapse: collapse; font-size: 0.85rem; margin: 0.5rem 0; }
th, td { border: 1px solid #ddd; padding: 0.25rem 0.5rem; text-align: right; vertical-align: top; }
th:first-child, td:first-child { text-align: left; }
table.programs td:nth-child(2), table.programs th:nth-child(2) { text-align: left; }
tr.whole td { font-weight: bold; background: #f4f4f4; }
.diff { color: #555; font-size: 0.8rem; }
.diff.sig { font-weight: bold; }
.diff.better { color: #117733; }
.diff.worse { color: #b2182b; }
.table-scroll { overflow-x: auto; }
table.kpis td, table.programs td { white-space: nowrap; font-variant-numeric: tabular-nums; }
.summary { background: #f4f8fb; border-left: 4px solid #0072B2; padding: 0.5rem 1rem; }
.summary li { margin: 0.25rem 0; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.2rem 1rem; }
dt { font-weight: bold; }
dd { margin: 0; }
.note { background: #fff8e1; padding: 0.5rem 1rem; border-left: 4px solid #f0c040; }
`;
