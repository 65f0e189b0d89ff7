/** The options of `leakrisk anonymize` as commander parses them (shared by the command, its `--init` and main.ts). */
export interface AnonymizeCliOptions {
  data: string;
  config?: string;
  out?: string;
  audit?: string;
  codebook?: string;
  plan?: string;
  /** With a config `design` block and `--plan`: where the plan for the released file goes (default beside `--out`). */
  releasedPlan?: string;
  init?: boolean;
  quiet?: boolean;
}
