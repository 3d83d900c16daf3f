/**
 * Files between the window and the backend, in chunks (see contracts/files.ts): an upload becomes
 * a file id the backend works on; a file the backend made is read back and handed to the browser
 * as a download (Electron shows its save dialog for it).
 */
import { FILE_CHUNK_BYTES, type FileChunk } from '../../shared/contract';
import { call } from './api';

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  // String.fromCharCode takes arguments, so a large chunk is converted in slices.
  for (let start = 0; start < bytes.length; start += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(start, start + 0x8000));
  }
  return btoa(binary);
}

function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index += 1) bytes[index] = binary.charCodeAt(index);
  return bytes;
}

/** Sends a file the person chose; `onProgress` gets the share sent, 0..1. */
export async function uploadFile(file: Blob & { name: string }, onProgress?: (share: number) => void): Promise<string> {
  const { fileId } = await call('files:begin', { fileName: file.name });
  for (let offset = 0; offset < file.size; offset += FILE_CHUNK_BYTES) {
    const bytes = new Uint8Array(await file.slice(offset, offset + FILE_CHUNK_BYTES).arrayBuffer());
    await call('files:append', { fileId, chunk: toBase64(bytes) });
    onProgress?.(Math.min(1, (offset + bytes.length) / file.size));
  }
  return fileId;
}

/** Reads a whole file through a chunk reader (a staged export, an attachment). */
export async function readWhole(readAt: (offset: number) => Promise<FileChunk>): Promise<File> {
  const parts: Uint8Array<ArrayBuffer>[] = [];
  let offset: number | null = 0;
  let fileName = '';
  while (offset !== null) {
    const chunk: FileChunk = await readAt(offset);
    fileName = chunk.fileName;
    parts.push(fromBase64(chunk.chunk));
    offset = chunk.nextOffset;
  }
  return new File(parts, fileName);
}

/** Gives the browser a file to save under its own name. */
export function saveFile(file: File): void {
  const url = URL.createObjectURL(file);
  const link = document.createElement('a');
  link.href = url;
  link.download = file.name;
  link.click();
  // The click starts the download synchronously; the URL is no longer needed after this turn.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** Downloads a file the backend staged (an export, a report, the rows an import refused). */
export async function downloadStaged(fileId: string): Promise<void> {
  saveFile(await readWhole((offset) => call('files:read', { fileId, offset })));
}
