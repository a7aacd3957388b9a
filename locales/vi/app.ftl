## The app as a whole.

app-name = Chợ Phiên
app-tagline = Chuẩn bị sản phẩm OCOP để bán online, không cần mạng.
