// Compiles each topic (topics/<id>.yaml) to dist/topics/<id>.json after tsc has written dist/: the
// parsed and validated topic with the SHA-256 of its YAML. `verify` reads the compiled topic when it
// was made from the same YAML, so it loads neither the YAML parser nor the topic schema (about a
// fifth of its start-up). Run by `npm run build`.
import { writeCompiledTopics } from "../dist/read/compile-topics.js";

const root = new URL("..", import.meta.url);
writeCompiledTopics(new URL("topics/", root), new URL("dist/topics/", root));
