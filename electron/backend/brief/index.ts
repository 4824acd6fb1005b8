// Briefing packages: from a redacted BriefModel to a verified .zip.
export type { BriefModel, BriefPackageResult, BriefRenderer, PackagedFile } from './model';
export { writeBriefPackage, PACKAGE_FILES } from './package';
export { checkPackage, verifyPackage, type VerifyResult } from './verify';
export { BRIEF_MANIFEST, type BriefManifest } from './manifest';
