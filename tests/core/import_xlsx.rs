//! Product lists kept in Excel, through the same engine as CSV: title rows above the
//! header, a formula (its saved value is read, never evaluated), merged cells, dates, a
//! sheet over the row cap, a zip bomb and a file that is not a workbook.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use chophien::catalog::search::ProductQuery;
use chophien::i18n::{I18n, Lang, Localize};
use chophien::import::{ImportOptions, ImportReport, import_file};
use rust_xlsxwriter::{Format, Formula, Workbook};

use crate::support::{TODAY, TempCatalog};

fn import(temp: &TempCatalog, path: &Path) -> Result<ImportReport, chophien::import::ImportError> {
    import_file(
        &temp.catalog,
        path,
        ImportOptions::default(),
        &mut |_, _| true,
    )
}

const HEADER: [&str; 6] = [
    "Tên sản phẩm",
    "Hợp tác xã",
    "Nhóm OCOP",
    "Giá bán (đ)",
    "Số sao",
    "Ngày cấp",
];

/// A cooperative's list as people keep it: a merged title, a blank row, the header, then
/// rows; the second product's price is a formula whose saved result differs from what
/// evaluating it would give; the last product's name is merged over two rows.
fn product_list(dir: &Path) -> PathBuf {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet
        .merge_range(0, 0, 0, 5, "DANH SÁCH SẢN PHẨM OCOP 2026", &Format::new())
        .unwrap();
    for (column, title) in HEADER.iter().enumerate() {
        sheet.write_string(2, column as u16, *title).unwrap();
    }
    let rows: [(&str, &str); 3] = [
        ("Mật ong hoa nhãn", "I.2.b"),
        ("Chè Tân Cương", "I.5.a"),
        ("Nhãn lồng Hưng Yên", "I.1.a"),
    ];
    for (index, (name, subgroup)) in rows.iter().enumerate() {
        let row = 3 + index as u32;
        sheet.write_string(row, 0, *name).unwrap();
        sheet.write_string(row, 1, "HTX Khoái Châu").unwrap();
        sheet.write_string(row, 2, *subgroup).unwrap();
    }
    sheet.write_number(3, 3, 185_000).unwrap();
    sheet
        .write_formula(4, 3, Formula::new("=1+1").set_result("250000"))
        .unwrap();
    sheet.write_number(5, 3, 60_000).unwrap();
    sheet.write_number(3, 4, 4).unwrap();
    let date = rust_xlsxwriter::ExcelDateTime::from_ymd(2025, 3, 15).unwrap();
    sheet
        .write_datetime_with_format(3, 5, &date, &Format::new().set_num_format("dd/mm/yyyy"))
        .unwrap();
    // A name merged over two rows: the second row reads without a name.
    sheet
        .merge_range(6, 0, 7, 0, "Long nhãn sấy", &Format::new())
        .unwrap();
    for row in [6, 7] {
        sheet.write_string(row, 1, "HTX Khoái Châu").unwrap();
        sheet.write_string(row, 2, "I.2.a").unwrap();
        sheet.write_number(row, 3, 90_000).unwrap();
    }
    let path = dir.join("san-pham.xlsx");
    book.save(&path).unwrap();
    path
}

#[test]
fn an_excel_list_imports_through_the_csv_engine() {
    let temp = TempCatalog::new();
    let path = product_list(temp.dir.path());
    let report = import(&temp, &path).unwrap();
    assert_eq!(report.rows, 5, "{report:?}");
    assert_eq!(report.products_created, 4, "{report:?}");
    assert_eq!(report.certificates_created, 1);
    // The row under the merged name has none, and says so with its line in Excel.
    assert_eq!(report.failed_rows, 1);
    assert_eq!(report.errors[0].line, 8);
    let query = ProductQuery {
        text: "che tan cuong".to_owned(),
        ..ProductQuery::default()
    };
    let tea = &temp.catalog.find_products(&query, TODAY).unwrap().items[0];
    // The formula's saved result, not 2.
    assert_eq!(tea.price_min, Some(250_000));
    let honey = temp
        .catalog
        .find_products(&ProductQuery::text("mat ong"), TODAY)
        .unwrap()
        .items[0]
        .id;
    let certificate = temp.catalog.product_detail(honey).unwrap().certificates[0].clone();
    assert_eq!(certificate.valid_from.to_string(), "2025-03-15");
}

