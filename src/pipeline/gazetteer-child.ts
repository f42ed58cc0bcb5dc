// Entry point of the short-lived child process in which gazetteer.ts builds its data (see
// gazetteer-build.ts): writes the GazetteerData as JSON on stdout and exits.

import { buildGazetteerData } from './gazetteer-build.js';

process.stdout.write(JSON.stringify(buildGazetteerData()));
