## Offline exchange: bundles between laptops, backups and restore.

exchange-io = Không đọc hoặc ghi được tệp { $file }: { $detail }. Vui lòng kiểm tra ổ đĩa còn chỗ trống và thư mục cho phép ghi.
exchange-not-a-bundle = Tệp { $file } không phải gói dữ liệu Chợ Phiên (.chophien) hoặc đã bị hỏng, thiếu phần cuối. Vui lòng xin người gửi gửi lại tệp. Chưa có gì được nhập.
exchange-not-a-backup = Tệp { $file } không phải bản sao lưu Chợ Phiên hoặc đã bị hỏng, thiếu phần cuối. Vui lòng chọn bản sao lưu khác. Dữ liệu hiện tại vẫn giữ nguyên.
exchange-unsafe-entry = Tệp { $file } chứa mục “{ $entry }” không an toàn (đường dẫn ra ngoài, liên kết hoặc mục lạ). Tệp này có thể đã bị sửa, nên không được mở. Chưa có gì được nhập.
exchange-too-large = Tệp { $file } có mục “{ $entry }” quá lớn so với khai báo (có thể là tệp nén độc hại). Chưa có gì được nhập.
exchange-checksum-mismatch = Tệp { $file } bị hỏng: mục “{ $entry }” không khớp mã kiểm tra. Vui lòng xin người gửi gửi lại tệp. Chưa có gì được nhập.
exchange-missing-entry = Tệp { $file } không đầy đủ: mục “{ $entry }” bị thiếu hoặc không có trong danh mục. Vui lòng xin người gửi gửi lại tệp. Chưa có gì được nhập.
exchange-newer-format = Tệp { $file } được tạo bởi phiên bản Chợ Phiên mới hơn (định dạng { $found }, phiên bản này đọc được đến { $supported }). Vui lòng cập nhật Chợ Phiên rồi mở lại. Chưa có gì được nhập.
exchange-bad-record = Tệp { $file } có bản ghi { $kind } { $id } không hợp lệ ({ $detail }). Chưa có gì được nhập.
exchange-photo-damaged = Ảnh { $photo } trong kho ảnh đã bị hỏng nên không xuất được. Vui lòng nhập lại ảnh này cho sản phẩm rồi thử lại.
exchange-conflict-not-found = Không tìm thấy mục xung đột này, có thể đã được xử lý rồi.
exchange-conflict-local-changed = Bản của máy này đã được sửa sau khi nhận gói, nên chưa lấy bản nhận được (để không mất chỗ vừa sửa). Bảng so sánh đã cập nhật bản mới nhất: hãy xem lại rồi chọn.
exchange-cancelled = Đã dừng. Chưa có gì thay đổi.
exchange-bundle-exported = Đã xuất { $records } bản ghi và { $photos } ảnh vào { $file }.
exchange-bundle-imported = Đã nhập: thêm { $added }, cập nhật { $updated }, giống nhau { $unchanged }, giữ bản của máy này { $kept }, xung đột { $conflicts }, ảnh mới { $photos }.
exchange-conflicts-waiting = Có { $count } mục bị sửa ở cả hai máy. Xem bằng “chophien bundle conflicts” và chọn bản giữ lại.
exchange-no-conflicts = Không có xung đột nào.
exchange-conflict-row = { $id }  { $title }
exchange-conflict-field = – { $field }: máy này “{ $local }” · nhận được “{ $incoming }”
exchange-conflict-title = { $kind ->
        [cooperative] Hợp tác xã
        [product] Sản phẩm
        [certificate] Giấy chứng nhận
        [variant] Phân loại
        [photo] Ảnh
        [listing] Tin đăng
        [proof] Giấy tờ chứng minh
        [script] Kịch bản
       *[other] Mục
    } “{ $name }”
exchange-conflict-resolved = Đã xử lý xung đột.
exchange-backup-made = Đã sao lưu danh mục và ảnh vào { $file }.
exchange-backup-not-due = Hôm nay đã có bản sao lưu tự động.
exchange-restored = Đã khôi phục từ bản sao lưu. Dữ liệu trước đó được giữ ở { $previous }.
exchange-restored-fresh = Đã khôi phục từ bản sao lưu.

