//! Product photos with real photographs: turned upright, stripped of personal metadata,
//! made into each platform's square variant within its byte limit, stored once, and
//! deleted with undo.

use std::path::{Path, PathBuf};

use chophien::catalog::Id;
use chophien::catalog::photos::Photo;
use chophien::demo::synthetic::SplitMix64;
use chophien::photos::import::{ImportReport, import_files, rendition};
use chophien::photos::spec::{Fit, Rendition, THUMBNAIL_SIDE, spec};
use chophien::photos::{PhotoStore, render};
use chophien::platform::Platform;
use image::RgbImage;

use crate::support::TempCatalog;

pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/photos")
        .join(name)
}

/// A catalog with one product and its photo store.
pub struct PhotoCatalog {
    pub temp: TempCatalog,
    pub store: PhotoStore,
    pub product: Id,
}

impl PhotoCatalog {
    pub fn new() -> PhotoCatalog {
        let temp = TempCatalog::new();
        let coop = temp.coop("HTX Chè Tân Cương");
        let product = temp.product(&coop, "Chè búp Tân Cương").id;
        let store = PhotoStore::open(temp.catalog.data_dir()).unwrap();
        PhotoCatalog {
            temp,
            store,
            product,
        }
    }

    pub fn import(&self, files: &[PathBuf]) -> ImportReport {
        self.import_into(self.product, files)
    }

    pub fn import_into(&self, product: Id, files: &[PathBuf]) -> ImportReport {
        import_files(&self.temp.catalog, &self.store, product, files, &|_| true).unwrap()
    }

    pub fn import_one(&self, file: &Path) -> Photo {
        let report = self.import(&[file.to_path_buf()]);
        assert!(report.failed.is_empty(), "{:?}", report.failed);
        report.added.into_iter().next().expect("added")
    }

    pub fn rendered(&self, photo: &Photo, what: Rendition) -> (PathBuf, RgbImage) {
        let path = rendition(&self.store, &photo.file, what, "test.jpg").unwrap();
        let image = image::open(&path).unwrap().to_rgb8();
        (path, image)
    }

    pub fn photos(&self) -> Vec<Photo> {
        self.temp.catalog.product_photos(self.product).unwrap()
    }

    /// Every file the store holds (originals and renditions).
    pub fn stored_files(&self) -> Vec<PathBuf> {
        let mut files = Vec::new();
        let mut folders = vec![self.store.root().to_path_buf()];
        while let Some(folder) = folders.pop() {
            for entry in std::fs::read_dir(folder).unwrap().flatten() {
                let path = entry.path();
                if path.is_dir() {
                    folders.push(path);
                } else {
                    files.push(path);
                }
            }
        }
        files.sort();
        files
    }
}

/// Mean absolute difference per channel, 0–255.
fn mean_difference(a: &RgbImage, b: &RgbImage) -> f64 {
    assert_eq!(a.dimensions(), b.dimensions());
    let total: u64 = a
        .as_raw()
        .iter()
        .zip(b.as_raw())
        .map(|(x, y)| u64::from(x.abs_diff(*y)))
        .sum();
    total as f64 / a.as_raw().len() as f64
}

