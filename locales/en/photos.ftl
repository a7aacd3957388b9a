## Product photos: problems with a file, and advice about a photo.

photos-unreadable = The file “{ $file }” cannot be read ({ $detail }). Please check that it is still there and not locked.
photos-missing = The file “{ $file }” cannot be found. It may have been moved or deleted, or the memory card was taken out. Please choose the photo again.
photos-denied = This computer does not allow reading “{ $file }”. Please copy the photo into your own folder (for example Pictures or Downloads) and add it again.
photos-folder = “{ $file }” is a folder, not a photo. To add every photo in a folder, choose “Add a whole folder” or drop the folder here.
photos-original-missing = The stored original of “{ $file }” is no longer in the app's data folder (it may have been deleted). Please add this photo again.
photos-empty = The file “{ $file }” is empty (0 bytes). The photo may not have finished copying from the phone; please copy it again.
photos-file-too-big = The file “{ $file }” weighs { $megabytes } MB, too big for a product photo. Please choose a photo under 64 MB.
photos-heic = The photo “{ $file }” is in Apple's HEIC format, which cannot be used yet. Convert it to JPEG first: on the iPhone go to Settings → Camera → Formats → “Most Compatible”, or send it through Zalo and save it again.
photos-not-an-image-kind = The file “{ $file }” is not a photo but a { $kind } file. Please choose a JPEG, PNG or WebP photo.
photos-not-an-image = The file “{ $file }” is not a photo. Please choose a JPEG, PNG or WebP photo.
photos-damaged = The photo “{ $file }” is damaged or was not copied completely. Please copy it from the phone again.
photos-too-large = The photo “{ $file }” is too large ({ $width }×{ $height } pixels). Please make it smaller before adding it.
photos-disk-full = The disk is full, so the photo “{ $file }” was not saved. Please free some space and add it again; the photos already saved are safe.
photos-storage = The photo “{ $file }” could not be saved ({ $detail }). Please try again.
photos-too-heavy = The photo “{ $file }” cannot be compressed below { $kilobytes } KB. Please choose another photo.
photos-finding-too-small = Too small for { $platforms }: { $side } pixels, at least { $min } needed. Take it again from closer, or use the phone's original.
photos-finding-blurry = The photo is blurred. Hold the phone steady, wipe the lens and take it again.
photos-finding-too-dark = The photo is too dark. Take it somewhere bright, near a window or outdoors.
photos-finding-overexposed = The photo is burnt out, with large white areas. Avoid harsh sunlight or a lamp pointing straight at it.
photos-finding-cover-not-square = The cover photo is not square: marketplaces will use a square version (white bands or a centre crop). Check the square preview.
photos-finding-too-few = For { $platforms }: at least { $min } photo(s) needed; this product has { $count }.
photos-finding-few = For { $platforms }: { $recommended } photos recommended; this product has { $count }.
