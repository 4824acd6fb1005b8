// The demo bundle generator: a deterministic TECS-style export with planted findings and ground truth.
export { generateDemo, type DemoOptions, type DemoResult } from './generate';
export { isValidVin, vinCheckDigit } from './vehicles';
