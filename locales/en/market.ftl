# Marketplaces: errors from platform calls, names of the credentials.

market-credential-app-key = app key
market-credential-app-secret = app secret
market-credential-partner-id = partner ID
market-credential-partner-key = partner key
market-credential-shop-id = shop ID
market-credential-code = authorisation code
market-credential-access-token = access token
market-credential-shop-cipher = shop cipher

market-field-title = the title
market-field-description = the description
market-field-category = the category
market-field-images = the photos
market-field-attributes = the attributes
market-field-price = the price
market-field-stock = the stock
market-field-sku = the SKU
market-field-variants = Variations
market-field-package = the package
market-field-other = the product

market-error-auth-expired = The session with the marketplace has expired. The app renews it by itself; if this persists, reconnect the shop.
market-error-reauthorize = The shop's authorisation has lapsed. Under “Publish”, click “Reconnect” on this shop and sign in to the marketplace to authorise the app again (command line: chophien shop reconnect).
market-error-wrong-credential = The marketplace says the { $credential } is wrong. Copy it again from the marketplace's app console.
market-error-rate-limited = The marketplace is receiving too many requests. The app tries again in { $seconds } seconds.
market-error-daily-limit = The shop has listed as many products as the marketplace allows today. The rest goes tomorrow.
market-error-invalid = The marketplace refused { $field }: { $message } (code { $code }). Fix it and send again.
market-error-duplicate-sku = Another product of the shop on the marketplace already uses this SKU. Change the SKU or check the listed product.
market-error-server = The marketplace's server has a problem (HTTP { $status }). The app tries again later.
market-error-clock = The marketplace refused this computer's time. Set the computer's date and time, then try again.
market-error-not-json = The marketplace answered with a page the app cannot read (the Wi-Fi may ask you to sign in). Check the network in a browser, then try again.
market-error-truncated = The connection broke while the marketplace was answering. The app checks the marketplace before sending again.
market-error-too-large = The marketplace sent an unusually large answer, so the app stopped reading it. Try again later.
market-error-unexpected = The marketplace's answer is missing something or is unusual ({ $what }). The marketplace may have changed; update the app.
market-error-offline = Cannot reach the marketplace. Check the network; the work is kept and goes out when the network is back.
market-error-timeout = The marketplace took too long to answer. The app checks again, then carries on.
market-error-dropped = The connection to the marketplace broke. The app checks again, then carries on.
market-error-redirected = The marketplace redirected to another address ({ $location }); the app did not follow, to protect the access token. Check the marketplace address.
market-error-platform = The marketplace reported error { $code }: { $message }

market-keychain-unavailable = This computer has no keychain to keep the shop's secret codes. Sign in to a desktop session with a keychain (GNOME Keyring, KWallet) and try again.
market-keychain-locked = The computer's keychain is locked. Unlock it (type your login password) and try again.
market-keychain-damaged = The shop's keychain entry is damaged. Remove the shop and connect it again.
market-shop-no-secrets = The computer's keychain no longer holds the secret codes of shop { $shop }. Connect the shop again.
market-shop-incomplete = Shop { $shop } lacks its identifiers on the marketplace. Remove it and connect it again.
market-shop-ok = Active
market-shop-needs-reauth = Needs reconnecting: the access has lapsed
market-shop-lapsing = Access lapses in { $days } days: reconnect the shop
market-sandbox-store = The practice marketplace's data file cannot be opened ({ $path }). Check that the data folder has free space and can be written.
market-sandbox-port = The practice marketplace cannot open port { $port } (it may be in use). Try another port, or leave it empty to pick one.
