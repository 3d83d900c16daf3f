/** Sao lưu và khôi phục: the data file's state, the backups, and restoring one. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call } from '../api';

export const backupKeys = {
  all: ['backups'] as const,
  status: ['backups', 'status'] as const,
  list: ['backups', 'list'] as const,
};

/**
 * How the data file is held (for writing, or read-only and why). Asked again every minute: damage
 * found while the app runs, or an automatic backup that failed, shows without a reload.
 */
export function useDataFileStatus() {
  return useQuery({ queryKey: backupKeys.status, queryFn: () => call('backups:status', undefined), refetchInterval: 60_000 });
}

/** The backups, newest first; asked again while shown, as automatic ones arrive. */
export function useBackups() {
  return useQuery({ queryKey: backupKeys.list, queryFn: () => call('backups:list', undefined), refetchInterval: 10_000 });
}

export function useCreateBackup() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => call('backups:create', undefined),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: backupKeys.all }),
  });
}

/** After a restore every screen's data is another's: all of it is asked for again. */
export function useRestoreBackup() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => call('backups:restore', { id }),
    onSuccess: () => queryClient.invalidateQueries(),
  });
}

export function useExportAll() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => call('backups:export', undefined),
    // The export is a backup too.
    onSettled: () => queryClient.invalidateQueries({ queryKey: backupKeys.all }),
  });
}

export function useOpenBackupFile() {
  return useMutation({ mutationFn: (fileId: string) => call('backups:openFile', { fileId }) });
}
