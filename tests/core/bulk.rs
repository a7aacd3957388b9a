//! Seller Center bulk-upload sheets: only listings that pass their checks, the expected
//! cells read back with calamine, no formula anywhere (goal G10), and LibreOffice opens
//! the file without evaluating the formula-looking text a seller typed.

use std::io::Read;
use std::path::Path;
use std::process::Command;

use calamine::{Data, Reader, Xlsx, open_workbook};
use chophien::catalog::listings::{ListingDraft, ReadinessState};
use chophien::demo;
use chophien::exchange::Control;
use chophien::exchange::bulk::{BulkReport, export_bulk};
use chophien::i18n::{I18n, Lang};
use chophien::listings::check;
use chophien::photos::PhotoStore;
use chophien::photos::import::import_files;
use chophien::platform::Platform;
use chophien::rules::RuleSet;

use crate::support::{TODAY, TempCatalog, product_ids};

const FORMULA_TITLE: &str = "=CONCAT(\"Măng tre khô Bát Độ \",\"OCOP 3 sao túi 500 g\")";
/// What a spreadsheet that evaluated the title would show instead.
const EVALUATED: &str = "Măng tre khô Bát Độ OCOP 3 sao túi 500 g";

/// The demo with photos on two products, one of them titled like a formula on Shopee.
/// They are named by their demo keys: which product the catalog lists first depends on
/// how many milliseconds loading the demo took.
fn demo_with_photos() -> (TempCatalog, Vec<chophien::catalog::Id>) {
    let temp = TempCatalog::with_demo();
    let ids = vec![
        demo::product_id("mang-tre-bat-do-kho"),
        demo::product_id("que-thanh-van-yen"),
    ];
    let store = PhotoStore::open(temp.catalog.data_dir()).unwrap();
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/photos");
    for (id, photo) in ids
        .iter()
        .zip(["storm-1920x1280.jpg", "painting-4000x3000.jpg"])
    {
        let report = import_files(&temp.catalog, &store, *id, &[fixtures.join(photo)], &|_| {
            true
        })
        .unwrap();
        assert!(report.failed.is_empty(), "{:?}", report.failed);
    }
    let formula = ListingDraft {
        title: Some(FORMULA_TITLE.to_owned()),
        ..ListingDraft::default()
    };
    temp.catalog
        .save_listing(ids[0], Platform::Shopee, &formula)
        .unwrap();
    (temp, ids)
}

fn text(cell: &Data) -> String {
    match cell {
        Data::String(s) => s.clone(),
        Data::Float(f) => f.to_string(),
        Data::Int(i) => i.to_string(),
        Data::Empty => String::new(),
        other => format!("{other:?}"),
    }
}

/// The demo with photos exported for Shopee, in Vietnamese.
fn shopee_sheet() -> (TempCatalog, std::sync::Arc<RuleSet>, I18n, BulkReport) {
    let (temp, _) = demo_with_photos();
    let rules = RuleSet::built_in().unwrap();
    let i18n = I18n::new(Lang::Vi);
    let out = temp.dir.path().join("out");
    let report = export_bulk(
        &temp.catalog,
        &rules,
        Platform::Shopee,
        None,
        &out,
        TODAY,
        &i18n,
        Control::default(),
    )
    .unwrap();
    (temp, rules, i18n, report)
}

