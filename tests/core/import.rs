//! Importing product lists saved from Excel as CSV.

use std::io::Write;
use std::path::{Path, PathBuf};

use chophien::catalog::search::ProductQuery;
use chophien::import::{ImportError, ImportOptions, ImportReport, RowProblem, import_csv};

use crate::support::{TODAY, TempCatalog};

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

fn import(temp: &TempCatalog, path: &Path, dry_run: bool) -> Result<ImportReport, ImportError> {
    import_csv(
        &temp.catalog,
        path,
        ImportOptions {
            cooperative_id: None,
            dry_run,
        },
        &mut |_, _| true,
    )
}

fn product_count(temp: &TempCatalog) -> u64 {
    temp.catalog
        .find_products(&ProductQuery::default(), TODAY)
        .unwrap()
        .total
}

const GOOD: &str = "\
Tên sản phẩm,Hợp tác xã,Nhóm OCOP,Giá bán (đ),Mã SKU,Tồn kho,Định lượng,Số sao,Ngày cấp,Câu chuyện
Mật ong hoa nhãn,HTX Ong mật Khoái Châu,I.2.b,185.000,MO-500,40,500 ml,4,15/03/2025,\"Ong nuôi dưới tán nhãn, mùa hoa tháng ba\"
Chè Tân Cương,HTX Chè La Bằng,I.5.a,250k,CHE-200,25,200 g,,,
Bánh chưng Tranh Khúc,HTX Bánh chưng Tranh Khúc,I.3.b,\"90,000\",,,1 cái,3,01/06/2024,
";

#[test]
fn a_good_file_imports_every_row() {
    let temp = TempCatalog::new();
    let dir = tempfile::tempdir().unwrap();
    let report = import(
        &temp,
        &write(dir.path(), "good.csv", GOOD.as_bytes()),
        false,
    )
    .unwrap();
    assert_eq!(
        (report.rows, report.products_created, report.failed_rows),
        (3, 3, 0),
        "{report:?}"
    );
    assert_eq!(report.cooperatives_created.len(), 3);
    assert_eq!(report.certificates_created, 2);
    let page = temp
        .catalog
        .find_products(&ProductQuery::text("banh chung"), TODAY)
        .unwrap();
    assert_eq!(page.items[0].price_min, Some(90_000));
    let honey = temp
        .catalog
        .find_products(&ProductQuery::text("mat ong"), TODAY)
        .unwrap();
    assert_eq!(honey.items[0].stars, Some(4));
    assert_eq!(honey.items[0].price_min, Some(185_000));
    // Without a SKU, one is made from the initials.
    let detail = temp.catalog.product_detail(page.items[0].id).unwrap();
    assert_eq!(detail.variants[0].draft.sku, "BCTK-001");
}

#[test]
fn importing_the_same_file_again_updates_instead_of_duplicating() {
    let temp = TempCatalog::new();
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "good.csv", GOOD.as_bytes());
    import(&temp, &path, false).unwrap();
    let again = import(&temp, &path, false).unwrap();
    assert_eq!(
        (
            again.products_created,
            again.products_updated,
            again.certificates_created
        ),
        (0, 3, 0)
    );
    assert!(again.cooperatives_created.is_empty());
    assert_eq!(product_count(&temp), 3);
}

#[test]
fn a_byte_order_mark_and_semicolons_are_understood() {
    let temp = TempCatalog::new();
    let dir = tempfile::tempdir().unwrap();
    let mut bytes = vec![0xEF, 0xBB, 0xBF];
    bytes.extend_from_slice(
        "Tên sản phẩm;Hợp tác xã;Nhóm OCOP;Giá bán\nNước mắm cá cơm;HTX Nước mắm Cửa Hội;I.4.a;\"120.000\"\nGạo ST25;HTX Gạo Sóc Trăng;I.2.a;45,000\n"
            .as_bytes(),
    );
    let report = import(&temp, &write(dir.path(), "excel.csv", &bytes), false).unwrap();
    assert_eq!(
        (report.products_created, report.failed_rows),
        (2, 0),
        "{report:?}"
    );
    let rice = temp
        .catalog
        .find_products(&ProductQuery::text("gao st25"), TODAY)
        .unwrap();
    assert_eq!(rice.items[0].price_min, Some(45_000));
}

