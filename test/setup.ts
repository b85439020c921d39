import { cleanUpAfterFile } from './helpers/temp.ts';

// runs in every test file: the folders a file made with tempDir() go when the file is done
cleanUpAfterFile();
