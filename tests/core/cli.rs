//! The `chophien` program end to end: real processes on a real catalog file.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use predicates::str::contains;

use crate::support::chophien_bin;

fn chophien(db: &Path) -> Command {
    let mut command = Command::new(chophien_bin());
    command
        .arg("--db")
        .arg(db)
        .env_remove("CHOPHIEN_LANG")
        .env_remove("CHOPHIEN_DB");
    command
}

fn json(db: &Path, args: &[&str]) -> serde_json::Value {
    let output = chophien(db).arg("--json").args(args).output().unwrap();
    assert!(
        output.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).unwrap()
}

fn temp_db() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("catalog.sqlite3");
    (dir, db)
}

#[test]
fn demo_then_search_in_vietnamese_and_english() {
    let (_dir, db) = temp_db();
    chophien(&db)
        .arg("init")
        .assert()
        .success()
        .stdout(contains("Kho dữ liệu đã sẵn sàng"));
    chophien(&db)
        .arg("demo")
        .assert()
        .success()
        .stdout(contains("Đã nạp dữ liệu mẫu"));
    chophien(&db)
        .arg("demo")
        .assert()
        .success()
        .stdout(contains("không thêm gì"));
    chophien(&db)
        .args(["search", "mat ong"])
        .assert()
        .success()
        .stdout(contains("Mật ong"));
    chophien(&db)
        .args(["--lang", "en", "search", "banh chung"])
        .assert()
        .success()
        .stdout(contains("Bánh chưng"))
        .stdout(contains("match"));
    let found = json(&db, &["search", "dac san"]);
    assert!(found["total"].as_u64().unwrap() >= 1);
}

#[test]
fn the_whole_record_lifecycle() {
    let (_dir, db) = temp_db();
    let coop = json(
        &db,
        &[
            "coop",
            "add",
            "--name",
            "HTX Mật ong Hưng Yên",
            "--type",
            "htx",
            "--province",
            "Hưng Yên",
            "--phone",
            "0221 3862 555",
        ],
    );
    let coop_id = coop["id"].as_str().unwrap().to_owned();
    chophien(&db)
        .args(["coop", "list"])
        .assert()
        .success()
        .stdout(contains("HTX Mật ong Hưng Yên"))
        .stdout(contains("Hợp tác xã"));
    chophien(&db)
        .args(["coop", "edit", &coop_id, "--commune", "Xã Khoái Châu"])
        .assert()
        .success();
    chophien(&db)
        .args(["coop", "show", "htx mat ong hung yen"])
        .assert()
        .success()
        .stdout(contains("Xã Khoái Châu"));

    // Prices as people type them.
    let typed = [
        ("Mật ong hoa nhãn", "125.000"),
        ("Mật ong bạc hà", "125,000"),
        ("Mật ong rừng", "125k"),
        ("Mật ong keo", "125000"),
    ];
    for (index, (name, price)) in typed.into_iter().enumerate() {
        let sku = format!("MO-{index}");
        let product = json(
            &db,
            &[
                "product",
                "add",
                "--coop",
                &coop_id,
                "--name",
                name,
                "--subgroup",
                "I.2.b",
                "--sku",
                &sku,
                "--price",
                price,
                "--stock",
                "10",
            ],
        );
        let detail = json(&db, &["product", "show", product["id"].as_str().unwrap()]);
        assert_eq!(detail["variants"][0]["price_vnd"], 125_000, "{price}");
    }
    chophien(&db)
        .args(["product", "show", "mat ong hoa nhan"])
        .assert()
        .success()
        .stdout(contains("125.000\u{a0}₫"));
    chophien(&db)
        .args([
            "product",
            "add",
            "--coop",
            &coop_id,
            "--name",
            "Mật ong nghệ",
            "--subgroup",
            "I.2.b",
            "--sku",
            "X",
            "--price",
            "abc",
        ])
        .assert()
        .failure()
        .code(1)
        .stderr(contains("“abc” chưa đọc được"));

    let honey = json(&db, &["product", "show", "mat ong hoa nhan"]);
    let honey_id = honey["product"]["id"].as_str().unwrap().to_owned();
    chophien(&db)
        .args([
            "product",
            "edit",
            &honey_id,
            "--story",
            "Ong nuôi dưới tán nhãn lồng",
            "--quantity",
            "500 ml",
            "--size",
            "80x80x160",
            "--weight",
            "720",
        ])
        .assert()
        .success();
    chophien(&db)
        .args([
            "cert",
            "add",
            &honey_id,
            "--stars",
            "4",
            "--from",
            "15/03/2025",
        ])
        .assert()
        .success()
        .stdout(contains("15/03/2028"));
    chophien(&db)
        .args(["search", "tan nhan", "--stars", "4"])
        .assert()
        .success()
        .stdout(contains("Mật ong hoa nhãn"));
    chophien(&db)
        .args(["variant", "edit", &honey_id, "MO-0", "--price", "130k"])
        .assert()
        .success();

    chophien(&db)
        .args(["product", "delete", &honey_id])
        .assert()
        .success()
        .stdout(contains("thùng rác"));
    chophien(&db)
        .args(["search", "hoa nhan"])
        .assert()
        .success()
        .stdout(contains("Không tìm thấy"));
    chophien(&db)
        .args(["product", "list", "--deleted"])
        .assert()
        .success()
        .stdout(contains("Mật ong hoa nhãn"));
    chophien(&db)
        .args(["product", "restore", &honey_id])
        .assert()
        .success();
    let list = json(
        &db,
        &["product", "list", "--sort", "price-desc", "--per-page", "2"],
    );
    assert_eq!(list["total"], 4);
    assert_eq!(list["items"][0]["price_max"], 130_000);
}

