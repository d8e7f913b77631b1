// CLI: builds the WebAssembly kernels of the neural NER tagger from src/entities/ner/neural-kernels.wat
// into src/entities/ner/neural-kernels-wasm.ts (base64), which is committed; run it after editing the .wat.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../src/config.js';
import { compileWat, wasmModuleSource } from './compile-wat.js';
import { parseCli } from './parse-cli.js';

parseCli({
  usage: 'npm run build:wasm',
  description:
    "Builds the neural tagger's WebAssembly kernels (neural-kernels.wat) into neural-kernels-wasm.ts.",
  options: {},
});
const source = 'src/entities/ner/neural-kernels.wat';
const bytes = await compileWat(path.join(PROJECT_ROOT, source));
const target = path.join(PROJECT_ROOT, 'src/entities/ner/neural-kernels-wasm.ts');
writeFileSync(target, wasmModuleSource('NEURAL_KERNELS_WASM', bytes, source));
console.log(`build-wasm: ${bytes.length} bytes -> ${path.relative(PROJECT_ROOT, target)}`);