#[test]
fn a_sheet_over_the_row_cap_is_refused_quickly() {
    let temp = TempCatalog::new();
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    for (column, title) in HEADER.iter().enumerate() {
        sheet.write_string(0, column as u16, *title).unwrap();
    }
    // Excel's last row: 1,048,576.
    sheet.write_string(1_048_575, 0, "Dòng cuối").unwrap();
    let path = temp.dir.path().join("max-rows.xlsx");
    book.save(&path).unwrap();
    let started = Instant::now();
    let error = import(&temp, &path).unwrap_err();
    assert!(started.elapsed() < Duration::from_secs(1));
    assert_eq!(error.code(), "import.too-large", "{error:?}");
    assert!(
        error
            .localize(&I18n::new(Lang::En))
            .contains("Nothing was imported")
    );
}

#[test]
fn a_zip_bomb_or_a_broken_workbook_is_refused_with_what_to_do() {
    let temp = TempCatalog::new();
    let bomb = temp.dir.path().join("bomb.xlsx");
    crate::support::zip_bomb(&bomb);
    assert_eq!(import(&temp, &bomb).unwrap_err().code(), "import.too-large");

    let broken = temp.dir.path().join("broken.xlsx");
    let whole = std::fs::read(product_list(temp.dir.path())).unwrap();
    std::fs::write(&broken, &whole[..whole.len() / 2]).unwrap();
    let error = import(&temp, &broken).unwrap_err();
    assert_eq!(error.code(), "import.bad-workbook", "{error:?}");
    assert!(
        error
            .localize(&I18n::new(Lang::Vi))
            .contains("Chưa có gì được nhập")
    );
    assert_eq!(
        temp.catalog
            .find_products(&ProductQuery::default(), TODAY)
            .unwrap()
            .total,
        0
    );
}

/// A list its owner protected with a password in Excel (an encrypted package): refused
/// with how to remove the password, nothing imported.
#[test]
fn a_password_protected_workbook_is_refused_with_what_to_do() {
    let temp = TempCatalog::new();
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/xlsx/password-protected.xlsx");
    let error = import(&temp, &path).unwrap_err();
    assert_eq!(error.code(), "import.password", "{error:?}");
    let message = error.localize(&I18n::new(Lang::Vi));
    assert!(message.contains("mật khẩu"), "{message}");
    assert!(message.contains("Chưa có gì được nhập"), "{message}");
    assert_eq!(
        temp.catalog
            .find_products(&ProductQuery::default(), TODAY)
            .unwrap()
            .total,
        0
    );
    // The preview the app shows first refuses it the same way.
    let error = chophien::import::preview(&path, 5).unwrap_err();
    assert_eq!(error.code(), "import.password", "{error:?}");
}

/// A header the app does not know ("Loại hàng") is left unmapped in the preview; the
/// person maps it to the OCOP group and the same file imports.
#[test]
fn a_preview_suggests_columns_and_a_chosen_mapping_imports_the_file() {
    use chophien::import::columns::Column;
    use chophien::import::{import_mapped, preview};
    let temp = TempCatalog::new();
    let path = temp.dir.path().join("list.csv");
    std::fs::write(
        &path,
        "Tên sản phẩm;Loại hàng;Hợp tác xã;Giá\n\
         Mật ong hoa nhãn;I.2.b;HTX Khoái Châu;185000\n\
         ;I.2.b;HTX Khoái Châu;90000\n\
         Chè Tân Cương;I.5.a;HTX La Bằng;250k\n",
    )
    .unwrap();
    let seen = preview(&path, 2).unwrap();
    assert_eq!(
        seen.headers,
        ["Tên sản phẩm", "Loại hàng", "Hợp tác xã", "Giá"]
    );
    assert_eq!(
        seen.suggested,
        [
            Some(Column::Name),
            None,
            Some(Column::Cooperative),
            Some(Column::Price)
        ]
    );
    assert_eq!(seen.rows.len(), 2);
    assert_eq!(seen.rows[0][0], "Mật ong hoa nhãn");
    assert_eq!(
        import(&temp, &path).unwrap_err().code(),
        "import.missing-columns"
    );
    let mut mapping = seen.suggested.clone();
    mapping[1] = Some(Column::Subgroup);
    let dry = ImportOptions {
        dry_run: true,
        ..ImportOptions::default()
    };
    let checked = import_mapped(&temp.catalog, &path, dry, &mapping, &mut |_, _| true).unwrap();
    assert_eq!((checked.products_created, checked.failed_rows), (2, 1));
    assert_eq!(checked.errors[0].line, 3);
    let done = import_mapped(
        &temp.catalog,
        &path,
        ImportOptions::default(),
        &mapping,
        &mut |_, _| true,
    )
    .unwrap();
    assert_eq!(done.products_created, 2);
}
