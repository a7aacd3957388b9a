## Listings: one product on one marketplace, and what stops it from being uploaded.

listings-rules-invalid = The rule pack “{ $file }” has an error on line { $line }: { $detail }. The app keeps using the previous pack; download the new pack again.
listings-rules-version = { $platform } rules version { $version }, checked against the platform's rules on { $checked } ({ $days ->
    [one] 1 day
   *[other] { $days } days
} ago).
listings-title-ocop = OCOP { $stars } stars
listings-describe-ingredients = Ingredients: { $value }
listings-describe-quantity = Net quantity: { $value }
listings-describe-shelf-life = Shelf life: { $value }
listings-describe-usage = How to use: { $value }
listings-describe-storage = Storage: { $value }
listings-describe-ocop = OCOP { $stars }-star product; the certificate is valid until { $until }.
listings-describe-maker = Made by { $maker }.
listings-describe-maker-at = Made by { $maker }, { $place }.

listings-title-empty = The marketplace title is empty. Fill it in.
listings-title-short = The title is too short: { $count } characters, the marketplace needs at least { $min }. Add the product type, main ingredient or weight.
listings-title-long = The title is too long: { $count } characters, the marketplace takes { $max }. Shorten it.
listings-title-repeated = “{ $word }” appears { $count } times in the title. Marketplaces treat it as keyword stuffing: use it once.
listings-description-short = The description is too short: { $count } characters, the marketplace needs at least { $min }. Say more about the product, its ingredients and use.
listings-description-few-words = The description has { $count } words; the marketplace needs at least { $min }. Say more about the product.
listings-description-long = The description is too long: { $count } characters, the marketplace takes { $max }. Shorten it.
listings-ocop-no-certificate = It says “OCOP { $said } stars” but the product has no OCOP certificate. Add the certificate, or remove the OCOP mention.
listings-ocop-not-valid = It says “OCOP { $said } stars” but the certificate has expired or is not valid yet. The stars may not be used: remove them, or enter the new certificate.
listings-ocop-wrong-stars = It says “OCOP { $said } stars” but the certificate has { $stars }. Correct it.
listings-ocop-expiring = The OCOP certificate expires in { $days } days. Prepare the re-evaluation; once it expires the stars may not be shown.
listings-ocop-expired = The OCOP certificate has expired: no OCOP stars on marketplaces until a new one is issued.
listings-ocop-missing = No OCOP certificate entered yet. Add it: buyers trust it.
listings-category-missing = No marketplace category chosen. Choose the one that fits.
listings-category-requires = The category “{ $category }” requires the { $fact }. Fill it in.
listings-no-variants = No variant with a price yet. Add at least one (SKU, price, stock).
listings-price-low = The price of { $sku } is below what the marketplace accepts ({ $min }). Check it.
listings-price-high = The price of { $sku } is above what the marketplace accepts ({ $max }). Check it.
listings-stock-high = The stock of { $sku } is above what the marketplace accepts ({ $max }). Enter the real quantity.
listings-out-of-stock = Every variant is out of stock. Nothing can be sold: update the stock.
listings-weight-missing = The package weight is missing. Marketplaces need it for shipping fees.
listings-dimensions-missing = The package size (length, width, height) is missing. This marketplace requires it.
listings-photos-too-few = { $platform } needs at least { $min } photo(s); this product has { $count }.
listings-photos-few = { $platform } recommends { $recommended } photos; this product has { $count }.
listings-photos-too-many = { $platform } takes { $max } photos; the first ones in order are used and the rest left out ({ $count } in all).
listings-photo-small = The photo “{ $name }” is too small ({ $side } pixels, { $min } needed). Use the original or take it again.
listings-photo-blurry = The photo “{ $name }” is blurry. Take it again, sharper.
listings-photo-dark = The photo “{ $name }” is too dark. Take it somewhere brighter.
listings-photo-overexposed = The photo “{ $name }” is burnt out. Avoid harsh sunlight.
listings-label-missing = The label is incomplete: the { $fact } is missing (Decree 43/2017 as amended by Decree 111/2021).
listings-fact-net-quantity = net quantity
listings-fact-shelf-life = shelf life
listings-fact-origin = origin
listings-fact-ingredients = ingredients
listings-fact-storage = storage instructions
listings-fact-usage = instructions for use
listings-fact-package-weight = package weight
listings-fact-package-dimensions = package size
listings-fact-alcohol-percent = alcohol content
listings-fact-responsible = producer's address
listings-fact-barcode = barcode