#[test]
fn a_shopee_sheet_holds_the_ready_listings_and_reads_back_cell_for_cell() {
    let (temp, rules, i18n, report) = shopee_sheet();
    assert_eq!(report.exported.len() + report.skipped.len(), 48);
    assert!(!report.exported.is_empty());
    assert!(!report.skipped.is_empty());
    assert!(report.skipped.iter().all(|s| !s.reasons.is_empty()));
    // Every product written passes its checks; every product left out is blocked.
    let contexts = temp
        .catalog
        .listing_contexts(&product_ids(&temp.catalog))
        .unwrap();
    for context in &contexts {
        let name = &context.detail.product.draft.name;
        let state = check(context, Platform::Shopee, &rules, TODAY, &i18n).state;
        assert_eq!(
            report.exported.contains(name),
            state != ReadinessState::Blocked,
            "{name}: {state:?}"
        );
    }

    let mut book: Xlsx<_> = open_workbook(&report.file).unwrap();
    assert_eq!(
        book.sheet_names(),
        ["Shopee", "Hướng dẫn", "Chưa xuất"].map(str::to_owned)
    );
    let sheet = book.worksheet_range("Shopee").unwrap();
    let rows: Vec<Vec<String>> = sheet
        .rows()
        .map(|row| row.iter().map(text).collect())
        .collect();
    assert_eq!(
        rows[0][..3],
        ["ps_category", "ps_product_name", "ps_product_description"]
    );
    assert_eq!(rows[1][1], "Tên sản phẩm");
    assert_eq!(rows.len() as u64, report.rows + 2);
    let column = |code: &str| rows[0].iter().position(|c| c == code).unwrap();
    let formula_row = rows
        .iter()
        .find(|r| r[column("ps_product_name")] == FORMULA_TITLE)
        .unwrap_or_else(|| panic!("the formula-looking title, as typed: {:?}", report.skipped));
    // Prices are numbers in đồng; the cover is a photo file written beside the sheet.
    let price: f64 = formula_row[column("ps_price")].parse().unwrap();
    assert!(price >= 1000.0, "{price}");
    let cover = &formula_row[column("ps_item_cover_image")];
    assert!(report.photos_dir.join(cover).is_file(), "{cover}");
    let skipped = book.worksheet_range("Chưa xuất").unwrap();
    assert_eq!(skipped.height(), report.skipped.len() + 1);
}

/// Converts `file` with LibreOffice headless (installed by `scripts/install-deps test`)
/// through `filter`, in a profile of its own under `dir`; returns the folder of the CSV.
fn libreoffice_csv(dir: &Path, file: &Path, filter: &str) -> std::path::PathBuf {
    let profile = dir.join("libreoffice-profile");
    let csv_dir = dir.join("csv");
    let status = Command::new("soffice")
        .arg(format!(
            "-env:UserInstallation=file://{}",
            profile.display()
        ))
        .args(["--headless", "--convert-to", filter, "--outdir"])
        .arg(&csv_dir)
        .arg(file)
        .env("HOME", dir)
        .status()
        .expect("LibreOffice's soffice must be installed (scripts/install-deps test installs it)");
    assert!(status.success());
    csv_dir
}

/// The xlsx's worksheets, as XML text.
fn sheets_xml(file: &Path) -> Vec<String> {
    let mut zip = zip::ZipArchive::new(std::fs::File::open(file).unwrap()).unwrap();
    let names: Vec<String> = zip
        .file_names()
        .filter(|n| n.starts_with("xl/worksheets/sheet"))
        .map(str::to_owned)
        .collect();
    names
        .iter()
        .map(|name| {
            let mut xml = String::new();
            zip.by_name(name).unwrap().read_to_string(&mut xml).unwrap();
            xml
        })
        .collect()
}

#[test]
fn no_formula_is_written_or_evaluated_even_in_libreoffice() {
    let (temp, _, _, report) = shopee_sheet();
    // Goal G10: not one formula element in any sheet.
    let sheets = sheets_xml(&report.file);
    assert_eq!(sheets.len(), 3);
    assert!(
        sheets
            .iter()
            .all(|xml| !xml.contains("<f>") && !xml.contains("<f "))
    );

    // LibreOffice (installed by scripts/install-deps) converts the first sheet to CSV:
    // the title is still the text the seller typed, not a computed link.
    let csv_dir = libreoffice_csv(
        temp.dir.path(),
        &report.file,
        "csv:Text - txt - csv (StarCalc):44,34,76",
    );
    let csv = std::fs::read_to_string(csv_dir.join("chophien-shopee.csv")).unwrap();
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(csv.as_bytes());
    let titles: Vec<String> = reader
        .records()
        .map(|r| r.unwrap().get(1).unwrap_or_default().to_owned())
        .collect();
    assert!(titles.iter().any(|t| t == FORMULA_TITLE), "{titles:?}");
    assert!(!titles.iter().any(|t| t == EVALUATED), "{titles:?}");
}