## Bulk-upload spreadsheets for Seller Center.

exchange-no-bulk-template = { $platform } chưa có mẫu tải hàng loạt. Vui lòng chọn TikTok Shop, Shopee hoặc Lazada.
exchange-not-a-template = Tệp { $file } không phải mẫu đăng tải hàng loạt của { $platform }: không thấy cột nào của sàn ở các dòng đầu. Hãy tải mẫu từ Seller Center của { $platform } (mục đăng hàng loạt), đừng sửa các dòng đầu, rồi chọn lại tệp đó. Chưa có gì được ghi.
exchange-template-not-xlsx = Tệp mẫu { $file } có đặt mật khẩu hoặc là Excel đời cũ (.xls). Hãy mở bằng Excel, bỏ mật khẩu nếu có (Tệp → Thông tin → Bảo vệ sổ làm việc), lưu thành .xlsx rồi chọn lại. Chưa có gì được ghi.
exchange-template-damaged = Tệp mẫu { $file } bị hỏng nên không điền được ({ $detail }). Hãy tải lại mẫu từ Seller Center rồi chọn lại. Chưa có gì được ghi.
exchange-bulk-template-filled = Đã điền { $rows } dòng vào mẫu của sàn, trang “{ $sheet }”, từ dòng { $first }: { $file }. Tải tệp này lên Seller Center.
exchange-bulk-template-missing = Mẫu này không có cột: { $columns }. Những thông tin đó không có trong tệp đã điền.
exchange-bulk-exported = Đã ghi { $rows } dòng ({ $products } sản phẩm) vào { $file }, ảnh ở thư mục { $folder }.
exchange-bulk-skipped = { $count } sản phẩm chưa xuất vì còn lỗi cần sửa:
exchange-bulk-skipped-line = – { $product }: { $reasons }
exchange-bulk-sheet-guide = Hướng dẫn
exchange-bulk-sheet-skipped = Chưa xuất
exchange-bulk-skipped-product = Sản phẩm
exchange-bulk-skipped-reasons = Cần sửa trước khi đăng
exchange-bulk-guide-1 = 1. Tệp này có { $rows } dòng hàng cho { $platform }, mỗi dòng là một phân loại (mã SKU). Chỉ sản phẩm đã đạt kiểm tra mới có ở đây; xem trang “Chưa xuất” để biết sản phẩm nào còn thiếu gì.
exchange-bulk-guide-2 = 2. Vào Kênh Người Bán của { $platform }, mở “Công cụ đăng hàng loạt” và tải mẫu mới nhất cho đúng ngành hàng.
exchange-bulk-guide-3 = 3. Tải các ảnh trong thư mục { $folder } lên Kho hình ảnh (Media Center) của { $platform }, rồi thay tên tệp ảnh trong các cột ảnh bằng đường link của ảnh đó.
exchange-bulk-guide-4 = 4. Chép các dòng hàng (từ dòng 3) sang mẫu vừa tải, đúng theo tên cột ở dòng 1. Kiểm tra lại cột ngành hàng: chọn ngành hàng trong danh sách của mẫu.
exchange-bulk-guide-5 = 5. Lưu mẫu, tải lên Kênh Người Bán và xem kết quả: dòng nào lỗi, { $platform } sẽ ghi lý do ở cột cuối.
exchange-col-category = Ngành hàng
exchange-col-brand = Thương hiệu
exchange-col-name = Tên sản phẩm
exchange-col-description = Mô tả sản phẩm
exchange-col-parent-sku = SKU sản phẩm
exchange-col-variation-group = Mã nhóm phân loại
exchange-col-variation-name = Tên nhóm phân loại
exchange-col-variation-value = Phân loại
exchange-col-price = Giá (đồng)
exchange-col-stock = Kho hàng
exchange-col-sku = SKU phân loại
exchange-col-gtin = Mã vạch (GTIN)
exchange-col-gtin-type = Loại mã
exchange-col-cover-image = Ảnh bìa
exchange-col-image = Ảnh sản phẩm
exchange-col-weight-kg = Cân nặng (kg)
exchange-col-length-cm = Dài (cm)
exchange-col-width-cm = Rộng (cm)
exchange-col-height-cm = Cao (cm)
