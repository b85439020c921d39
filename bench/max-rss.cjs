// Preloaded by bench/build.ts into the build it times: writes the process's peak resident memory
// (KB, from getrusage) to the file BRIEFING_BENCH_RSS names when it exits.
const { writeFileSync } = require('node:fs');
process.on('exit', () => {
  if (process.env.BRIEFING_BENCH_RSS) writeFileSync(process.env.BRIEFING_BENCH_RSS, String(process.resourceUsage().maxRSS));
});
