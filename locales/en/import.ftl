## Importing a product list from a spreadsheet saved as CSV.

import-row-error = Line { $line }: { $problems }
import-missing = { $column } is missing.
import-bad-price = “{ $text }” is not a price. Please write it like 125000, 125.000 or 125k.
import-bad-number = { $column } “{ $text }” is not a number.
import-bad-date = { $column } “{ $text }” is not a date. Please write it like 22/11/2026.
import-bad-quantity = The net quantity “{ $text }” is unclear. Please write it like 500 g, 1.5 l or 10 fruit.
import-certificate-without-date = OCOP stars are filled in but the certificate date is missing.
import-unreadable = Couldn't read the file { $file }: { $detail }. Please check that the file is still there and not locked.
import-utf16 = The file { $file } is saved in UTF-16 encoding, so it can't be imported. In Excel, choose Save As → “CSV UTF-8 (Comma delimited)” and import it again. Nothing has been imported.
import-not-utf8 = The file { $file } is not in UTF-8 encoding (from line { $line }); it is probably Windows-1258 or TCVN3. In Excel, choose Save As → “CSV UTF-8” and import it again. Nothing has been imported.
import-empty = The file { $file } is empty and has no header row. Please choose the right product list file.
import-missing-columns = The file { $file } is missing these columns: { $columns }. Please add columns with headings like “Product name”, “OCOP group”, “Cooperative”. Nothing has been imported.
import-malformed = The file { $file } has a problem at line { $line } ({ $detail }). Please open it again in Excel and save it as CSV UTF-8. Nothing has been imported.
import-summary = Rows read: { $rows }. New products: { $created }; updated products: { $updated }; rows with errors: { $failed }.
import-summary-dry-run = Test run, rows read: { $rows }. Products that would be created: { $created }; updated: { $updated }; rows with errors: { $failed }. Nothing has been changed.
import-cooperatives-created = New cooperatives: { $names }
import-more-errors = … and { $count } more with errors.
import-password = { $file } is protected by a password, so it cannot be read. In Excel, open it, remove the password (File → Info → Protect Workbook), save it and import it again. Nothing was imported.
import-bad-workbook = { $file } is not an Excel file this app can read ({ $detail }). Please open it in Excel and save it as “Excel Workbook (.xlsx)” or CSV UTF-8. Nothing was imported.
import-too-large = { $file } is too large ({ $what }). Please split the list into several smaller files. Nothing was imported.
