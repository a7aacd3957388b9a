## Errors: each says what happened and what to do.

errors-field-problem = { $field }: { $problem }
errors-required = not filled in. Please fill this in.
errors-too-long = too long. Please shorten it to { $max } characters at most.
errors-out-of-range = not valid. Please enter a number from { $min } to { $max }.
errors-stars-out-of-range = { $stars } is not possible. OCOP certificates only have 3, 4 or 5 stars.
errors-price-not-positive = must be more than 0 ₫. Please enter the selling price.
errors-price-too-high = higher than allowed ({ $max }). Did you type an extra zero?
errors-valid-until-before-valid-from = the end date is before the start date. Please check both dates on the certificate again.
errors-duplicate-sku = the code “{ $sku }” is already used for the product “{ $product }” of the same cooperative. Please choose a different code.
errors-unknown-subgroup = “{ $code }” is not an OCOP product group. Please choose one of the 26 groups (for example, I.2.b is honey).
errors-unknown-cooperative = this cooperative doesn't exist or is in the trash. Please choose another cooperative, or bring it back from the trash first.
errors-invalid-barcode = not a valid barcode. A barcode has 8, 12, 13 or 14 digits; please type it again exactly as printed on the packaging.
errors-invalid-phone = not a phone number. Please enter 8 to 15 digits, for example 0912 345 678.
errors-not-found = The { $kind } “{ $reference }” was not found. It may have been deleted for good; please check the ID.
errors-ambiguous = More than one { $kind } matches “{ $reference }”. Please type a longer ID.
errors-data-dir-unavailable = Couldn't create or open the data folder { $path }. Please check that you are allowed to save there, or choose another folder.
errors-read-only = Couldn't save to the catalog { $path } (the file or folder is read-only). Please allow saving there, or copy the catalog to your own folder.
errors-newer-version = The catalog { $path } was made by a newer version of Chợ Phiên. Please update the app; the file has been left as it is.
errors-not-a-catalog = The file { $path } is not a Chợ Phiên catalog. Please choose the right file; this one has not been changed.
errors-corrupt = The catalog { $path } is damaged and can't be read. The file has been left as it is; please restore it from your latest backup.
errors-busy = The catalog { $path } is busy because another program is saving to it. Please wait a moment and try again.
errors-disk-full = The disk holding { $path } is full, so nothing could be saved. Please delete some files and try again; your existing data is safe.
errors-cancelled = Stopped partway. Nothing has been saved; you can do it again at any time.
errors-database = Something went wrong while reading or saving the catalog ({ $detail }). Please try again; if it still fails, restore it from a backup.
errors-demo-broken = The sample data that comes with the app is damaged ({ $detail }). Please reinstall the app.
