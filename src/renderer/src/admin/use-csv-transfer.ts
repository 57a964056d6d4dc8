import { useRef, useState } from 'react';
import type { FieldIssue } from '../../../shared/result';
import type { EditableKind, ReferenceImportResult } from '../../../shared/server-api/reference-admin';
import { useCall } from '../api/use-call';
import { download, withBom } from '../monitor/use-rates';
import { useWorkstation } from '../shell/api-context';
import { useAdminWords } from './use-admin-words';

/** A file being imported: checked by the server first, written only once the admin confirms. */
export interface ImportCheck {
  fileName: string;
  csv: string;
  /** What the check found: the rows it would create and change, or the rows it refused. */
  result: ReferenceImportResult | null;
  issues: FieldIssue[];
  /** The server's words when it refused the file without naming rows. */
  message: string | null;
  applying: boolean;
}

/** The line of the file an issue is about: the server names it first in the issue's path (`line 3`, `3.zh`). */
export const lineOf = (issue: FieldIssue): number | null => {
  const found = /(\d+)/.exec(issue.path);
  return found ? Number(found[1]) : null;
};

/** Export and import of one kind as CSV. */
export function useCsvTransfer(kind: EditableKind | null, onApplied: () => void) {
  const { api } = useWorkstation();
  const { w } = useAdminWords();
  const call = useCall();
  const [check, setCheck] = useState<ImportCheck | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  const exportCsv = async () => {
    if (!kind) return;
    const file = await call(() => api.admin.exportCsv({ kind }), { failure: 'exportAdmin', detail: true });
    if (file) download(file.filename, withBom(file.csv));
  };

  const checkFile = async (file: File) => {
    if (!kind) return;
    const csv = await file.text();
    const base = { fileName: file.name, csv, result: null, issues: [], message: null, applying: false };
    const result = await call(() => api.admin.importCsv({ kind, csv, apply: false }), {
      failure: 'importAdmin',
      handle: (error) => {
        // The rows the server refused are shown in the dialog, by line.
        if (error.code !== 'invalid_input') return false;
        setCheck({ ...base, issues: error.issues, message: error.message });
        return true;
      },
    });
    if (result) setCheck({ ...base, result });
  };

  const apply = async () => {
    if (!kind || !check?.result) return;
    setCheck({ ...check, applying: true });
    const result = await call(() => api.admin.importCsv({ kind, csv: check.csv, apply: true }), {
      failure: 'importAdmin',
      detail: true,
      done: (r) => w('import.applied', { created: r.created, changed: r.changed }),
    });
    if (result) {
      setCheck(null);
      onApplied();
    } else setCheck({ ...check, applying: false });
  };

  return {
    exportCsv,
    /** Opens the file picker; the chosen file is checked at once. */
    pickFile: () => fileInput.current?.click(),
    fileInput,
    onFile: (file: File | undefined) => file && void checkFile(file),
    check,
    apply,
    close: () => setCheck(null),
  };
}

export type CsvTransfer = ReturnType<typeof useCsvTransfer>;