#[test]
fn errors_are_translated_sentences_with_non_zero_exit_codes() {
    let (dir, db) = temp_db();
    chophien(&db)
        .args(["product", "show", "khong-co"])
        .assert()
        .code(1)
        .stderr(contains("Không tìm thấy sản phẩm"));
    chophien(&db)
        .args(["--lang", "en", "product", "show", "nothing"])
        .assert()
        .code(1)
        .stderr(contains("not found"));
    chophien(&db)
        .args(["product", "frobnicate"])
        .assert()
        .code(2)
        .stderr(contains("không có lệnh"));
    chophien(&db)
        .args(["--lang", "fr", "init"])
        .assert()
        .code(2)
        .stderr(contains("vi hoặc en"));
    let json_error = chophien(&db)
        .args(["--json", "coop", "show", "x1234"])
        .output()
        .unwrap();
    let error: serde_json::Value = serde_json::from_slice(&json_error.stderr).unwrap();
    assert_eq!(error["error"]["code"], "catalog.not-found");

    // A catalog written by a newer release: refused, file untouched.
    {
        let conn = rusqlite::Connection::open(&db).unwrap();
        conn.pragma_update(None, "user_version", 999).unwrap();
    }
    chophien(&db)
        .args(["product", "list"])
        .assert()
        .code(1)
        .stderr(contains("phiên bản Chợ Phiên mới hơn"));
    // A corrupt file: refused, with advice to restore.
    let corrupt = dir.path().join("corrupt.sqlite3");
    std::fs::write(&corrupt, vec![0x42; 8192]).unwrap();
    chophien(&corrupt)
        .args(["product", "list"])
        .assert()
        .code(1)
        .stderr(contains("khôi phục"));
    assert_eq!(std::fs::read(&corrupt).unwrap(), vec![0x42; 8192]);
}

#[test]
fn help_speaks_the_chosen_language() {
    let (_dir, db) = temp_db();
    chophien(&db)
        .arg("--help")
        .assert()
        .success()
        .stdout(contains("Các lệnh"))
        .stdout(contains("Tìm sản phẩm"));
    chophien(&db)
        .args(["--lang", "en", "--help"])
        .assert()
        .success()
        .stdout(contains("Commands"))
        .stdout(contains("Search products"));
}

#[test]
fn import_from_the_command_line_with_a_dry_run() {
    let (dir, db) = temp_db();
    let csv = dir.path().join("list.csv");
    std::fs::write(&csv, "Tên sản phẩm;Hợp tác xã;Nhóm OCOP;Giá bán\nMật ong;HTX A;I.2.b;185.000\nChè;HTX A;I.5.a;abc\n").unwrap();
    chophien(&db)
        .args(["import", "--dry-run"])
        .arg(&csv)
        .assert()
        .code(1)
        .stdout(contains("Chạy thử 2 dòng"))
        .stdout(contains("Dòng 3"));
    chophien(&db)
        .args(["product", "list"])
        .assert()
        .success()
        .stdout(contains("chưa có sản phẩm"));
    chophien(&db)
        .arg("import")
        .arg(&csv)
        .assert()
        .code(1)
        .stdout(contains("tạo mới 1 sản phẩm"));
    chophien(&db)
        .args(["search", "mat ong"])
        .assert()
        .success()
        .stdout(contains("185.000"));
}

#[test]
fn no_test_writes_to_the_real_data_folder() {
    // Every CLI test passes --db; the default location must stay untouched by them.
    let (_dir, db) = temp_db();
    let home = tempfile::tempdir().unwrap();
    Command::new(chophien_bin())
        .env("HOME", home.path())
        .env("XDG_DATA_HOME", home.path().join("data"))
        .env_remove("CHOPHIEN_DATA_DIR")
        .env_remove("CHOPHIEN_DB")
        .arg("--db")
        .arg(&db)
        .arg("init")
        .assert()
        .success();
    assert!(
        !home.path().join("data").exists(),
        "--db must keep the program out of the data folder"
    );
    // And CHOPHIEN_DATA_DIR moves the default catalog.
    let data = home.path().join("override");
    Command::new(chophien_bin())
        .env("CHOPHIEN_DATA_DIR", &data)
        .env_remove("CHOPHIEN_DB")
        .arg("init")
        .assert()
        .success();
    assert!(data.join("catalog.sqlite3").exists());
}