#[test]
fn english_headers_work_too() {
    let temp = TempCatalog::new();
    let dir = tempfile::tempdir().unwrap();
    let csv = "Product name,Cooperative,Subgroup,Price,SKU,Stock\nCoffee Robusta,HTX Cà phê Ea Kar,I.6,150000,CF-1,5\n";
    let report = import(&temp, &write(dir.path(), "en.csv", csv.as_bytes()), false).unwrap();
    assert_eq!(report.products_created, 1);
}

#[test]
fn broken_rows_are_reported_by_line_and_the_rest_imports() {
    let temp = TempCatalog::new();
    let dir = tempfile::tempdir().unwrap();
    let csv = "\
Tên sản phẩm,Hợp tác xã,Nhóm OCOP,Giá bán,Mã SKU,Số sao,Ngày cấp
Mật ong hoa nhãn,HTX A,I.2.b,185000,MO-1,,
,HTX A,I.2.b,100000,X-1,,
Chè xanh,HTX A,I.5.a,abc,CHE-1,,
Rượu ngô,HTX A,II.9,120000,R-1,,
Mật ong rừng,HTX A,I.2.b,200000,mo-1,,
Bưởi,HTX A,I.1.a,60000,B-1,7,01/01/2025
Trà sen,HTX A,I.5.b,80000,T-1,4,32/13/2025
Miến dong,HTX A,I.3.b,40000,M-1,,
";
    let report = import(
        &temp,
        &write(dir.path(), "broken.csv", csv.as_bytes()),
        false,
    )
    .unwrap();
    assert_eq!(report.rows, 8);
    assert_eq!(report.products_created, 2, "{report:#?}");
    let lines: Vec<u64> = report.errors.iter().map(|e| e.line).collect();
    assert_eq!(lines, vec![3, 4, 5, 6, 7, 8]);
    assert!(matches!(
        report.errors[1].problems[0],
        RowProblem::BadPrice { .. }
    ));
    // A row whose variant is refused leaves no half-made product behind.
    assert_eq!(product_count(&temp), 2);
    assert!(
        temp.catalog
            .find_products(&ProductQuery::text("mat ong rung"), TODAY)
            .unwrap()
            .items
            .is_empty()
    );
    let i18n = chophien::i18n::I18n::new(chophien::i18n::Lang::Vi);
    let sentence = report.errors[1].localize(&i18n);
    assert!(
        sentence.starts_with("Dòng 4:") && sentence.contains("abc"),
        "{sentence}"
    );
}

#[test]
fn a_dry_run_changes_nothing_but_reports_everything() {
    let temp = TempCatalog::new();
    let dir = tempfile::tempdir().unwrap();
    let report = import(&temp, &write(dir.path(), "good.csv", GOOD.as_bytes()), true).unwrap();
    assert!(report.dry_run);
    assert_eq!(report.products_created, 3);
    assert_eq!(product_count(&temp), 0);
    assert!(temp.catalog.list_cooperatives(false).unwrap().is_empty());
}

#[test]
fn windows_1258_is_refused_and_nothing_is_imported() {
    let temp = TempCatalog::new();
    let dir = tempfile::tempdir().unwrap();
    // Valid UTF-8 for two rows, then a row in Windows-1258 ("Bánh" with 0xE1 for á).
    let mut bytes = "Tên sản phẩm,Hợp tác xã,Nhóm OCOP\nMật ong,HTX A,I.2.b\nChè,HTX A,I.5.a\n"
        .as_bytes()
        .to_vec();
    bytes.extend_from_slice(b"B\xe1nh ch\xfeng,HTX A,I.3.b\n");
    let error = import(&temp, &write(dir.path(), "cp1258.csv", &bytes), false).unwrap_err();
    assert!(
        matches!(error, ImportError::NotUtf8 { line: 4, .. }),
        "{error:?}"
    );
    assert_eq!(
        product_count(&temp),
        0,
        "rows before the bad one must not be kept"
    );
    assert!(temp.catalog.list_cooperatives(false).unwrap().is_empty());
}

