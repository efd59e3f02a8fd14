import { Button, FileInput, Group, Text, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { errorMessage, send } from '../../api/client';

export type FileAccess = 'dialog' | 'browser';

/** Whether this computer picks files with its own dialogs (the desktop app) or the browser's download and upload. */
export function useFileAccess(): FileAccess | null {
  const [mode, setMode] = useState<FileAccess | null>(null);
  useEffect(() => {
    send('backup.fileAccess', {}).then(
      (r) => setMode(r.mode),
      () => setMode('browser'),
    );
  }, []);
  return mode;
}

/** The chosen backup: a path picked in the computer's dialog, or a file picked for upload. */
export type BackupFile = { path: string } | { upload: { fileName: string; base64: string } } | null;

const toBase64 = async (file: File): Promise<string> => {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let text = '';
  for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(text);
};

/**
 * Where a backup goes, or which one to restore: a "Choose…" button opening the computer's file
 * dialog, or, without one, a file to upload (restoring) or a note that the backup downloads (saving).
 */
export function BackupFileField({
  purpose,
  mode,
  value,
  onChange,
  error,
}: {
  purpose: 'save' | 'open';
  mode: FileAccess;
  value: BackupFile;
  onChange: (f: BackupFile) => void;
  error?: string | undefined;
}) {
  const [problem, setProblem] = useState<string | null>(null);
  if (mode === 'browser') {
    if (purpose === 'save')
      return <Text size="sm">The backup file will be downloaded: your browser asks where to keep it.</Text>;
    return (
      <FileInput
        label="Backup file"
        placeholder="Choose the backup file"
        description={value && 'upload' in value ? `Ready to restore: ${value.upload.fileName}` : undefined}
        required
        clearable
        error={problem ?? error}
        onChange={(file) => {
          setProblem(null);
          if (!file) return onChange(null);
          toBase64(file).then(
            (base64) => onChange({ upload: { fileName: file.name, base64 } }),
            () => setProblem('That file could not be read. Choose it again.'),
          );
        }}
      />
    );
  }
  const label = purpose === 'save' ? 'Where to save the backup' : 'Backup file';
  return (
    <Group align="flex-end" wrap="nowrap">
      <TextInput
        label={label}
        value={value && 'path' in value ? value.path : ''}
        placeholder="Not chosen yet"
        readOnly
        required
        error={problem ?? error}
        style={{ flex: 1 }}
      />
      <Button
        variant="default"
        onClick={() => {
          setProblem(null);
          send('backup.chooseFile', { purpose }).then(
            (r) => r.path && onChange({ path: r.path }),
            (e: unknown) => setProblem(errorMessage(e)),
          );
        }}
      >
        Choose…
      </Button>
    </Group>
  );
}
