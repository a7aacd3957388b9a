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
exchange-conflict-local-changed = This computer's copy was edited after the bundle arrived, so the received version was not taken (that edit would be lost). The comparison now shows the latest copy: look again, then choose.
exchange-cancelled = Stopped. Nothing was changed.
exchange-bundle-exported = Exported { $records } records and { $photos } photos to { $file }.
exchange-bundle-imported = Imported: { $added } added, { $updated } updated, { $unchanged } the same, { $kept } kept from this computer, { $conflicts } in conflict, { $photos } new photos.
exchange-conflicts-waiting = { $count } items were edited on both computers. See them with “chophien bundle conflicts” and choose which version to keep.
exchange-no-conflicts = No conflicts.
exchange-conflict-row = { $id }  { $title }
exchange-conflict-field = – { $field }: this computer “{ $local }” · received “{ $incoming }”
exchange-conflict-title = { $kind ->
        [cooperative] Cooperative
        [product] Product
        [certificate] Certificate
        [variant] Variant
        [photo] Photo
        [listing] Listing
        [proof] Proof
        [script] Script
       *[other] Item
    } “{ $name }”
exchange-conflict-resolved = Conflict resolved.
exchange-backup-made = Backed up the catalog and its photos to { $file }.
exchange-backup-not-due = Today's automatic backup already exists.
exchange-restored = Restored from the backup. The previous data is kept in { $previous }.
exchange-restored-fresh = Restored from the backup.

## Bulk-upload spreadsheets for Seller Center.

exchange-no-bulk-template = { $platform } has no bulk-upload template. Please choose TikTok Shop, Shopee or Lazada.
exchange-not-a-template = { $file } is not a { $platform } mass-upload template: none of the platform's columns are in its first rows. Download the template from { $platform } Seller Center (bulk upload), leave its first rows as they are, and choose that file again. Nothing was written.
exchange-template-not-xlsx = The template { $file } has a password or is an old Excel file (.xls). Open it in Excel, remove the password if any (File → Info → Protect Workbook), save it as .xlsx and choose it again. Nothing was written.
exchange-template-damaged = The template { $file } is damaged and cannot be filled ({ $detail }). Download it again from Seller Center and choose it again. Nothing was written.
exchange-bulk-template-filled = Filled { $rows } rows into the platform's template, sheet “{ $sheet }”, from row { $first }: { $file }. Upload this file to Seller Center.
exchange-bulk-template-missing = This template has no column for: { $columns }. That information is not in the filled file.
exchange-bulk-exported = Wrote { $rows } rows ({ $products } products) to { $file }, photos in the folder { $folder }.
exchange-bulk-skipped = { $count } products were left out because they still have problems to fix:
exchange-bulk-skipped-line = – { $product }: { $reasons }
exchange-bulk-sheet-guide = How to upload
exchange-bulk-sheet-skipped = Left out
exchange-bulk-skipped-product = Product
exchange-bulk-skipped-reasons = To fix before listing
exchange-bulk-guide-1 = 1. This file has { $rows } rows for { $platform }, one per variant (SKU). Only products that passed their checks are here; the “Left out” sheet says what the others still need.
exchange-bulk-guide-2 = 2. In the { $platform } Seller Center, open the batch upload tool and download the latest template for the right category.
exchange-bulk-guide-3 = 3. Upload the photos in the folder { $folder } to the { $platform } Media Center, then replace each photo's file name in the image columns with that photo's link.
exchange-bulk-guide-4 = 4. Copy the rows (from row 3) into the template you downloaded, matching the column names in row 1. Check the category column: choose the category from the template's list.
exchange-bulk-guide-5 = 5. Save the template, upload it to the Seller Center and read the result: for each failed row, { $platform } writes the reason in the last column.
exchange-col-category = Category
exchange-col-brand = Brand
exchange-col-name = Product name
exchange-col-description = Product description
exchange-col-parent-sku = Product SKU
exchange-col-variation-group = Variation group number
exchange-col-variation-name = Variation name
exchange-col-variation-value = Variation
exchange-col-price = Price (đồng)
exchange-col-stock = Stock
exchange-col-sku = Variant SKU
exchange-col-gtin = Barcode (GTIN)
exchange-col-gtin-type = Code type
exchange-col-cover-image = Cover image
exchange-col-image = Product image
exchange-col-weight-kg = Weight (kg)
exchange-col-length-cm = Length (cm)
exchange-col-width-cm = Width (cm)
exchange-col-height-cm = Height (cm)