#[test]
fn tiki_has_no_bulk_template_and_says_so() {
    let temp = TempCatalog::with_demo();
    let rules = RuleSet::built_in().unwrap();
    let i18n = I18n::new(Lang::En);
    let error = export_bulk(
        &temp.catalog,
        &rules,
        Platform::Tiki,
        None,
        temp.dir.path(),
        TODAY,
        &i18n,
        Control::default(),
    )
    .unwrap_err();
    use chophien::i18n::Localize;
    assert_eq!(error.code(), "exchange.no-bulk-template");
    assert!(
        error
            .localize(&i18n)
            .contains("TikTok Shop, Shopee or Lazada")
    );
}

#[test]
fn the_command_line_writes_the_sheet_and_lists_what_it_left_out() {
    let (temp, _) = demo_with_photos();
    let out = temp.dir.path().join("tiktok");
    let output = Command::new(crate::support::chophien_bin())
        .arg("--db")
        .arg(temp.path())
        .args(["--lang", "en", "export", "--platform", "tiktok", "--out"])
        .arg(&out)
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
    let said = String::from_utf8_lossy(&output.stdout);
    assert!(said.starts_with("Wrote "), "{said}");
    assert!(said.contains("were left out"), "{said}");
    assert!(
        said.contains("– Bánh chưng Tranh Khúc: TikTok Shop"),
        "{said}"
    );
    let mut book: Xlsx<_> = open_workbook(out.join("chophien-tiktok_shop.xlsx")).unwrap();
    let sheet = book.worksheet_range("TikTok Shop").unwrap();
    assert_eq!(text(&sheet.rows().next().unwrap()[2]), "Product Name");
}

/// A Shopee mass-upload template as Seller Center hands it out: an instructions sheet;
/// the data sheet with hidden machine codes in row 1 (in an order of its own, with a
/// column the app does not know), a signature row, Vietnamese headers and two rows of
/// guidance, then 295 empty rows formatted as text; a drop-down list of categories from
/// a hidden sheet; a defined name.
fn seller_center_template(path: &Path) {
    use rust_xlsxwriter::{DataValidation, Formula, Workbook};
    let mut book = Workbook::new();
    let guide = book.add_worksheet();
    guide.set_name("Hướng dẫn điền").unwrap();
    guide
        .write_string(0, 0, "Không sửa 5 dòng đầu của trang Mẫu đăng tải.")
        .unwrap();
    let data = book.add_worksheet();
    data.set_name("Mẫu đăng tải").unwrap();
    let codes = [
        "ps_product_name|1|0",
        "ps_category|1|0",
        "ps_future_field|0|0",
        "ps_price|1|1",
        "ps_stock|0|1",
        "ps_sku_short|0|0",
        "ps_item_cover_image|1|3",
        "ps_weight|0|1",
    ];
    let headers = [
        "Tên sản phẩm",
        "Ngành hàng",
        "Trường mới",
        "Giá",
        "Kho hàng",
        "SKU phân loại",
        "Ảnh bìa",
        "Cân nặng",
    ];
    for (col, (code, header)) in codes.iter().zip(headers).enumerate() {
        let col = col as u16;
        data.write_string(0, col, *code).unwrap();
        data.write_string(2, col, header).unwrap();
        data.write_string(3, col, "Bắt buộc").unwrap();
        data.write_string(4, col, "Xem trang Hướng dẫn điền")
            .unwrap();
    }
    // Seller Center formats the rows to fill in advance: empty rows that hold only a text
    // format.
    let text_format = rust_xlsxwriter::Format::new().set_num_format("@");
    for row in 5..300 {
        data.set_row_format(row, &text_format).unwrap();
    }
    data.write_string(1, 0, "basic").unwrap();
    data.write_string(1, 1, "a3f9c0d1e2b45f67").unwrap();
    data.set_row_hidden(0).unwrap();
    let categories =
        DataValidation::new().allow_list_formula(Formula::new("='Danh mục'!$A$1:$A$3"));
    data.add_data_validation(5, 1, 4999, 1, &categories)
        .unwrap();
    let lists = book.add_worksheet();
    lists.set_name("Danh mục").unwrap();
    for (row, id) in ["100629", "100630", "100631"].iter().enumerate() {
        lists.write_string(row as u32, 0, *id).unwrap();
    }
    lists.set_hidden(true);
    book.define_name("DanhMuc", "='Danh mục'!$A$1:$A$3")
        .unwrap();
    book.save(path).unwrap();
}

