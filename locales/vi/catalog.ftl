## Catalog records and their fields.

catalog-kind-cooperative = hợp tác xã
catalog-kind-product = sản phẩm
catalog-kind-certificate = giấy chứng nhận OCOP
catalog-kind-variant = phân loại hàng

catalog-field-name = Tên
catalog-field-registration-no = Mã số thuế / số đăng ký
catalog-field-address = Địa chỉ
catalog-field-province = Tỉnh, thành phố
catalog-field-commune = Xã, phường
catalog-field-phone = Số điện thoại
catalog-field-cooperative = Hợp tác xã
catalog-field-subgroup = Nhóm sản phẩm OCOP
catalog-field-story = Câu chuyện sản phẩm
catalog-field-ingredients = Thành phần
catalog-field-usage = Hướng dẫn sử dụng
catalog-field-storage = Hướng dẫn bảo quản
catalog-field-shelf-life = Hạn sử dụng
catalog-field-net-quantity = Định lượng
catalog-field-origin = Xuất xứ
catalog-field-package-weight = Khối lượng cả bao bì (g)
catalog-field-package-length = Chiều dài gói hàng (mm)
catalog-field-package-width = Chiều rộng gói hàng (mm)
catalog-field-package-height = Chiều cao gói hàng (mm)
catalog-field-barcode = Mã vạch
catalog-field-stars = Số sao OCOP
catalog-field-certificate-no = Số giấy chứng nhận
catalog-field-decision-no = Số quyết định
catalog-field-decision-date = Ngày ký quyết định
catalog-field-issuing-authority = Cơ quan cấp
catalog-field-valid-from = Hiệu lực từ ngày
catalog-field-valid-until = Hiệu lực đến ngày
catalog-field-sku = Mã hàng (SKU)
catalog-field-variant-name = Tên phân loại
catalog-field-price = Giá bán
catalog-field-stock = Số lượng trong kho
