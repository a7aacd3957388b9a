//! Photo benchmark: `scripts/bench-photos`, or `cargo bench -p chophien --bench photos`
//! with libvips-tools, imagemagick and time installed.
//!
//! 1. One 12 MP JPEG (tests/fixtures/photos/painting-4000x3000.jpg) → Shopee's 1024 px
//!    padded square + the 320 px thumbnail, in this process: median and breakdown.
//! 2. The same two outputs, whole process, taking turns with libvips' command-line
//!    pipeline (vipsthumbnail, vips gravity, vipsthumbnail) and with ImageMagick's
//!    `convert`: wall time and peak memory of each, and the ratio pair by pair.
//! 3. 100 distinct photos imported into one product with `chophien photo add --dir`
//!    (all cores), then exported for Shopee: total time and peak memory.
//!
//! A plain bench binary: it compares whole processes, which criterion does not do.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use chophien::catalog::ocop::ProducerType;
use chophien::catalog::{Catalog, CooperativeDraft, ProductDraft};
use chophien::demo::synthetic::SplitMix64;
use chophien::photos::spec::{Fit, THUMBNAIL_SIDE, spec};
use chophien::photos::{decode, render};
use chophien::platform::Platform;

const SIDE: u32 = 1024;
const PAIRS: usize = 15;
const BATCH: usize = 100;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/photos")
        .join(name)
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    // The whole-process runs call this same program back with `--pipeline IN OUT`.
    if let Some(at) = args.iter().position(|a| a == "--pipeline") {
        pipeline(Path::new(&args[at + 1]), Path::new(&args[at + 2]));
        return;
    }
    let painting = fixture("painting-4000x3000.jpg");
    in_process(&painting);
    let out = tempfile::tempdir().expect("temp dir");
    side_by_side(&painting, out.path());
    batch_import();
}

/// Time spent in each step of one run.
#[derive(Default, Clone, Copy)]
struct Steps {
    decode: Duration,
    square: Duration,
    encode: Duration,
    thumbnail: Duration,
}

/// The app's own code: decode (DCT-scaled), pad to 1024 on white, encode within
/// Shopee's byte limit, then the 320 thumbnail from the square.
fn pipeline(input: &Path, out: &Path) -> Steps {
    let started = Instant::now();
    let bytes = std::fs::read(input).expect("read");
    let format = decode::sniff(&bytes).expect("a photo");
    let decoded = decode::decode(&bytes, format, SIDE).expect("decode");
    let decoded_at = Instant::now();
    let square = render::square(&decoded.image, SIDE, Fit::Pad).expect("square");
    let squared_at = Instant::now();
    let variant =
        render::encode_within(&square, Some(spec(Platform::Shopee).max_bytes)).expect("encode");
    let encoded_at = Instant::now();
    let thumbnail = render::square(&square, THUMBNAIL_SIDE, Fit::Pad).expect("thumbnail");
    let thumbnail = render::encode(&thumbnail, 85).expect("encode thumbnail");
    let done = Instant::now();
    std::fs::write(out.join("out-1024.jpg"), &variant.jpeg).expect("write");
    std::fs::write(out.join("out-320.jpg"), thumbnail).expect("write");
    Steps {
        decode: decoded_at - started,
        square: squared_at - decoded_at,
        encode: encoded_at - squared_at,
        thumbnail: done - encoded_at,
    }
}

fn ms(duration: Duration) -> f64 {
    duration.as_secs_f64() * 1000.0
}

fn median(values: &mut [f64]) -> f64 {
    values.sort_by(f64::total_cmp);
    values[values.len() / 2]
}

fn in_process(painting: &Path) {
    let out = tempfile::tempdir().expect("temp dir");
    pipeline(painting, out.path()); // warm the file cache
    let runs: Vec<Steps> = (0..PAIRS).map(|_| pipeline(painting, out.path())).collect();
    let step = |pick: fn(&Steps) -> Duration| {
        median(&mut runs.iter().map(|s| ms(pick(s))).collect::<Vec<_>>())
    };
    let mut totals: Vec<f64> = runs
        .iter()
        .map(|s| ms(s.decode + s.square + s.encode + s.thumbnail))
        .collect();
    let variant = std::fs::metadata(out.path().join("out-1024.jpg")).map_or(0, |m| m.len());
    println!("== 12 MP JPEG → 1024 padded square + 320 thumbnail, in process (median of {PAIRS})");
    println!(
        "decode {:.1} ms, pad+resize {:.1} ms, encode 1024 {:.1} ms, thumbnail {:.1} ms: total {:.1} ms; 1024 file {} KB",
        step(|s| s.decode),
        step(|s| s.square),
        step(|s| s.encode),
        step(|s| s.thumbnail),
        median(&mut totals),
        variant / 1000
    );
}

