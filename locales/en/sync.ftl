# Sync to the marketplaces: where each product stands on a shop, problems preparing it.

sync-state-queued = Waiting to send
sync-state-uploading_photos = Uploading photos
sync-state-submitted = Sent
sync-state-under_review = Under review
sync-state-live = Live
sync-state-rejected = Rejected by the marketplace
sync-state-failed = Sending failed
sync-state-conflict = Differs from the marketplace
sync-state-withdrawn = Taken down

sync-no-category = The category “{ $category }” is not known on { $platform }. Choose a category on the Listing tab, or fetch the shop's categories (chophien shop categories).
sync-missing-attributes = The marketplace requires these attributes: { $names }. Fill them in on the Listing tab.
sync-no-variant = The product has no variant to sell (SKU, price). Add one.
sync-no-photo = The product has no photo for this marketplace. Add photos.
sync-retry-at = Tried again at { $at }

sync-withdraw-queued = “{ $name }” will be taken down from { $shop } at the next sync (it stays in your catalog).
sync-withdraw-dropped = Took “{ $name }” out of the queue for { $shop }; it had not reached the platform.
sync-withdraw-not-there = “{ $name }” is not on { $shop }: nothing to take down.
