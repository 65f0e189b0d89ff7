import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  closeSync,
  existsSync,
  linkSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  renameSync,
  rmdirSync,
  rmSync,
  statSync,
  unlinkSync,
} from 'node:fs';
import { basename, dirname, join, sep } from 'node:path';
import { LeakriskError } from '@leakrisk/survey';
import { identify, sameFile, type FileIdentity } from './fileIdentity.js';
import { fileSystemError, isSystemError } from './fileSystemError.js';

/** A file the command reads, named by its role in the command (`--data`, `the key file (keyFrom)`, …). */
interface Input {
  role: string;
  path: string;
}

/** An output file: where it goes, and the temporary beside it that the command writes. */
interface StagedFile {
  role: string;
  named: string;
  target: string;
  temporary: string;
  mode?: number;
}

/** An output folder: every file written into `temporary` lands at the same place inside `target`. */
interface StagedFolder {
  role: string;
  named: string;
  target: string;
  temporary: string;
}

/** One file the commit will put in place. `inFolder` is its path inside a folder output. */
interface Placement {
  role: string;
  named: string;
  inFolder?: string;
  temporary: string;
  target: string;
  mode?: number;
  identity: FileIdentity;
  backup?: string;
}

/** A file already named, to compare a new one with. */
interface Known {
  role: string;
  identity: FileIdentity;
  input: boolean;
}

export interface OutputSetOptions {
  /** Mode of the folders the set creates (keygen: 0o700, a key's folder is private). Default: 0o777 less the umask. */
  folderMode?: number;
}

function hiddenName(path: string, what: string): string {
  return join(dirname(path), `.${basename(path)}.leakrisk-${what}-${process.pid}-${randomBytes(4).toString('hex')}`);
}

/** How a message names a placement: its option, and for a file inside a folder output, which file. */
function roleOf(placement: Placement): string {
  return placement.inFolder === undefined ? placement.role : `${placement.role} (${placement.inFolder} in that folder)`;
}

/** Every file inside a folder, as paths relative to it (sub-folders walked). */
function filesIn(folder: string, prefix = ''): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(join(folder, prefix), { withFileTypes: true })) {
    const path = prefix === '' ? entry.name : join(prefix, entry.name);
    if (entry.isDirectory()) found.push(...filesIn(folder, path));
    else found.push(path);
  }
  return found;
}

/** Refuses to write a file where a folder is (or the reverse), and anything over a device, pipe or socket. */
function refuseKind(role: string, named: string, identity: FileIdentity, wanted: 'file' | 'folder'): void {
  if (identity.kind === 'other')
    throw new LeakriskError(`${role} is not a regular file or folder (a device, pipe or socket)`, { file: named }, 'name a new file or folder');
  if (wanted === 'file' && identity.kind === 'folder') throw fileSystemError(Object.assign(new Error(), { code: 'EISDIR' }), named, role);
  if (wanted === 'folder' && identity.kind === 'file') throw fileSystemError(Object.assign(new Error(), { code: 'EEXIST' }), named, role);
}

/**
 * The output guard: every file a command writes goes through one `OutputSet`. The command names the
 * files it reads (`reads`) and then each file or folder it will write (`file`, `folder`); each output
 * is compared at once, by real path (symbolic links resolved, also in the folders above it) and by
 * device and inode (hard links), with every input and every other output, and a clash is a
 * LeakriskError naming both roles before anything is written. Each output gets a temporary beside
 * its target, which the command fills; `commit` checks everything again (now including every file
 * written into a folder output, and inputs named late) and renames the temporaries into place
 * together, putting back what was there if a rename fails; `discard` removes every temporary and
 * every folder the set made. File-system errors become one-line LeakriskErrors.
 *
 * Use it through {@link withOutputs}, which commits when the command's work returns and discards
 * when it throws.
 */
export class OutputSet {
  private readonly inputs: Input[] = [];
  private readonly files: StagedFile[] = [];
  private readonly folders: StagedFolder[] = [];
  /** Folders the set created, outermost first (removed on discard when still empty). */
  private readonly createdFolders: string[] = [];
  private finished = false;

  constructor(private readonly options: OutputSetOptions = {}) {}

  /** Names a file the command reads (`undefined` is ignored). Checked against every output, now and at commit. */
  reads(role: string, path: string | undefined): this {
    if (path === undefined) return this;
    this.inputs.push({ role, path });
    const input = identify(path);
    for (const output of [...this.files, ...this.folders])
      this.refuseClash(output.role, output.named, identify(output.target), [{ role, identity: input, input: true }]);
    return this;
  }

  /**
   * Declares a file the command will write and returns the temporary to write it into (it exists,
   * empty, with `mode`). Throws when the path is an input, another output, a folder, or cannot be
   * written (no permission, a missing or read-only disk, a file where a folder should be).
   */
  file(role: string, path: string, options: { mode?: number } = {}): string {
    this.assertOpen();
    const identity = identify(path);
    this.refuseClash(role, path, identity, this.knownFiles());
    refuseKind(role, path, identity, 'file');
    const target = identity.resolved;
    this.makeFolders(dirname(target), path, role);
    const temporary = hiddenName(target, 'new');
    try {
      closeSync(openSync(temporary, 'wx', options.mode ?? 0o666));
    } catch (error) {
      throw isSystemError(error) ? fileSystemError(error, path, role) : error;
    }
    this.files.push({ role, named: path, target, temporary, ...(options.mode === undefined ? {} : { mode: options.mode }) });
    return temporary;
  }