/// The APPn and COM segments of a JPEG's header, as (marker, payload).
fn header_segments(jpeg: &[u8]) -> Vec<(u8, Vec<u8>)> {
    let mut segments = Vec::new();
    let mut at = 2;
    while at + 4 <= jpeg.len() && jpeg[at] == 0xFF {
        let marker = jpeg[at + 1];
        if marker == 0xDA {
            break;
        }
        let length = usize::from(u16::from_be_bytes([jpeg[at + 2], jpeg[at + 3]]));
        if (0xE0..=0xEF).contains(&marker) || marker == 0xFE {
            segments.push((marker, jpeg[at + 4..at + 2 + length].to_vec()));
        }
        at += 2 + length;
    }
    segments
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

#[test]
fn every_exif_orientation_comes_out_upright() {
    let photos = PhotoCatalog::new();
    let upright = |n: u32| {
        let photo = photos.import_one(&fixture(&format!("orientation/wood-orientation-{n}.jpg")));
        assert_eq!(
            (photo.file.width, photo.file.height),
            (800, 600),
            "orientation {n}: the upright size"
        );
        let (_, variant) = photos.rendered(&photo, Rendition::Variant(Platform::Shopee, Fit::Crop));
        let (_, thumbnail) = photos.rendered(&photo, Rendition::Thumbnail(Fit::Pad));
        (variant, thumbnail)
    };
    let (reference, reference_thumbnail) = upright(1);
    for n in 2..=8 {
        let (variant, thumbnail) = upright(n);
        let difference = mean_difference(&reference, &variant);
        assert!(
            difference < 2.0,
            "orientation {n}: differs from upright by {difference:.2} levels"
        );
        let difference = mean_difference(&reference_thumbnail, &thumbnail);
        assert!(
            difference < 2.0,
            "orientation {n}: thumbnail differs by {difference:.2}"
        );
    }
    // The check has teeth: the stored pixels of a mirrored file, not turned, differ a lot.
    let stored = |n: u32| {
        image::open(fixture(&format!("orientation/wood-orientation-{n}.jpg")))
            .unwrap()
            .to_rgb8()
    };
    assert!(mean_difference(&stored(1), &stored(2)) > 10.0);
}

#[test]
fn no_gps_camera_or_xmp_is_stored_or_produced() {
    let raw = std::fs::read(fixture("flower-with-gps.jpg")).unwrap();
    assert!(
        contains(&raw, b"TestPhone"),
        "the fixture carries a camera model"
    );
    let photos = PhotoCatalog::new();
    let flower = photos.import_one(&fixture("flower-with-gps.jpg"));
    let painting = photos.import_one(&fixture("painting-4000x3000.jpg"));
    let turned = photos.import_one(&fixture("orientation/wood-orientation-6.jpg"));
    for photo in [&flower, &painting, &turned] {
        for platform in Platform::ALL {
            for fit in [Fit::Pad, Fit::Crop] {
                photos.rendered(photo, Rendition::Variant(platform, fit));
            }
        }
    }
    let files = photos.stored_files();
    assert_eq!(files.len(), 3 + 3 * (1 + 8), "{files:?}");
    for path in files {
        let bytes = std::fs::read(&path).unwrap();
        let shown = path.display();
        assert!(!contains(&bytes, b"TestPhone"), "{shown} names the camera");
        assert!(
            !contains(&bytes, b"http://ns.adobe.com/xap"),
            "{shown} has XMP"
        );
        for (marker, payload) in header_segments(&bytes) {
            match marker {
                0xE0 => assert!(payload.starts_with(b"JFIF\0"), "{shown}"),
                0xE2 => assert!(payload.starts_with(b"ICC_PROFILE\0"), "{shown}"),
                // Only stored originals keep an EXIF block, and only a 1-entry one with
                // the orientation (26 bytes of TIFF after "Exif\0\0").
                0xE1 => {
                    assert!(shown.to_string().contains("originals"), "{shown} has EXIF");
                    assert_eq!(payload.len(), 6 + 26, "{shown}: EXIF beyond orientation");
                }
                other => panic!("{shown}: metadata segment {other:#x}"),
            }
        }
    }
}

#[test]
fn variants_meet_each_platforms_rules() {
    let photos = PhotoCatalog::new();
    let painting = photos.import_one(&fixture("painting-4000x3000.jpg"));
    assert_eq!((painting.file.width, painting.file.height), (4000, 3000));
    for platform in Platform::ALL {
        let rules = spec(platform);
        for fit in [Fit::Pad, Fit::Crop] {
            let (path, image) = photos.rendered(&painting, Rendition::Variant(platform, fit));
            let side = rules.output_side;
            assert_eq!(image.dimensions(), (side, side), "{platform:?} {fit:?}");
            assert!(side >= rules.min_side && side <= rules.max_side);
            let bytes = std::fs::metadata(&path).unwrap().len();
            assert!(bytes <= rules.max_bytes, "{platform:?}: {bytes} bytes");
            let top_middle = image.get_pixel(side / 2, 4).0;
            match fit {
                // A 4:3 photo padded to a square has white bands above and below.
                Fit::Pad => assert!(top_middle.iter().all(|c| *c >= 250), "{top_middle:?}"),
                Fit::Crop => assert!(top_middle.iter().any(|c| *c < 240), "{top_middle:?}"),
            }
        }
    }
    let (_, thumbnail) = photos.rendered(&painting, Rendition::Thumbnail(Fit::Pad));
    assert_eq!(thumbnail.dimensions(), (THUMBNAIL_SIDE, THUMBNAIL_SIDE));
}

#[test]
fn the_most_detailed_photo_stays_under_lazadas_limit() {
    // Colour noise: the hardest picture there is to compress.
    let mut rng = SplitMix64::new(7);
    let noise = RgbImage::from_fn(1000, 1000, |_, _| {
        let v = rng.next_u64().to_le_bytes();
        image::Rgb([v[0], v[1], v[2]])
    });
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("nhieu-chi-tiet.png");
    noise.save(&path).unwrap();
    let photos = PhotoCatalog::new();
    let photo = photos.import_one(&path);
    let (file, image) = photos.rendered(&photo, Rendition::Variant(Platform::Lazada, Fit::Pad));
    assert!(std::fs::metadata(&file).unwrap().len() <= spec(Platform::Lazada).max_bytes);
    assert_eq!(image.dimensions(), (1000, 1000));
    // A tighter limit is met by lowering the quality.
    let square = render::square(&noise, 1000, Fit::Pad).unwrap();
    let usual = render::encode(&square, 85).unwrap().len() as u64;
    let tighter = usual * 3 / 4;
    let rendered = render::encode_within(&square, Some(tighter)).unwrap();
    assert!(rendered.jpeg.len() as u64 <= tighter && rendered.quality < 85);
}

#[test]
fn a_display_p3_photo_is_converted_to_srgb() {
    // A flat Display P3 colour, tagged with its profile.
    let p3 = [200_u8, 60, 60];
    let mut jpeg = Vec::new();
    let mut encoder = jpeg_encoder::Encoder::new(&mut jpeg, 100);
    encoder.set_sampling_factor(jpeg_encoder::SamplingFactor::R_4_4_4);
    let profile = moxcms::ColorProfile::new_display_p3().encode().unwrap();
    encoder.add_icc_profile(&profile).unwrap();
    let pixels: Vec<u8> = std::iter::repeat_n(p3, 64 * 64).flatten().collect();
    encoder
        .encode(&pixels, 64, 64, jpeg_encoder::ColorType::Rgb)
        .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p3.jpg");
    std::fs::write(&path, &jpeg).unwrap();

    let photos = PhotoCatalog::new();
    let photo = photos.import_one(&path);
    let (_, image) = photos.rendered(&photo, Rendition::Thumbnail(Fit::Crop));
    let got = image.get_pixel(160, 160).0;
    // Independently: P3 → linear → sRGB primaries → sRGB curve (both use the sRGB curve).
    let linear = p3.map(|c| {
        let c = f64::from(c) / 255.0;
        if c <= 0.04045 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    });
    let matrix = [
        [1.2249, -0.2247, 0.0],
        [-0.0420, 1.0419, 0.0],
        [-0.0197, -0.0786, 1.0979],
    ];
    for (channel, row) in matrix.iter().enumerate() {
        let value: f64 = row
            .iter()
            .zip(linear)
            .map(|(m, l)| m * l)
            .sum::<f64>()
            .clamp(0.0, 1.0);
        let encoded = if value <= 0.0031308 {
            value * 12.92
        } else {
            1.055 * value.powf(1.0 / 2.4) - 0.055
        };
        let expected = (encoded * 255.0).round();
        let difference = (f64::from(got[channel]) - expected).abs();
        assert!(
            difference <= 3.0,
            "channel {channel}: got {got:?}, expected {expected}"
        );
    }
    assert!(
        got[0] > p3[0] + 10,
        "red was converted, not copied: {got:?}"
    );
}

#[test]
fn the_same_photo_is_stored_once() {
    let dir = tempfile::tempdir().unwrap();
    let copy = dir.path().join("ban-sao.jpg");
    std::fs::copy(fixture("storm-1920x1280.jpg"), &copy).unwrap();
    let photos = PhotoCatalog::new();
    let report = photos.import(&[fixture("storm-1920x1280.jpg"), copy]);
    assert_eq!((report.added.len(), report.duplicates), (1, 1));
    // Another product showing the same photo links to the same stored file.
    let coop = photos.temp.coop("HTX khác");
    let other = photos.temp.product(&coop, "Sản phẩm khác").id;
    let again = photos.import_into(other, &[fixture("storm-1920x1280.jpg")]);
    assert_eq!(again.added.len(), 1);
    assert_eq!(again.added[0].file.sha256, report.added[0].file.sha256);
    // The stored original, imported back, is the same photo (stripping is stable).
    let stored = photos
        .stored_files()
        .into_iter()
        .find(|p| p.to_string_lossy().contains("originals"));
    let report = photos.import(&[stored.unwrap()]);
    assert_eq!((report.added.len(), report.duplicates), (0, 1));
    let originals = photos
        .stored_files()
        .into_iter()
        .filter(|p| p.to_string_lossy().contains("originals"))
        .count();
    assert_eq!(originals, 1);
}

#[test]
fn reorder_cover_fit_and_undoable_delete() {
    let photos = PhotoCatalog::new();
    let report = photos.import(&[
        fixture("storm-1920x1280.jpg"),
        fixture("flower-with-gps.jpg"),
        fixture("ladybird-2560x1600.jpg"),
    ]);
    let [storm, flower, ladybird] = [0, 1, 2].map(|i| report.added[i].id);
    let order = || photos.photos().iter().map(|p| p.id).collect::<Vec<_>>();
    assert_eq!(order(), [storm, flower, ladybird]);

    let catalog = &photos.temp.catalog;
    catalog.move_photo(ladybird, 0).unwrap();
    assert_eq!(order(), [ladybird, storm, flower]);
    let positions: Vec<u32> = photos.photos().iter().map(|p| p.position).collect();
    assert_eq!(positions, [0, 1, 2]);

    catalog.delete_photo(storm).unwrap();
    assert_eq!(order(), [ladybird, flower]);
    let stored = photos.stored_files().len();
    catalog.restore_photo(storm).unwrap();
    assert_eq!(order(), [ladybird, storm, flower], "back where it was");
    assert_eq!(
        photos.stored_files().len(),
        stored,
        "the file was kept for undo"
    );

    let cropped = catalog.set_photo_fit(flower, Fit::Crop).unwrap();
    assert_eq!(cropped.fit, Fit::Crop);
    let (pad, _) = photos.rendered(&cropped, Rendition::Variant(Platform::Shopee, Fit::Pad));
    let (crop, _) = photos.rendered(&cropped, Rendition::Variant(Platform::Shopee, Fit::Crop));
    assert_ne!(pad, crop, "a new choice makes a new file");
}

#[test]
fn a_whole_folder_imports_in_name_order() {
    let dir = tempfile::tempdir().unwrap();
    for (name, source) in [
        ("2-hoa.jpg", "flower-with-gps.jpg"),
        ("1-bao.jpg", "storm-1920x1280.jpg"),
    ] {
        std::fs::copy(fixture(source), dir.path().join(name)).unwrap();
    }
    std::fs::write(dir.path().join(".an-di.jpg"), b"hidden").unwrap();
    let files = chophien::photos::import::files_in(dir.path()).unwrap();
    let photos = PhotoCatalog::new();
    let report = photos.import(&files);
    let names: Vec<_> = report
        .added
        .iter()
        .map(|p| p.original_name.clone().unwrap_or_default())
        .collect();
    assert_eq!(names, ["1-bao.jpg", "2-hoa.jpg"]);
}

#[test]
fn a_cancelled_batch_keeps_what_was_imported_and_reports_the_rest() {
    let files: Vec<PathBuf> = (1..=8)
        .map(|n| fixture(&format!("orientation/wood-orientation-{n}.jpg")))
        .collect();
    let photos = PhotoCatalog::new();
    let seen = std::sync::Mutex::new(Vec::new());
    let report = import_files(
        &photos.temp.catalog,
        &photos.store,
        photos.product,
        &files,
        &|progress| {
            seen.lock().unwrap().push(progress.done);
            progress.done < 2
        },
    )
    .unwrap();
    assert!(report.cancelled >= 1, "{report:?}");
    assert_eq!(report.added.len() as u32 + report.cancelled, 8);
    assert_eq!(photos.photos().len(), report.added.len());
    let seen = seen.into_inner().unwrap();
    assert_eq!(seen.first(), Some(&1));
    assert!(seen.iter().all(|&done| done <= 8));
}

#[test]
fn a_deleted_photo_cannot_be_moved_or_changed() {
    let photos = PhotoCatalog::new();
    let report = photos.import(&[
        fixture("storm-1920x1280.jpg"),
        fixture("flower-with-gps.jpg"),
    ]);
    let (storm, flower) = (report.added[0].id, report.added[1].id);
    let catalog = &photos.temp.catalog;
    catalog.delete_photo(storm).unwrap();
    assert!(catalog.move_photo(storm, 1).is_err());
    assert!(catalog.set_photo_fit(storm, Fit::Crop).is_err());
    let positions: Vec<_> = photos.photos().iter().map(|p| (p.id, p.position)).collect();
    assert_eq!(positions, [(flower, 0)]);
}

#[test]
fn the_product_list_shows_each_products_cover() {
    let photos = PhotoCatalog::new();
    let today = crate::support::TODAY;
    let list = || {
        photos
            .temp
            .catalog
            .find_products(&chophien::catalog::search::ProductQuery::default(), today)
            .unwrap()
            .items
    };
    assert_eq!(list()[0].cover, None);
    let report = photos.import(&[
        fixture("storm-1920x1280.jpg"),
        fixture("flower-with-gps.jpg"),
    ]);
    let catalog = &photos.temp.catalog;
    let cover = list()[0].cover.clone().unwrap();
    assert_eq!(cover.sha256, report.added[0].file.sha256);
    catalog.move_photo(report.added[1].id, 0).unwrap();
    catalog
        .set_photo_fit(report.added[1].id, Fit::Crop)
        .unwrap();
    let cover = list()[0].cover.clone().unwrap();
    assert_eq!(
        (cover.sha256, cover.fit),
        (report.added[1].file.sha256.clone(), Fit::Crop)
    );
    catalog.delete_photo(report.added[1].id).unwrap();
    assert_eq!(
        list()[0].cover.clone().unwrap().sha256,
        report.added[0].file.sha256
    );
}
