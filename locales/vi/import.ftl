## Importing a product list from a spreadsheet saved as CSV.

import-row-error = Dòng { $line }: { $problems }
import-missing = thiếu { $column }.
import-bad-price = “{ $text }” không phải giá tiền. Hãy viết như 125000, 125.000 hoặc 125k.
import-bad-number = { $column } “{ $text }” không phải là số.
import-bad-date = { $column } “{ $text }” không phải ngày. Hãy viết như 22/11/2026.
import-bad-quantity = Định lượng “{ $text }” chưa rõ. Hãy viết như 500 g, 1,5 lít hoặc 10 quả.
import-certificate-without-date = có số sao OCOP nhưng thiếu ngày cấp chứng nhận.
import-unreadable = Không đọc được tệp { $file }: { $detail }. Vui lòng kiểm tra tệp còn đó và không bị khoá.
import-utf16 = Tệp { $file } được lưu theo bảng mã UTF-16 nên chưa nhập được. Trong Excel, chọn Lưu thành → “CSV UTF-8 (phân cách bằng dấu phẩy)” rồi nhập lại. Chưa có gì được nhập.
import-not-utf8 = Tệp { $file } không dùng bảng mã UTF-8 (từ dòng { $line }), có lẽ là Windows-1258 hoặc TCVN3. Trong Excel, chọn Lưu thành → “CSV UTF-8” rồi nhập lại. Chưa có gì được nhập.
import-empty = Tệp { $file } trống, không có dòng tiêu đề. Vui lòng chọn đúng tệp danh sách sản phẩm.
import-missing-columns = Tệp { $file } thiếu cột: { $columns }. Vui lòng thêm cột với tiêu đề như “Tên sản phẩm”, “Nhóm OCOP”, “Hợp tác xã”. Chưa có gì được nhập.
import-malformed = Tệp { $file } bị lỗi ở dòng { $line } ({ $detail }). Vui lòng mở lại bằng Excel và lưu thành CSV UTF-8. Chưa có gì được nhập.
import-summary = Đã đọc { $rows } dòng: tạo mới { $created } sản phẩm, cập nhật { $updated } sản phẩm, { $failed } dòng lỗi.
import-summary-dry-run = Chạy thử { $rows } dòng: sẽ tạo mới { $created } sản phẩm, cập nhật { $updated } sản phẩm, { $failed } dòng lỗi. Chưa thay đổi gì.
import-cooperatives-created = Hợp tác xã mới: { $names }
import-more-errors = … và { $count } dòng lỗi khác.
import-password = Tệp { $file } có đặt mật khẩu nên chưa đọc được. Trong Excel, mở tệp, bỏ mật khẩu (Tệp → Thông tin → Bảo vệ sổ làm việc) rồi lưu lại và nhập lại. Chưa có gì được nhập.
import-bad-workbook = Tệp { $file } không phải tệp Excel đọc được ({ $detail }). Vui lòng mở bằng Excel và lưu thành “Sổ làm việc Excel (.xlsx)” hoặc CSV UTF-8. Chưa có gì được nhập.
import-too-large = Tệp { $file } quá lớn ({ $what }). Vui lòng chia danh sách thành nhiều tệp nhỏ hơn. Chưa có gì được nhập.
