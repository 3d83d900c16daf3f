/** Messages of Sao lưu và khôi phục and of the data file's state: Vietnamese first; English must cover every key. */
import type { Translations } from '../messages';

export const backupsVi = {
  title: 'Sao lưu và khôi phục',
  intro:
    'HTX Desk tự sao lưu dữ liệu cùng các tệp đính kèm sau khi có thay đổi (nhiều nhất {{every}} một lần), ' +
    'và trước mỗi lần nhập Excel, hoàn tác hay cập nhật cấu trúc dữ liệu. Mỗi bản sao lưu đều được kiểm tra toàn vẹn. ' +
    'Giữ lại 5 bản gần nhất trong ngày, mỗi ngày một bản trong 30 ngày và mỗi tháng một bản trong một năm.',
  minutes_other: '{{count}} phút',
  seconds_other: '{{count}} giây',
  folder: 'Thư mục sao lưu',
  autoFailed: 'Lần sao lưu tự động gần nhất không thành công',
  create: 'Sao lưu ngay',
  created: 'Đã sao lưu dữ liệu lúc {{time}}.',
  exportAll: 'Xuất toàn bộ dữ liệu',
  exportHint: 'Một tệp .zip gồm dữ liệu và các tệp đính kèm, để chuyển sang máy khác hoặc cất giữ.',
  exportTitle: 'Đang xuất toàn bộ dữ liệu',
  exportFailed: 'Không xuất được dữ liệu',
  openFile: 'Mở từ bản sao lưu…',
  openFileHint: 'Chọn tệp .zip do «Xuất toàn bộ dữ liệu» tạo ra (hoặc một tệp dữ liệu .sqlite) để thay cho dữ liệu đang dùng.',
  uploading: 'Đang gửi tệp',
  openTitle: 'Đang mở tệp sao lưu',
  openFailed: 'Không mở được tệp sao lưu',
  empty: 'Chưa có bản sao lưu nào. Bản đầu tiên được tạo sau thay đổi đầu tiên, hoặc khi bấm «Sao lưu ngay».',
  column: {
    takenAt: 'Thời điểm',
    reason: 'Lý do',
    size: 'Dung lượng',
    organizations: 'Tổ chức',
    partners: 'Đối tác',
    events: 'Sự kiện',
    agreements: 'Thỏa thuận',
  },
  reason: {
    auto: 'Tự động',
    manual: 'Sao lưu tay',
    beforeImport: 'Trước khi nhập Excel',
    beforeUndo: 'Trước khi hoàn tác',
    beforeMigration: 'Trước khi cập nhật cấu trúc',
    beforeRestore: 'Trước khi khôi phục',
    export: 'Khi xuất toàn bộ dữ liệu',
    fromFile: 'Khôi phục từ tệp',
  },
  unsound: 'Không toàn vẹn',
  unsoundHint: 'SQLite kiểm tra thấy bản này bị hỏng; bản này được giữ lại nhưng không khôi phục được.',
  datedAhead: 'Ghi ngày sau hôm nay — đồng hồ máy có thể đã sai',
  notCounted: 'không đếm được',
  attachments: '{{count}} tệp đính kèm',
  restore: 'Khôi phục',
  restoreLabel: 'Khôi phục bản sao lưu lúc {{time}}',
  restoreTitle: 'Khôi phục dữ liệu',
  restoreQuestion: 'Dữ liệu sẽ trở về như lúc {{time}}: {{contents}}.',
  restoreSafety: 'Dữ liệu hiện tại được sao lưu an toàn ngay trước khi thay, nên có thể quay lại bất cứ lúc nào.',
  restoreDatedAhead:
    'Bản này ghi ngày {{time}}, sau hôm nay: đồng hồ máy có thể đã sai khi tạo nó, hoặc nó được chép từ máy khác. ' +
    'Vì vậy không biết nó cũ hay mới hơn các bản khác; hãy chắc chắn đây là dữ liệu cần dùng.',
  restoreConfirm: 'Khôi phục',
  restored:
    'Dữ liệu đã trở về như lúc {{time}} (bản sao lưu «{{reason}}»). ' +
    'Dữ liệu ngay trước khi khôi phục được giữ trong bản sao lưu «{{safetyReason}}» lúc {{safety}}.',
  restoreFailed: 'Không khôi phục được',
  contents: '{{organizations}} tổ chức, {{partners}} đối tác, {{events}} sự kiện, {{agreements}} thỏa thuận, {{attachments}} tệp đính kèm',
  fromFileTitle: 'Khôi phục từ tệp sao lưu',
  fromFileQuestion: 'Tệp sao lưu đã được kiểm tra: dữ liệu lúc {{time}} — {{contents}}. Dùng dữ liệu này thay cho dữ liệu đang dùng?',
  banner: {
    damagedTitle: 'Tệp dữ liệu bị hỏng — chỉ xem, không sửa được',
    lockedTitle: 'Tệp dữ liệu đang mở ở máy khác — chỉ xem, không sửa được',
    latest: 'Bản sao lưu tốt gần nhất: lúc {{time}} ({{contents}}).',
    noBackup: 'Chưa có bản sao lưu nào của tệp này. Nếu có tệp do «Xuất toàn bộ dữ liệu» tạo ra, hãy mở nó ở Cài đặt → Sao lưu và khôi phục.',
    onlyDatedAhead_other:
      'Không có bản sao lưu tốt nào ghi ngày đến hôm nay; có {{count}} bản ghi ngày sau hôm nay (đồng hồ máy có thể đã sai). ' +
      'Hãy xem trong danh sách các bản sao lưu và chọn bản cần khôi phục.',
    restoreLatest: 'Khôi phục bản này',
    allBackups: 'Xem các bản sao lưu',
  },
};

