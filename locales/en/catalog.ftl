## Catalog records and their fields.

catalog-kind-cooperative = cooperative
catalog-kind-product = product
catalog-kind-certificate = OCOP certificate
catalog-kind-variant = product variant

catalog-field-name = Name
catalog-field-registration-no = Tax code / registration number
catalog-field-address = Address
catalog-field-province = Province or city
catalog-field-commune = Commune or ward
catalog-field-phone = Phone number
catalog-field-cooperative = Cooperative
catalog-field-subgroup = OCOP product group
catalog-field-story = Product story
catalog-field-ingredients = Ingredients
catalog-field-usage = How to use
catalog-field-storage = How to store
catalog-field-shelf-life = Shelf life
catalog-field-net-quantity = Net quantity
catalog-field-origin = Origin
catalog-field-package-weight = Weight with packaging (g)
catalog-field-package-length = Package length (mm)
catalog-field-package-width = Package width (mm)
catalog-field-package-height = Package height (mm)
catalog-field-barcode = Barcode
catalog-field-stars = OCOP stars
catalog-field-certificate-no = Certificate number
catalog-field-decision-no = Decision number
catalog-field-decision-date = Decision date
catalog-field-issuing-authority = Issued by
catalog-field-valid-from = Valid from
catalog-field-valid-until = Valid until
catalog-field-sku = Item code (SKU)
catalog-field-variant-name = Variant name
catalog-field-price = Price
catalog-field-stock = Quantity in stock
