// The extension loads in a real VS Code: it is installed, activates, and registers every command its
// package.json contributes. The manifest is read from disk when the suite loads, so commands added
// later are checked without touching this file.
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';

const EXTENSION_ID = 'guestbook-tools.tallyfy-guests';

interface ContributedCommand { command: string; title?: string }

function contributedCommands(extensionPath: string): ContributedCommand[] {
  const manifest = JSON.parse(fs.readFileSync(path.join(extensionPath, 'package.json'), 'utf8')) as {
    contributes?: { commands?: ContributedCommand[] };
  };
  const commands = manifest.contributes?.commands ?? [];
  assert.ok(Array.isArray(commands), 'contributes.commands must be an array');
  return commands;
}

describe('Extension activation', () => {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);

  it(`is installed as ${EXTENSION_ID}`, () => {
    assert.ok(extension, `${EXTENSION_ID} is not among ${vscode.extensions.all.length} loaded extensions`);
  });

  it('activates without throwing', async () => {
    assert.ok(extension);
    await extension.activate();
    assert.equal(extension.isActive, true);
  });

  describe('contributed commands are registered', () => {
    const commands = extension ? contributedCommands(extension.extensionPath) : [];

    if (commands.length === 0) {
      it('package.json contributes no commands yet: nothing to check', () => {
        assert.ok(extension, 'the extension must be present to read its manifest');
        assert.deepEqual(contributedCommands(extension.extensionPath), []);
      });
    }

    for (const { command, title } of commands) {
      it(`${command}${title ? ` (${title})` : ''}`, async () => {
        await extension?.activate();
        const registered = await vscode.commands.getCommands(true);
        assert.ok(registered.includes(command), `${command} is contributed in package.json but not registered after activation`);
      });
    }
  });
});
