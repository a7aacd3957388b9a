## Offline exchange: bundles between laptops, backups and restore.

exchange-io = Could not read or write { $file }: { $detail }. Please check that the disk has free space and the folder is writable.
exchange-not-a-bundle = { $file } is not a Chợ Phiên bundle (.chophien), or it is damaged or cut short. Please ask the sender to send it again. Nothing was imported.
exchange-not-a-backup = { $file } is not a Chợ Phiên backup, or it is damaged or cut short. Please choose another backup. Your current data is unchanged.
exchange-unsafe-entry = { $file } holds an unsafe entry “{ $entry }” (a path outside, a link or an unexpected item). The file may have been tampered with, so it was not opened. Nothing was imported.
exchange-too-large = { $file } has an entry “{ $entry }” larger than it declares (possibly a zip bomb). Nothing was imported.
exchange-checksum-mismatch = { $file } is damaged: the entry “{ $entry }” does not match its checksum. Please ask the sender to send it again. Nothing was imported.
exchange-missing-entry = { $file } is incomplete: the entry “{ $entry }” is missing or not listed in its contents. Please ask the sender to send it again. Nothing was imported.
exchange-newer-format = { $file } was made by a newer Chợ Phiên (format { $found }; this one reads up to { $supported }). Please update Chợ Phiên and open it again. Nothing was imported.
exchange-bad-record = { $file } has an invalid { $kind } record { $id } ({ $detail }). Nothing was imported.
exchange-photo-damaged = The photo { $photo } in the photo store is damaged and cannot be exported. Please import that photo for its product again and retry.
exchange-conflict-not-found = This conflict was not found; it may have been resolved already.
exchange-cancelled = Stopped. Nothing was changed.
exchange-bundle-exported = Exported { $records } records and { $photos } photos to { $file }.
exchange-bundle-imported = Imported: { $added } added, { $updated } updated, { $unchanged } the same, { $kept } kept from this computer, { $conflicts } in conflict, { $photos } new photos.
exchange-conflicts-waiting = { $count } items were edited on both computers. See them with “chophien bundle conflicts” and choose which version to keep.
exchange-no-conflicts = No conflicts.
exchange-conflict-row = { $id }  { $kind } { $record }: this computer “{ $local }”, received “{ $incoming }”
exchange-conflict-resolved = Conflict resolved.
exchange-backup-made = Backed up the catalog and its photos to { $file }.
exchange-backup-not-due = Today's automatic backup already exists.
exchange-restored = Restored from the backup. The previous data is kept in { $previous }.
exchange-restored-fresh = Restored from the backup.
