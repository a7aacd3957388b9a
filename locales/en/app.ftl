## The app as a whole.

app-name = Chợ Phiên
app-tagline = Get your OCOP products ready to sell online, no internet needed.
