export { FileService, tooLarge, type RunnerFile } from './file-service.ts';
export { collectFileIds, fileRefOf } from './file-refs.ts';
export { fileContentType, isSafeFileName, safeFileName } from './file-names.ts';
export { readOutputFiles, type OutputFiles, type OutputLimits } from './output-files.ts';
