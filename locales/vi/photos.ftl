## Product photos: problems with a file, and advice about a photo.

photos-unreadable = Không đọc được tệp “{ $file }” ({ $detail }). Vui lòng kiểm tra tệp còn đó và không bị khoá.
photos-missing = Không tìm thấy tệp “{ $file }”. Có thể tệp đã bị chuyển đi, bị xoá, hoặc thẻ nhớ đã được rút ra. Vui lòng chọn lại ảnh.
photos-denied = Máy không cho phép đọc tệp “{ $file }”. Vui lòng chép ảnh vào thư mục của bạn (ví dụ Ảnh hoặc Tải về) rồi thêm lại.
photos-folder = “{ $file }” là một thư mục, không phải ảnh. Để thêm mọi ảnh trong thư mục, hãy chọn “Thêm cả thư mục” hoặc kéo thả thư mục vào.
photos-original-missing = Ảnh gốc “{ $file }” không còn trong thư mục dữ liệu của ứng dụng (có thể đã bị xoá). Vui lòng thêm lại ảnh này.
photos-empty = Tệp “{ $file }” trống (0 byte). Có lẽ ảnh chưa chép xong từ điện thoại; vui lòng chép lại.
photos-file-too-big = Tệp “{ $file }” nặng { $megabytes } MB, quá lớn để làm ảnh sản phẩm. Vui lòng chọn ảnh dưới 64 MB.
photos-heic = Ảnh “{ $file }” ở định dạng HEIC của iPhone nên chưa dùng được. Hãy đổi sang JPEG trước: trên iPhone vào Cài đặt → Camera → Định dạng → “Tương thích nhất”, hoặc gửi ảnh qua Zalo rồi tải về lại.
photos-not-an-image-kind = Tệp “{ $file }” không phải ảnh mà là tệp { $kind }. Vui lòng chọn ảnh JPEG, PNG hoặc WebP.
photos-not-an-image = Tệp “{ $file }” không phải ảnh. Vui lòng chọn ảnh JPEG, PNG hoặc WebP.
photos-damaged = Ảnh “{ $file }” bị hỏng hoặc chưa chép đủ. Vui lòng chép lại ảnh từ điện thoại.
photos-too-large = Ảnh “{ $file }” quá lớn ({ $width }×{ $height } điểm ảnh). Vui lòng thu nhỏ ảnh trước khi thêm.
photos-disk-full = Ổ đĩa đầy nên chưa lưu được ảnh “{ $file }”. Vui lòng xoá bớt tệp rồi thêm lại; các ảnh đã có vẫn an toàn.
photos-storage = Không lưu được ảnh “{ $file }” ({ $detail }). Vui lòng thử lại.
photos-too-heavy = Không nén được ảnh “{ $file }” xuống dưới { $kilobytes } KB. Vui lòng chọn ảnh khác.
photos-finding-too-small = Ảnh nhỏ quá cho { $platforms }: { $side } điểm ảnh, cần ít nhất { $min }. Hãy chụp lại gần hơn hoặc dùng ảnh gốc từ điện thoại.
photos-finding-blurry = Ảnh bị nhòe. Hãy giữ chắc máy, lau ống kính rồi chụp lại.
photos-finding-too-dark = Ảnh tối quá. Hãy chụp ở chỗ sáng, gần cửa sổ hoặc ngoài trời.
photos-finding-overexposed = Ảnh bị cháy sáng, nhiều chỗ trắng xoá. Hãy tránh nắng gắt hoặc đèn chiếu thẳng.
photos-finding-cover-not-square = Ảnh bìa chưa vuông: sàn sẽ dùng bản vuông (thêm nền trắng hoặc cắt ở giữa). Hãy xem trước bản vuông.
photos-finding-too-few = { $platforms } cần ít nhất { $min } ảnh; sản phẩm mới có { $count }.
photos-finding-few = { $platforms } khuyên nên có { $recommended } ảnh; sản phẩm mới có { $count }.
