// Builds Oversight's static files from GOV.UK Frontend into build/static/oversight:
// the stylesheet compiled from assets/oversight.scss, GOV.UK Frontend's script and its images.
import { cpSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import * as sass from "sass";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const govuk = join(root, "node_modules/govuk-frontend/dist/govuk");
const out = join(root, "build/static/oversight");
mkdirSync(out, { recursive: true });

const css = sass.compile(join(root, "assets/oversight.scss"), {
  loadPaths: [join(root, "node_modules")],
  style: "compressed",
  quietDeps: true,
  silenceDeprecations: ["import"],
});
writeFileSync(join(out, "oversight.css"), css.css);
cpSync(join(govuk, "govuk-frontend.min.js"), join(out, "govuk-frontend.min.js"));
cpSync(join(root, "assets/oversight.mjs"), join(out, "oversight.mjs"));
cpSync(join(govuk, "assets/images/favicon.ico"), join(out, "favicon.ico"));
// the compiled stylesheet refers to this image, so the manifest storage needs it to exist
cpSync(join(govuk, "assets/images/govuk-crest.svg"), join(out, "images/govuk-crest.svg"));
console.log(`built ${out}`);
