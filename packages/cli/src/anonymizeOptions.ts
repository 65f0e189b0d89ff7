/** The options of `leakrisk anonymize` as commander parses them (shared by the command, its `--init` and main.ts). */
export interface AnonymizeCliOptions {
  data: string;
  config?: string;
  out?: string;
  audit?: string;
  codebook?: string;
  plan?: string;
  init?: boolean;
  quiet?: boolean;
}
