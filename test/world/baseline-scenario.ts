export { baselineWith } from "../../src/scenario/baseline-with.js";
