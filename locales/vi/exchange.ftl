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
exchange-cancelled = Đã dừng. Chưa có gì thay đổi.
exchange-bundle-exported = Đã xuất { $records } bản ghi và { $photos } ảnh vào { $file }.
exchange-bundle-imported = Đã nhập: thêm { $added }, cập nhật { $updated }, giống nhau { $unchanged }, giữ bản của máy này { $kept }, xung đột { $conflicts }, ảnh mới { $photos }.
exchange-conflicts-waiting = Có { $count } mục bị sửa ở cả hai máy. Xem bằng “chophien bundle conflicts” và chọn bản giữ lại.
exchange-no-conflicts = Không có xung đột nào.
exchange-conflict-row = { $id }  { $kind } { $record }: bản máy này “{ $local }”, bản nhận được “{ $incoming }”
exchange-conflict-resolved = Đã xử lý xung đột.
exchange-backup-made = Đã sao lưu danh mục và ảnh vào { $file }.
exchange-backup-not-due = Hôm nay đã có bản sao lưu tự động.
exchange-restored = Đã khôi phục từ bản sao lưu. Dữ liệu trước đó được giữ ở { $previous }.
exchange-restored-fresh = Đã khôi phục từ bản sao lưu.
