import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { generatedArtifacts, packageRoot } from './generated-artifacts.js';

for (const artifact of generatedArtifacts()) {
  const target = join(packageRoot, artifact.path);
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, artifact.content);
  console.log(`wrote ${artifact.path}`);
}
