/**
 * Moving files between the window and the backend in chunks, the same way under Electron's IPC
 * and over the web host: an upload is staged in the data folder and named by a file id that the
 * import (or an attachment) then refers to; an export is staged the same way and read back.
 */
import { z } from 'zod';
import { channel, requiredText } from './define';

/** Base64 of at most 3 MiB per call, so one call stays well under the web host's body limit. */
export const FILE_CHUNK_BYTES = 3 * 1024 * 1024;

export const fileId = z.uuid({ error: 'Mã tệp không hợp lệ; hãy chọn lại tệp.' });

export interface FileChunk {
  fileName: string;
  /** Base64 of the bytes from `offset`. */
  chunk: string;
  size: number;
  /** Where the next chunk starts; null when this was the last. */
  nextOffset: number | null;
}

export const filesContract = {
  'files:begin': channel<{ fileId: string }>()(z.object({ fileName: requiredText('Tên tệp', 255) })),
  'files:append': channel<{ size: number }>()(
    z.object({ fileId, chunk: z.base64({ error: 'Dữ liệu tệp bị hỏng khi gửi; hãy chọn lại tệp.' }) }),
  ),
  'files:read': channel<FileChunk>()(z.object({ fileId, offset: z.number().int().min(0).default(0) })),
};