#[test]
fn utf16_is_refused_with_a_clear_error() {
    let temp = TempCatalog::new();
    let dir = tempfile::tempdir().unwrap();
    let text = "Tên sản phẩm,Hợp tác xã,Nhóm OCOP\nMật ong,HTX A,I.2.b\n";
    let mut with_bom = vec![0xFF, 0xFE];
    with_bom.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    let without_bom: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
    for bytes in [with_bom, without_bom] {
        let error = import(&temp, &write(dir.path(), "utf16.csv", &bytes), false).unwrap_err();
        assert!(matches!(error, ImportError::Utf16 { .. }), "{error:?}");
    }
    let i18n = chophien::i18n::I18n::new(chophien::i18n::Lang::Vi);
    let error = import(
        &temp,
        &write(dir.path(), "utf16.csv", &[0xFF, 0xFE, b'a', 0]),
        false,
    )
    .unwrap_err();
    use chophien::i18n::Localize;
    assert!(error.localize(&i18n).contains("CSV UTF-8"));
    assert_eq!(product_count(&temp), 0);
}

#[test]
fn missing_columns_are_named() {
    let temp = TempCatalog::new();
    let dir = tempfile::tempdir().unwrap();
    let error = import(
        &temp,
        &write(
            dir.path(),
            "cols.csv",
            "Tên,Giá\nMật ong,100000\n".as_bytes(),
        ),
        false,
    )
    .unwrap_err();
    match error {
        ImportError::MissingColumns { missing, .. } => assert_eq!(missing.len(), 2, "{missing:?}"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn stopping_an_import_saves_nothing() {
    let temp = TempCatalog::new();
    let dir = tempfile::tempdir().unwrap();
    let mut csv = String::from("Tên sản phẩm,Hợp tác xã,Nhóm OCOP\n");
    for index in 0..2000 {
        csv.push_str(&format!("Sản phẩm {index},HTX A,I.2.b\n"));
    }
    let path = write(dir.path(), "many.csv", csv.as_bytes());
    let result = import_csv(
        &temp.catalog,
        &path,
        ImportOptions::default(),
        &mut |_, _| false,
    );
    assert!(matches!(
        result,
        Err(ImportError::Catalog(
            chophien::catalog::CatalogError::Cancelled
        ))
    ));
    assert_eq!(product_count(&temp), 0);
}

#[test]
fn a_50_megabyte_file_streams_in_bounded_memory() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.csv");
    let mut file = std::io::BufWriter::new(std::fs::File::create(&path).unwrap());
    writeln!(
        file,
        "Tên sản phẩm;Hợp tác xã;Nhóm OCOP;Giá bán;Mã SKU;Câu chuyện"
    )
    .unwrap();
    let story =
        "Sản phẩm làm từ nguyên liệu của bà con trong xã, phơi nắng tự nhiên, đóng gói thủ công. "
            .repeat(16);
    let mut index = 0;
    while file.get_ref().metadata().unwrap().len() < 50 * 1024 * 1024 {
        for _ in 0..500 {
            writeln!(
                file,
                "Sản phẩm thử {index};HTX Số {};I.3.c;{}000;SP-{index};{story}",
                index % 40,
                10 + index % 900
            )
            .unwrap();
            index += 1;
        }
        file.flush().unwrap();
    }
    drop(file);
    let db = dir.path().join("catalog.sqlite3");
    // GNU time measures this process alone: the peak of all this binary's children
    // (getrusage) would count whatever other tests ran meanwhile, LibreOffice included.
    let measured = dir.path().join("time.txt");
    let output = std::process::Command::new("/usr/bin/time")
        .args(["-f", "%M", "-o"])
        .arg(&measured)
        .arg(crate::support::chophien_bin())
        .args(["--json", "--db"])
        .arg(&db)
        .arg("import")
        .arg(&path)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(
        report["products_created"], index,
        "every row of the 50 MB file was imported"
    );
    let time_report = std::fs::read_to_string(&measured).unwrap();
    let peak_kib: u64 = time_report
        .lines()
        .last()
        .unwrap_or_default()
        .trim()
        .parse()
        .unwrap();
    let peak_mib = peak_kib / 1024;
    assert!(
        peak_mib < 150,
        "importing 50 MB took {peak_mib} MiB: the file must be streamed, not loaded"
    );
}
