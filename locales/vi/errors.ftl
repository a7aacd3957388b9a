## Errors: each says what happened and what to do.

errors-field-problem = { $field }: { $problem }
errors-required = chưa điền. Vui lòng điền thông tin này.
errors-too-long = dài quá. Vui lòng rút gọn còn tối đa { $max } ký tự.
errors-out-of-range = không hợp lệ. Vui lòng nhập số từ { $min } đến { $max }.
errors-stars-out-of-range = { $stars } sao là không đúng. Chứng nhận OCOP chỉ có 3, 4 hoặc 5 sao.
errors-price-not-positive = phải lớn hơn 0 ₫. Vui lòng nhập giá bán.
errors-price-too-high = cao quá mức cho phép ({ $max }). Có thể bạn gõ thừa số 0?
errors-valid-until-before-valid-from = ngày hết hiệu lực đang trước ngày bắt đầu. Vui lòng kiểm tra lại hai ngày trên giấy chứng nhận.
errors-duplicate-sku = mã “{ $sku }” đã dùng cho sản phẩm “{ $product }” của cùng hợp tác xã. Vui lòng chọn mã khác.
errors-unknown-subgroup = “{ $code }” không phải nhóm sản phẩm OCOP. Vui lòng chọn một trong 26 nhóm (ví dụ I.2.b là mật ong).
errors-unknown-cooperative = hợp tác xã này không có hoặc đang trong thùng rác. Vui lòng chọn hợp tác xã khác hoặc khôi phục nó trước.
errors-invalid-barcode = không phải mã vạch hợp lệ. Mã vạch gồm 8, 12, 13 hoặc 14 chữ số; vui lòng gõ lại đúng như in trên bao bì.
errors-invalid-phone = không phải số điện thoại. Vui lòng nhập 8 đến 15 chữ số, ví dụ 0912 345 678.
errors-not-found = Không tìm thấy { $kind } “{ $reference }”. Có thể nó đã bị xoá hẳn; vui lòng kiểm tra lại mã.
errors-ambiguous = Có nhiều { $kind } khớp với “{ $reference }”. Vui lòng gõ mã dài hơn.
errors-data-dir-unavailable = Không tạo hoặc mở được thư mục dữ liệu { $path }. Vui lòng kiểm tra quyền ghi, hoặc chọn thư mục khác.
errors-read-only = Không ghi được vào kho dữ liệu { $path } (tệp hoặc thư mục chỉ cho đọc). Vui lòng cho phép ghi, hoặc chép kho sang thư mục của bạn.
errors-newer-version = Kho dữ liệu { $path } được tạo bởi phiên bản Chợ Phiên mới hơn. Vui lòng cập nhật ứng dụng; tệp vẫn được giữ nguyên.
errors-not-a-catalog = Tệp { $path } không phải kho dữ liệu của Chợ Phiên. Vui lòng chọn đúng tệp; tệp này không bị thay đổi.
errors-corrupt = Kho dữ liệu { $path } bị hỏng và không đọc được. Tệp được giữ nguyên; vui lòng khôi phục từ bản sao lưu gần nhất.
errors-busy = Kho dữ liệu { $path } đang bận vì một chương trình khác đang ghi. Vui lòng đợi một lát rồi thử lại.
errors-disk-full = Ổ đĩa chứa { $path } đã đầy nên chưa lưu được. Vui lòng xoá bớt tệp rồi thử lại; dữ liệu cũ vẫn an toàn.
errors-cancelled = Đã dừng giữa chừng. Chưa có gì được lưu; bạn có thể làm lại bất cứ lúc nào.
errors-database = Lỗi khi đọc hoặc ghi kho dữ liệu ({ $detail }). Vui lòng thử lại; nếu vẫn lỗi, hãy khôi phục từ bản sao lưu.
errors-demo-broken = Dữ liệu mẫu đi kèm ứng dụng bị lỗi ({ $detail }). Vui lòng cài lại ứng dụng.