/// Runs `command` under GNU time: wall time and peak resident memory (KiB).
fn measure(command: &[String]) -> Option<(f64, u64)> {
    let report = tempfile::NamedTempFile::new().ok()?;
    let started = Instant::now();
    let status = Command::new("/usr/bin/time")
        .args(["-f", "%M", "-o"])
        .arg(report.path())
        .args(command)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .ok()?;
    let wall = ms(started.elapsed());
    if !status.success() {
        return None;
    }
    let text = std::fs::read_to_string(report.path()).ok()?;
    let kib = text.lines().last()?.trim().parse().ok()?;
    Some((wall, kib))
}

fn found(program: &str) -> bool {
    Command::new("sh")
        .args(["-c", &format!("command -v {program}")])
        .stdout(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

fn side_by_side(painting: &Path, out: &Path) {
    let input = painting.display().to_string();
    let dir = out.display().to_string();
    let ours = vec![
        std::env::current_exe().expect("self").display().to_string(),
        "--pipeline".into(),
        input.clone(),
        dir.clone(),
    ];
    // performance.md §2.3: the libvips pipeline making the same two files.
    let vips = vec![
        "sh".into(),
        "-c".into(),
        format!(
            "vipsthumbnail '{input}' --size 1024x1024 -o '{dir}/fit.v' && \
             vips gravity '{dir}/fit.v' '{dir}/vips-1024.jpg[Q=85,strip]' centre 1024 1024 \
               --extend background --background '255 255 255' && \
             vipsthumbnail '{dir}/vips-1024.jpg' --size 320x320 -o '{dir}/vips-320.jpg[Q=85,strip]'"
        ),
    ];
    let magick = ["convert-im6.q16", "magick"]
        .into_iter()
        .find(|p| found(p))
        .map(|program| {
            vec![
                program.to_owned(),
                input.clone(),
                "-auto-orient".into(),
                "-resize".into(),
                "1024x1024".into(),
                "-background".into(),
                "white".into(),
                "-gravity".into(),
                "center".into(),
                "-extent".into(),
                "1024x1024".into(),
                "-strip".into(),
                "-quality".into(),
                "85".into(),
                "-write".into(),
                format!("{dir}/im-1024.jpg"),
                "-resize".into(),
                "320x320".into(),
                format!("{dir}/im-320.jpg"),
            ]
        });
    if !found("vipsthumbnail") || magick.is_none() || !Path::new("/usr/bin/time").exists() {
        println!(
            "== side by side: skipped (needs vipsthumbnail, ImageMagick and GNU time: \
             apt install libvips-tools imagemagick time)"
        );
        return;
    }
    let magick = magick.unwrap_or_default();
    let contenders = [
        ("chophien", &ours),
        ("libvips CLI", &vips),
        ("ImageMagick", &magick),
    ];
    let mut walls = vec![Vec::new(); contenders.len()];
    let mut peaks = vec![Vec::new(); contenders.len()];
    let mut to_vips = Vec::new();
    let mut to_magick = Vec::new();
    for round in 0..=PAIRS {
        let mut this_round = [0.0; 3];
        // Take turns, starting with a different one each round.
        for k in 0..contenders.len() {
            let i = (round + k) % contenders.len();
            let (wall, kib) = measure(contenders[i].1).expect("the command ran");
            this_round[i] = wall;
            if round > 0 {
                walls[i].push(wall);
                peaks[i].push(kib as f64 / 1024.0);
            }
        }
        if round > 0 {
            to_vips.push(this_round[0] / this_round[1]);
            to_magick.push(this_round[0] / this_round[2]);
        }
    }
    println!("== the same two outputs, whole process, taking turns ({PAIRS} rounds)");
    for (i, (name, _)) in contenders.iter().enumerate() {
        let low = walls[i].iter().copied().fold(f64::MAX, f64::min);
        let high = walls[i].iter().copied().fold(0.0, f64::max);
        println!(
            "{name:<12} {:>6.1} ms ({low:.0}–{high:.0})  peak {:>5.1} MiB",
            median(&mut walls[i]),
            median(&mut peaks[i])
        );
    }
    println!(
        "ratio chophien / libvips, pair by pair: median {:.2} (goal ≤ 1.5); chophien / ImageMagick: {:.2} (goal < 1)",
        median(&mut to_vips),
        median(&mut to_magick)
    );
}

/// `BATCH` distinct photos cut from the fixtures (a different window and mirror each),
/// re-encoded as a phone would (JPEG q90, 4:2:0).
fn make_batch(dir: &Path) -> (usize, f64) {
    let bases: Vec<image::RgbImage> = [
        "painting-4000x3000.jpg",
        "ladybird-2560x1600.jpg",
        "painting-4000x3000.jpg",
        "storm-1920x1280.jpg",
    ]
    .iter()
    .map(|name| image::open(fixture(name)).expect("fixture").to_rgb8())
    .collect();
    let mut rng = SplitMix64::new(100);
    let mut megapixels = 0.0;
    for n in 0..BATCH {
        let base = &bases[n % bases.len()];
        let (width, height) = base.dimensions();
        let (w, h) = (width * 19 / 20, height * 19 / 20);
        let left = rng.below((width - w) as usize) as u32;
        let top = rng.below((height - h) as usize) as u32;
        let mut photo = image::imageops::crop_imm(base, left, top, w, h).to_image();
        if n % 2 == 1 {
            image::imageops::flip_horizontal_in_place(&mut photo);
        }
        let mut jpeg = Vec::new();
        let mut encoder = jpeg_encoder::Encoder::new(&mut jpeg, 90);
        encoder.set_sampling_factor(jpeg_encoder::SamplingFactor::R_4_2_0);
        encoder
            .encode(
                photo.as_raw(),
                w as u16,
                h as u16,
                jpeg_encoder::ColorType::Rgb,
            )
            .expect("encode");
        std::fs::write(dir.join(format!("IMG_{n:04}.jpg")), jpeg).expect("write");
        megapixels += f64::from(w) * f64::from(h) / 1e6;
    }
    (BATCH, megapixels / BATCH as f64)
}

fn batch_import() {
    if !Path::new("/usr/bin/time").exists() {
        println!("== batch import: skipped (needs GNU time: apt install time)");
        return;
    }
    let work = tempfile::tempdir().expect("temp dir");
    let photos = work.path().join("photos");
    std::fs::create_dir(&photos).expect("dir");
    let (count, megapixels) = make_batch(&photos);
    let db = work.path().join("catalog.sqlite3");
    let catalog = Catalog::open(&db).expect("catalog");
    let coop = catalog
        .create_cooperative(&CooperativeDraft::named(
            "HTX Ảnh",
            ProducerType::Cooperative,
        ))
        .expect("coop");
    let product = catalog
        .create_product(&ProductDraft::new(coop.id, "Chè Tân Cương", "I.2.b"))
        .expect("product")
        .id
        .to_string();
    let program = env!("CARGO_BIN_EXE_chophien").to_owned();
    let run = |args: &[&str]| {
        let mut command = vec![program.clone(), "--db".into(), db.display().to_string()];
        command.extend(args.iter().map(|a| (*a).to_owned()));
        measure(&command).expect("chophien ran")
    };
    let photos = photos.display().to_string();
    let (import_ms, import_kib) = run(&["photo", "add", &product, "--dir", &photos]);
    let out = work.path().join("shopee").display().to_string();
    let (export_ms, export_kib) = run(&[
        "photo",
        "export",
        &product,
        "--platform",
        "shopee",
        "--out",
        &out,
    ]);
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    println!("== {count} photos (mean {megapixels:.1} MP, q90 4:2:0) on {cores} cores");
    println!(
        "import (strip, hash, measure, thumbnail, store): {:.2} s, {:.0} ms per photo, peak {:.0} MiB (goal < 300)",
        import_ms / 1000.0,
        import_ms / count as f64,
        import_kib as f64 / 1024.0
    );
    println!(
        "export for Shopee (1024 variants): {:.2} s, peak {:.0} MiB",
        export_ms / 1000.0,
        export_kib as f64 / 1024.0
    );
}
