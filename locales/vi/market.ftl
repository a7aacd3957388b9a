# Sàn thương mại điện tử: lỗi khi gọi sàn, tên các thông tin đăng nhập.

market-credential-app-key = App key
market-credential-app-secret = App secret
market-credential-partner-id = Partner ID
market-credential-partner-key = Partner key
market-credential-shop-id = Shop ID
market-credential-code = mã ủy quyền
market-credential-access-token = mã truy cập
market-credential-shop-cipher = mã cửa hàng (shop cipher)

market-field-title = Tên sản phẩm
market-field-description = Mô tả
market-field-category = Ngành hàng
market-field-images = Ảnh
market-field-attributes = Thuộc tính
market-field-price = Giá
market-field-stock = Tồn kho
market-field-sku = Mã SKU
market-field-variants = Phân loại hàng
market-field-package = Kiện hàng
market-field-other = Thông tin sản phẩm

market-error-auth-expired = Phiên đăng nhập với sàn đã hết hạn. Ứng dụng sẽ tự gia hạn; nếu vẫn lỗi, hãy kết nối lại cửa hàng.
market-error-reauthorize = Quyền truy cập cửa hàng đã hết hạn. Vào “Đăng lên sàn”, bấm “Kết nối lại” ở cửa hàng này và đăng nhập sàn để cấp quyền lần nữa (dòng lệnh: chophien shop reconnect).
market-error-wrong-credential = Sàn báo { $credential } không đúng. Hãy chép lại từ trang quản lý ứng dụng của sàn.
market-error-rate-limited = Sàn đang nhận quá nhiều yêu cầu. Ứng dụng sẽ thử lại sau { $seconds } giây.
market-error-daily-limit = Cửa hàng đã đăng hết số sản phẩm sàn cho phép hôm nay. Phần còn lại sẽ được gửi vào ngày mai.
market-error-invalid = Sàn không nhận { $field }: { $message } (mã { $code }). Hãy sửa rồi gửi lại.
market-error-duplicate-sku = Mã SKU này đã có ở một sản phẩm khác của cửa hàng trên sàn. Hãy đổi mã SKU hoặc kiểm tra sản phẩm đã đăng.
market-error-server = Máy chủ của sàn đang gặp sự cố (HTTP { $status }). Ứng dụng sẽ thử lại sau.
market-error-clock = Sàn không nhận giờ của máy tính. Hãy chỉnh lại ngày giờ của máy rồi thử lại.
market-error-not-json = Sàn trả về một trang không đọc được (có thể mạng Wi-Fi đòi đăng nhập). Hãy mở trình duyệt kiểm tra mạng rồi thử lại.
market-error-truncated = Kết nối bị ngắt giữa chừng khi sàn đang trả lời. Ứng dụng sẽ kiểm tra lại trên sàn trước khi gửi lại.
market-error-too-large = Sàn trả về dữ liệu lớn bất thường nên ứng dụng đã dừng đọc. Hãy thử lại sau.
market-error-unexpected = Câu trả lời của sàn thiếu hoặc lạ ({ $what }). Có thể sàn vừa thay đổi; hãy cập nhật ứng dụng.
market-error-offline = Không kết nối được tới sàn. Hãy kiểm tra mạng; công việc vẫn được giữ và sẽ gửi khi có mạng.
market-error-timeout = Sàn trả lời quá lâu. Ứng dụng sẽ kiểm tra lại rồi thử tiếp.
market-error-dropped = Kết nối tới sàn bị ngắt. Ứng dụng sẽ kiểm tra lại rồi thử tiếp.
market-error-redirected = Sàn chuyển hướng sang địa chỉ khác ({ $location }); ứng dụng không đi theo để bảo vệ mã truy cập. Hãy kiểm tra địa chỉ sàn.
market-error-platform = Sàn báo lỗi { $code }: { $message }

market-keychain-unavailable = Máy này chưa có kho mật khẩu (keychain) để cất mã bí mật của cửa hàng. Hãy đăng nhập vào màn hình máy tính có kho mật khẩu (GNOME Keyring, KWallet) rồi thử lại.
market-keychain-locked = Kho mật khẩu của máy đang khóa. Hãy mở khóa (nhập mật khẩu đăng nhập máy) rồi thử lại.
market-keychain-damaged = Mục của cửa hàng trong kho mật khẩu bị hỏng. Hãy xóa cửa hàng rồi kết nối lại.
market-shop-no-secrets = Kho mật khẩu của máy không còn mã bí mật của cửa hàng { $shop }. Hãy kết nối lại cửa hàng.
market-shop-incomplete = Cửa hàng { $shop } thiếu thông tin nhận diện trên sàn. Hãy xóa rồi kết nối lại.
market-shop-ok = Đang hoạt động
market-shop-needs-reauth = Cần kết nối lại: quyền truy cập đã hết hạn
market-shop-lapsing = Quyền truy cập hết hạn sau { $days } ngày: hãy kết nối lại
market-sandbox-store = Không mở được tệp dữ liệu của sàn luyện tập ({ $path }). Hãy kiểm tra thư mục dữ liệu còn chỗ trống và cho phép ghi.
market-sandbox-port = Không mở được sàn luyện tập ở cổng { $port } (có thể cổng đang bận). Hãy thử cổng khác hoặc để trống để tự chọn.