  /**
   * Declares a folder the command will write files into (created when missing; files already there
   * and not written stay) and returns an empty temporary folder to write them into. Throws when the
   * path is an existing file, an input, or cannot be written.
   */
  folder(role: string, path: string): string {
    this.assertOpen();
    const identity = identify(path);
    this.refuseClash(role, path, identity, this.knownFiles());
    refuseKind(role, path, identity, 'folder');
    const target = identity.resolved;
    this.makeFolders(dirname(target), path, role);
    let temporary: string;
    try {
      temporary = mkdtempSync(`${hiddenName(target, 'new')}-`);
    } catch (error) {
      throw isSystemError(error) ? fileSystemError(error, path, role) : error;
    }
    this.folders.push({ role, named: path, target, temporary });
    return temporary;
  }

  /**
   * Puts every output in place: checks all of them again (inputs named late, every file written into
   * a folder output, links made meanwhile), then renames the temporaries over their targets. If a
   * rename fails, the files already renamed are put back as they were and nothing new remains.
   */
  commit(): void {
    this.assertOpen();
    const placements = this.placements();
    try {
      const known = this.inputs.map((input) => ({ role: input.role, identity: identify(input.path), input: true }));
      for (const placement of placements) {
        const role = roleOf(placement);
        this.refuseClash(role, placement.named, placement.identity, known);
        refuseKind(role, placement.named, placement.identity, 'file');
        this.makeFolders(dirname(placement.target), placement.named, placement.role);
        known.push({ role, identity: placement.identity, input: false });
      }
    } catch (error) {
      this.discard();
      throw error;
    }
    const done: Placement[] = [];
    let current: Placement | undefined;
    try {
      for (const placement of placements) {
        current = placement;
        if (placement.identity.kind === 'file') {
          placement.backup = hiddenName(placement.target, 'old');
          try {
            linkSync(placement.target, placement.backup); // a second name for the old file, to put it back if a later rename fails
          } catch {
            delete placement.backup;
          }
        }
        if (placement.mode !== undefined) chmodSync(placement.temporary, placement.mode);
        renameSync(placement.temporary, placement.target);
        done.push(placement);
      }
    } catch (error) {
      for (const placement of done.reverse()) {
        try {
          if (placement.backup !== undefined) renameSync(placement.backup, placement.target);
          else unlinkSync(placement.target);
        } catch {
          // best effort: the error below says what failed
        }
      }
      for (const placement of placements) if (placement.backup !== undefined) rmSync(placement.backup, { force: true });
      this.discard();
      if (isSystemError(error) && current !== undefined) throw fileSystemError(error, current.named, roleOf(current));
      throw error;
    }
    for (const placement of placements) if (placement.backup !== undefined) rmSync(placement.backup, { force: true });
    for (const folder of this.folders) rmSync(folder.temporary, { recursive: true, force: true });
    this.finished = true;
  }

  /** Removes every temporary and every folder this set made; the targets stay as they were. Safe to call twice. */
  discard(): void {
    if (this.finished) return;
    this.finished = true;
    for (const file of this.files) rmSync(file.temporary, { recursive: true, force: true }); // recursive: whatever a writer left under our name
    for (const folder of this.folders) rmSync(folder.temporary, { recursive: true, force: true });
    for (const folder of [...this.createdFolders].reverse()) {
      try {
        rmdirSync(folder); // only when empty: never a folder that holds anything
      } catch {
        // not empty, or gone
      }
    }
  }

  private assertOpen(): void {
    if (this.finished) throw new Error('OutputSet: the outputs were already committed or discarded');
  }

  /** Every file and folder named so far, for the check of a new output. */
  private knownFiles(): Known[] {
    return [
      ...this.inputs.map((input) => ({ role: input.role, identity: identify(input.path), input: true })),
      ...this.files.map((file) => ({ role: file.role, identity: identify(file.target), input: false })),
      ...this.folders.map((folder) => ({ role: folder.role, identity: identify(folder.target), input: false })),
    ];
  }

  private refuseClash(role: string, named: string, identity: FileIdentity, others: Known[]): void {
    const clash = others.find((other) => sameFile(identity, other.identity));
    if (clash === undefined) return;
    throw new LeakriskError(
      `${role} is the same file as ${clash.role}`,
      { file: named },
      clash.input ? 'an input is never overwritten: write the output to a new file or folder' : 'give each output its own file',
    );
  }

  /** The files the commit puts in place: each output file, and each file written into a folder output. */
  private placements(): Placement[] {
    const placements: Placement[] = this.files.map((file) => ({
      role: file.role,
      named: file.named,
      temporary: file.temporary,
      target: file.target,
      identity: identify(file.target),
      ...(file.mode === undefined ? {} : { mode: file.mode }),
    }));
    for (const folder of this.folders) {
      for (const inside of filesIn(folder.temporary)) {
        const target = join(folder.target, inside);
        placements.push({
          role: folder.role,
          named: join(folder.named, inside),
          inFolder: inside.split(sep).join('/'),
          temporary: join(folder.temporary, inside),
          target,
          identity: identify(target),
        });
      }
    }
    return placements;
  }

  /** Creates `folder` and any missing folder above it (recording them for discard); a file in the way is a one-line error. */
  private makeFolders(folder: string, named: string, role: string): void {
    const missing: string[] = [];
    for (let path = folder; !existsSync(path); path = dirname(path)) {
      missing.unshift(path);
      if (dirname(path) === path) break;
    }
    try {
      for (const path of missing) {
        mkdirSync(path, this.options.folderMode === undefined ? {} : { mode: this.options.folderMode });
        if (this.options.folderMode !== undefined) chmodSync(path, this.options.folderMode); // the umask must not widen or narrow it
        this.createdFolders.push(path);
      }
      if (!statSync(folder).isDirectory()) throw Object.assign(new Error('not a folder'), { code: 'ENOTDIR' });
    } catch (error) {
      throw isSystemError(error) ? fileSystemError(error, named, role) : error;
    }
  }
}