export const backupsEn: Translations<typeof backupsVi> = {
  title: 'Backup and restore',
  intro:
    'HTX Desk backs up the data and its attached files after changes (at most once every {{every}}), ' +
    'and before every Excel import, undo or update of the data structure. Every backup is checked for integrity. ' +
    'It keeps the last 5 of today, one a day for 30 days and one a month for a year.',
  minutes_one: 'minute',
  minutes_other: '{{count}} minutes',
  seconds_one: 'second',
  seconds_other: '{{count}} seconds',
  folder: 'Backup folder',
  autoFailed: 'The last automatic backup failed',
  create: 'Back up now',
  created: 'Backed up the data at {{time}}.',
  exportAll: 'Export all data',
  exportHint: 'One .zip file with the data and the attached files, to move to another computer or to keep.',
  exportTitle: 'Exporting all data',
  exportFailed: 'Could not export the data',
  openFile: 'Open from a backup…',
  openFileHint: 'Choose a .zip made by «Export all data» (or a .sqlite data file) to replace the data in use.',
  uploading: 'Sending the file',
  openTitle: 'Opening the backup file',
  openFailed: 'Could not open the backup file',
  empty: 'No backups yet. The first is made after the first change, or with «Back up now».',
  column: {
    takenAt: 'Time',
    reason: 'Reason',
    size: 'Size',
    organizations: 'Organizations',
    partners: 'Partners',
    events: 'Events',
    agreements: 'Agreements',
  },
  reason: {
    auto: 'Automatic',
    manual: 'By hand',
    beforeImport: 'Before an Excel import',
    beforeUndo: 'Before an undo',
    beforeMigration: 'Before a structure update',
    beforeRestore: 'Before a restore',
    export: 'On exporting all data',
    fromFile: 'Restored from a file',
  },
  unsound: 'Damaged',
  unsoundHint: 'SQLite found this copy damaged; it is kept but cannot be restored.',
  datedAhead: 'Dated after today — the computer’s clock may have been wrong',
  notCounted: 'not counted',
  attachments: '{{count}} attached files',
  restore: 'Restore',
  restoreLabel: 'Restore the backup of {{time}}',
  restoreTitle: 'Restore the data',
  restoreQuestion: 'The data will be as it was at {{time}}: {{contents}}.',
  restoreSafety: 'The current data is backed up safely just before it is replaced, so you can always go back.',
  restoreDatedAhead:
    'This backup is dated {{time}}, after today: the computer’s clock may have been wrong when it was made, or it was copied from another computer. ' +
    'So it is not known whether it is older or newer than the others; make sure this is the data you need.',
  restoreConfirm: 'Restore',
  restored: 'The data is back as it was at {{time}} (backup «{{reason}}»). The data just before the restore is kept in the backup «{{safetyReason}}» of {{safety}}.',
  restoreFailed: 'Could not restore',
  contents: '{{organizations}} organizations, {{partners}} partners, {{events}} events, {{agreements}} agreements, {{attachments}} attached files',
  fromFileTitle: 'Restore from a backup file',
  fromFileQuestion: 'The backup file has been checked: the data of {{time}} — {{contents}}. Use it in place of the data in use?',
  banner: {
    damagedTitle: 'The data file is damaged — read-only',
    lockedTitle: 'The data file is open on another computer — read-only',
    latest: 'Latest sound backup: {{time}} ({{contents}}).',
    noBackup: 'This file has no backups yet. If you have a file made by «Export all data», open it in Settings → Backup and restore.',
    onlyDatedAhead_one:
      'No sound backup is dated up to today; one is dated after today (the computer’s clock may have been wrong). See the list of backups and choose the one to restore.',
    onlyDatedAhead_other:
      'No sound backup is dated up to today; {{count}} are dated after today (the computer’s clock may have been wrong). See the list of backups and choose the one to restore.',
    restoreLatest: 'Restore this one',
    allBackups: 'See all backups',
  },
};