#[test]
fn photos_from_the_command_line() {
    let (dir, db) = temp_db();
    chophien(&db).arg("demo").assert().success();
    let found = json(&db, &["search", "mật ong"]);
    let product = found["items"][0]["id"].as_str().unwrap().to_owned();
    let photos = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/photos");
    let folder = dir.path().join("anh");
    std::fs::create_dir(&folder).unwrap();
    for name in ["storm-1920x1280.jpg", "flower-with-gps.jpg"] {
        std::fs::copy(photos.join(name), folder.join(name)).unwrap();
    }
    chophien(&db)
        .args(["photo", "add", &product, "--dir"])
        .arg(&folder)
        .arg(photos.join("ladybird-2560x1600.jpg"))
        .assert()
        .success()
        .stdout(contains("Đã thêm 3 ảnh"));
    let set = json(&db, &["photo", "list", &product]);
    let ids: Vec<String> = set["photos"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["id"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(set["photos"][0]["original_name"], "ladybird-2560x1600.jpg");
    chophien(&db)
        .args(["photo", "cover", &ids[2]])
        .assert()
        .success();
    chophien(&db)
        .args(["photo", "fit", &ids[2], "crop"])
        .assert()
        .success();
    chophien(&db)
        .args(["photo", "remove", &ids[0]])
        .assert()
        .success();
    let set = json(&db, &["photo", "list", &product]);
    assert_eq!(set["photos"].as_array().unwrap().len(), 2);
    assert_eq!(set["photos"][0]["id"], ids[2].as_str());
    assert_eq!(set["photos"][0]["fit"], "crop");
    chophien(&db)
        .args(["photo", "restore", &ids[0]])
        .assert()
        .success();
    let out = dir.path().join("lazada");
    chophien(&db)
        .args([
            "--lang",
            "en",
            "photo",
            "export",
            &product,
            "--platform",
            "lazada",
            "--out",
        ])
        .arg(&out)
        .assert()
        .success()
        .stdout(contains("3"));
    let mut written: Vec<_> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    written.sort();
    assert_eq!(written, ["01.jpg", "02.jpg", "03.jpg"]);
    chophien(&db)
        .args(["photo", "export", &product, "--platform", "amazon", "--out"])
        .arg(&out)
        .assert()
        .failure()
        .stderr(contains("amazon"));
}

#[test]
fn scripts_from_the_command_line() {
    let (dir, db) = temp_db();
    chophien(&db).arg("demo").assert().success();
    let html = dir.path().join("live.html");
    let text = dir.path().join("live.txt");
    chophien(&db)
        .args(["script", "Mật ong hoa nhãn Hưng Yên", "Quế thanh Văn Yên"])
        .args([
            "--kind",
            "livestream",
            "--minutes",
            "20",
            "--tone",
            "energetic",
        ])
        .args(["--offer", "mua 2 tặng 1", "--save", "--html"])
        .arg(&html)
        .arg("--text")
        .arg(&text)
        .assert()
        .success()
        .stdout(contains("[00:00]"))
        .stdout(contains("mua 2 tặng 1"))
        .stdout(contains("Đã lưu kịch bản"));
    let page = std::fs::read_to_string(&html).unwrap();
    assert!(page.contains("@page{size:A4") && page.contains("<table>"));
    assert!(!page.contains("<script"), "the print page runs nothing");
    assert!(
        std::fs::read_to_string(&text)
            .unwrap()
            .contains("Quế thanh Văn Yên")
    );
    // A short video in English, as JSON.
    let short = json(
        &db,
        &[
            "--lang",
            "en",
            "script",
            "Quế thanh Văn Yên",
            "--kind",
            "short30",
        ],
    );
    let seconds: u64 = short["script"]["segments"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["seconds"].as_u64().unwrap())
        .sum();
    assert_eq!(seconds, 30);
    assert!(short["script"]["hashtags"][0] == "#ocop");
    // A place that cannot hold a file (under a file): a translated sentence naming it.
    chophien(&db)
        .args(["script", "Quế thanh Văn Yên", "--html"])
        .arg(text.join("live.html"))
        .assert()
        .failure()
        .stderr(contains("Không ghi được tệp"));
    // Out of range: refused by the argument parser, in Vietnamese.
    chophien(&db)
        .args(["script", "Quế thanh Văn Yên", "--minutes", "0"])
        .assert()
        .failure();
}
