import { runCli } from './run-cli';

runCli(process.argv.slice(2), process.env, (line) => console.log(line), (line) => console.error(line)).then(
  (code) => process.exit(code),
);
