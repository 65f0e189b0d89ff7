import { OutputSet, type OutputSetOptions } from './outputSet.js';

/**
 * Runs a command's work with a fresh {@link OutputSet}: when the work returns, every output is put in
 * place together; when it throws (a user error, a clash, a full disk), every temporary is removed and
 * the error passes on. Either way no partial output remains and no input is touched.
 *
 * @example
 * await withOutputs(async (outputs) => {
 *   outputs.reads('--data', options.data);
 *   const csv = outputs.file('--out', options.out);   // checked now, before the work
 *   writeFileSync(csv, await work());
 * }); // renamed into place here
 */
export async function withOutputs<T>(work: (outputs: OutputSet) => Promise<T> | T, options: OutputSetOptions = {}): Promise<T> {
  const outputs = new OutputSet(options);
  let result: T;
  try {
    result = await work(outputs);
  } catch (error) {
    outputs.discard();
    throw error;
  }
  outputs.commit();
  return result;
}
