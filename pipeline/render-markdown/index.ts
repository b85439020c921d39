export { programDocuments, renderProgramDocuments, type ProgramDocument, type ProgramDocuments, type ProgramEntry } from './program-document.ts';
export { renderIndexDocument } from './index-document.ts';