fn zip_part(file: &Path, name: &str) -> String {
    let mut zip = zip::ZipArchive::new(std::fs::File::open(file).unwrap()).unwrap();
    let mut xml = String::new();
    zip.by_name(name).unwrap().read_to_string(&mut xml).unwrap();
    xml
}

#[test]
fn a_template_downloaded_from_seller_center_is_filled_and_keeps_everything_it_had() {
    let (temp, _) = demo_with_photos();
    let rules = RuleSet::built_in().unwrap();
    let i18n = I18n::new(Lang::Vi);
    let template = temp.dir.path().join("mau-shopee.xlsx");
    seller_center_template(&template);
    let template_sheet = zip_part(&template, "xl/worksheets/sheet2.xml");
    assert!(
        template_sheet.contains(r#"<row r="300""#),
        "formatted empty rows"
    );
    let out = temp.dir.path().join("out");
    let report = export_bulk(
        &temp.catalog,
        &rules,
        Platform::Shopee,
        Some(&template),
        &out,
        TODAY,
        &i18n,
        Control::default(),
    )
    .unwrap();
    let filled = report.template.clone().expect("the template was filled");
    assert_eq!(filled.file, out.join("mau-shopee-da-dien.xlsx"));
    assert_eq!(filled.sheet, "Mẫu đăng tải");
    assert_eq!(
        filled.first_row, 6,
        "after the five rows Seller Center keeps"
    );
    assert!(
        filled.missing.contains(&"Mô tả sản phẩm".to_owned()),
        "{:?}",
        filled.missing
    );
    let lines = report.describe(&i18n).join("\n");
    assert!(lines.contains("từ dòng 6"), "{lines}");

    // Every sheet, in order, with its visibility; the first five rows as they were.
    let mut book: Xlsx<_> = open_workbook(&filled.file).unwrap();
    let sheets: Vec<(String, calamine::SheetVisible)> = book
        .sheets_metadata()
        .iter()
        .map(|s| (s.name.clone(), s.visible))
        .collect();
    assert_eq!(
        sheets,
        [
            ("Hướng dẫn điền".to_owned(), calamine::SheetVisible::Visible),
            ("Mẫu đăng tải".to_owned(), calamine::SheetVisible::Visible),
            ("Danh mục".to_owned(), calamine::SheetVisible::Hidden),
        ]
    );
    let range = book.worksheet_range("Mẫu đăng tải").unwrap();
    let rows: Vec<Vec<String>> = range
        .rows()
        .map(|row| row.iter().map(text).collect())
        .collect();
    assert_eq!(rows[0][0], "ps_product_name|1|0");
    assert_eq!(rows[1][..2], ["basic", "a3f9c0d1e2b45f67"]);
    assert_eq!(rows[2][3], "Giá");
    assert_eq!(rows.len() as u64, 5 + report.rows);
    // Each value under its own column, wherever the template put it; the unknown
    // column stays empty.
    let data = &rows[5..];
    assert!(
        data.iter().any(|r| r[0] == FORMULA_TITLE),
        "the title as typed"
    );
    assert!(data.iter().all(|r| r[2].is_empty()));
    for row in data {
        if !row[3].is_empty() {
            assert!(row[3].parse::<f64>().unwrap() >= 1000.0, "{row:?}");
        }
    }
    let formula_row = data.iter().find(|r| r[0] == FORMULA_TITLE).unwrap();
    assert!(report.photos_dir.join(&formula_row[6]).is_file());

    // The hidden row, the drop-down list and the defined name are still there; the new
    // rows hold no formula, and the formula-looking title has the quote-prefix style.
    let sheet = zip_part(&filled.file, "xl/worksheets/sheet2.xml");
    assert!(sheet.contains(r#"<row r="1""#) && sheet.contains(r#"hidden="1""#));
    assert!(sheet.contains("<dataValidation"), "drop-down kept");
    assert!(!sheet.contains("<f>") && !sheet.contains("<f "));
    assert!(zip_part(&filled.file, "xl/workbook.xml").contains("DanhMuc"));
    let styles = zip_part(&filled.file, "xl/styles.xml");
    assert!(styles.contains(r#"quotePrefix="1""#));
    // Every other part is byte for byte the template's.
    let mut original = zip::ZipArchive::new(std::fs::File::open(&template).unwrap()).unwrap();
    let names: Vec<String> = original.file_names().map(str::to_owned).collect();
    for name in names {
        if name == "xl/worksheets/sheet2.xml" || name == "xl/styles.xml" {
            continue;
        }
        let mut before = Vec::new();
        original
            .by_name(&name)
            .unwrap()
            .read_to_end(&mut before)
            .unwrap();
        let mut zip = zip::ZipArchive::new(std::fs::File::open(&filled.file).unwrap()).unwrap();
        let mut after = Vec::new();
        zip.by_name(&name).unwrap().read_to_end(&mut after).unwrap();
        assert_eq!(before, after, "{name}");
    }

    // LibreOffice opens it and reads the title as typed, not evaluated (sheet 2 only).
    let csv_dir = libreoffice_csv(
        temp.dir.path(),
        &filled.file,
        "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,2",
    );
    let csv = std::fs::read_dir(&csv_dir)
        .unwrap()
        .map(|e| std::fs::read_to_string(e.unwrap().path()).unwrap())
        .find(|csv| csv.contains("ps_product_name"))
        .expect("the data sheet as CSV");
    let titles: Vec<String> = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(csv.as_bytes())
        .records()
        .map(|r| r.unwrap().get(0).unwrap_or_default().to_owned())
        .collect();
    assert!(titles.iter().any(|t| t == FORMULA_TITLE), "{titles:?}");
    assert!(!titles.iter().any(|t| t == EVALUATED), "{titles:?}");
}

#[test]
fn a_file_that_is_not_the_platform_s_template_is_refused_before_anything_is_written() {
    let temp = TempCatalog::with_demo();
    let rules = RuleSet::built_in().unwrap();
    let i18n = I18n::new(Lang::Vi);
    let out = temp.dir.path().join("out");
    let product_list = temp.dir.path().join("danh-sach.xlsx");
    {
        let mut book = rust_xlsxwriter::Workbook::new();
        let sheet = book.add_worksheet();
        sheet.write_string(0, 0, "Tên sản phẩm").unwrap();
        sheet.write_string(0, 1, "Giá").unwrap();
        sheet.write_string(1, 0, "Mật ong").unwrap();
        book.save(&product_list).unwrap();
    }
    let locked =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/xlsx/password-protected.xlsx");
    let broken = temp.dir.path().join("hong.xlsx");
    std::fs::write(&broken, b"PK\x03\x04 not really a zip").unwrap();
    let bomb = temp.dir.path().join("bomb.xlsx");
    crate::support::zip_bomb(&bomb);
    for (file, code) in [
        (&bomb, "exchange.too-large"),
        (&product_list, "exchange.not-a-template"),
        (&locked.to_path_buf(), "exchange.template-not-xlsx"),
        (&broken, "exchange.template-damaged"),
    ] {
        let error = export_bulk(
            &temp.catalog,
            &rules,
            Platform::Shopee,
            Some(file),
            &out,
            TODAY,
            &i18n,
            Control::default(),
        )
        .unwrap_err();
        use chophien::i18n::Localize;
        assert_eq!(error.code(), code, "{file:?}");
        if code != "exchange.too-large" {
            assert!(error.localize(&i18n).contains("Chưa có gì được ghi"));
        }
        assert!(!out.exists(), "nothing written for {file:?}");
    }
}
