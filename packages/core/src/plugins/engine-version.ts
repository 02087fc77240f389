/**
 * The version of the Pathways engine (`@pathways/core`) plugins' `engine` ranges are checked
 * against. A test holds it equal to the package's version.
 */
export const engineVersion = '0.1.0';
