// upper.js: read one JSON object per line on stdin, answer one per line.
const readline = require("node:readline");

process.stdin.setEncoding("utf8"); // the bytes on the pipe are UTF-8
const lines = readline.createInterface({ input: process.stdin });

lines.on("line", (line) => {
  const request = JSON.parse(line);
  const reply = {
    id: request.id,
    upper: request.text.toUpperCase(),
    chars: [...request.text].length, // code points, like Python's len()
    bytes: Buffer.byteLength(request.text, "utf8"),
  };
  process.stdout.write(JSON.stringify(reply) + "\n");
});
