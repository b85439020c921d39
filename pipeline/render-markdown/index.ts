export { renderProgramDocuments, type ProgramDocument } from './program-document.ts';
export { renderIndexDocument } from './index-document.ts';
