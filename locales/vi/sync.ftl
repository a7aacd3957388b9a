# Đồng bộ lên các sàn: trạng thái của từng sản phẩm trên cửa hàng, lỗi khi chuẩn bị gửi.

sync-state-queued = Đang chờ gửi
sync-state-uploading_photos = Đang tải ảnh lên
sync-state-submitted = Đã gửi
sync-state-under_review = Sàn đang duyệt
sync-state-live = Đang bán
sync-state-rejected = Bị sàn từ chối
sync-state-failed = Gửi lỗi
sync-state-conflict = Khác với trên sàn
sync-state-withdrawn = Đã gỡ khỏi sàn

sync-no-category = Chưa biết ngành hàng “{ $category }” trên { $platform }. Hãy chọn ngành hàng trong thẻ Đăng bán, hoặc tải danh mục của cửa hàng (chophien shop categories).
sync-missing-attributes = Sàn bắt buộc thêm các thuộc tính: { $names }. Hãy điền chúng trong thẻ Đăng bán.
sync-no-variant = Sản phẩm chưa có phân loại nào để bán (mã SKU, giá). Hãy thêm một phân loại.
sync-no-photo = Sản phẩm chưa có ảnh nào cho sàn này. Hãy thêm ảnh.
sync-retry-at = Sẽ thử lại lúc { $at }

sync-withdraw-queued = “{ $name }” sẽ được gỡ khỏi { $shop } ở lần gửi tới (sản phẩm vẫn còn trong danh mục của bạn).
sync-withdraw-dropped = Đã bỏ “{ $name }” khỏi hàng chờ của { $shop }; sản phẩm chưa lên sàn.
sync-withdraw-not-there = “{ $name }” chưa được đưa lên { $shop }, không có gì để gỡ.
