//! A large, reproducible, made-up catalog for load tests and benchmarks: product names
//! combine real OCOP product words, qualifiers, provinces and sizes, so search sees the
//! same kind of vocabulary (and the same heavy overlaps) as a real provincial catalog.

use time::{Date, Duration};

use crate::catalog::ocop::{ProducerType, SUBGROUPS};
use crate::catalog::{
    Catalog, CertificateDraft, CooperativeDraft, Id, ProductDraft, Result, VariantDraft,
};

const PRODUCTS: &[&str] = &[
    "Mật ong hoa nhãn",
    "Mật ong bạc hà",
    "Chè Tân Cương",
    "Chè shan tuyết",
    "Bưởi Phúc Trạch",
    "Gạo ST25",
    "Gạo nếp cái hoa vàng",
    "Nước mắm cá cơm",
    "Cà phê Robusta",
    "Cà phê Arabica",
    "Bánh chưng",
    "Bánh cốm",
    "Mứt gừng",
    "Miến dong",
    "Trà sen",
    "Trà atiso",
    "Rượu ngô men lá",
    "Rượu sim",
    "Tinh dầu quế",
    "Tinh dầu tràm",
    "Cao atiso",
    "Xà bông thảo dược",
    "Nón lá",
    "Giỏ mây tre đan",
    "Khăn thổ cẩm",
    "Lụa tơ tằm",
    "Gốm men lam",
    "Lan hồ điệp",
    "Cây bonsai sanh",
    "Hạt điều rang muối",
    "Tôm khô",
    "Mực một nắng",
    "Chả cá",
    "Thịt trâu gác bếp",
    "Lạp xưởng",
    "Nấm hương rừng",
    "Măng khô",
    "Tỏi cô đơn",
    "Hành tím",
    "Tiêu đen",
    "Mắc khén",
    "Hồng treo gió",
    "Vải thiều sấy",
    "Nhãn lồng sấy",
    "Chuối sấy dẻo",
    "Mít sấy giòn",
    "Xoài sấy",
    "Kẹo dừa",
    "Bánh tráng",
    "Phở khô",
    "Nước cốt chanh leo",
    "Sữa chua dẻo",
    "Trứng vịt muối",
    "Mắm tép",
    "Tương bần",
    "Ca cao nguyên chất",
    "Đông trùng hạ thảo",
    "Sâm Ngọc Linh",
    "Dầu lạc ép",
];

const QUALIFIERS: &[&str] = &[
    "",
    "",
    "",
    "loại 1",
    "hữu cơ",
    "đặc biệt",
    "hộp quà Tết",
    "truyền thống",
    "cao cấp",
    "nguyên chất",
];

const PROVINCES: &[&str] = &[
    "Hà Nội",
    "Huế",
    "Quảng Ninh",
    "Cao Bằng",
    "Lạng Sơn",
    "Lai Châu",
    "Điện Biên",
    "Sơn La",
    "Thanh Hóa",
    "Nghệ An",
    "Hà Tĩnh",
    "Tuyên Quang",
    "Lào Cai",
    "Thái Nguyên",
    "Phú Thọ",
    "Bắc Ninh",
    "Hưng Yên",
    "Hải Phòng",
    "Ninh Bình",
    "Quảng Trị",
    "Đà Nẵng",
    "Quảng Ngãi",
    "Gia Lai",
    "Khánh Hòa",
    "Lâm Đồng",
    "Đắk Lắk",
    "Thành phố Hồ Chí Minh",
    "Đồng Nai",
    "Tây Ninh",
    "Cần Thơ",
    "Vĩnh Long",
    "Đồng Tháp",
    "Cà Mau",
    "An Giang",
];

/// Story sentences; two are drawn per product so that common words (as in real stories)
/// appear in many products without appearing in all.
const STORY_SENTENCES: &[&str] = &[
    "Sản phẩm của bà con {place}, làm theo cách truyền thống.",
    "Nguyên liệu được chọn lọc từ vùng trồng của hợp tác xã.",
    "Mỗi mẻ đều được kiểm tra trước khi đóng gói.",
    "Hương vị đậm đà, phù hợp làm quà biếu dịp lễ Tết.",
    "Người dân {place} gìn giữ nghề này qua nhiều thế hệ.",
    "Đóng gói gọn gàng, dễ bảo quản và vận chuyển.",
    "Vùng nguyên liệu nằm ở chân núi, khí hậu mát quanh năm.",
    "Sản xuất theo tiêu chuẩn VietGAP, có truy xuất nguồn gốc.",
    "Hợp tác xã bao tiêu đầu ra cho hơn một trăm hộ thành viên.",
    "Phơi khô tự nhiên dưới nắng, không dùng chất bảo quản.",
    "Đặc sản mùa vụ, mỗi năm chỉ có trong vài tháng.",
    "Được khách du lịch đến {place} tìm mua làm quà.",
    "Thu hái thủ công vào sáng sớm để giữ độ tươi.",
    "Quy trình chế biến khép kín tại xưởng của hợp tác xã.",
    "Bà con trồng xen canh dưới tán rừng, không phun thuốc.",
    "Sản phẩm đạt chứng nhận OCOP của tỉnh {place}.",
];

const SIZES: &[&str] = &[
    "500ml",
    "1kg",
    "hộp 10 quả",
    "hũ 300g",
    "gói 200g",
    "chai 750ml",
    "túi 1kg",
    "hộp 500g",
    "250g",
    "100g",
    "2kg",
    "bộ 3 chiếc",
];

/// A small, fast, seedable generator (SplitMix64): good enough to pick words, and
/// the same seed always gives the same catalog.
pub struct SplitMix64(u64);

impl SplitMix64 {
    pub fn new(seed: u64) -> Self {
        SplitMix64(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A value in `0..n` (n > 0).
    pub fn below(&mut self, n: usize) -> usize {
        usize::try_from(self.next_u64() % n as u64).unwrap_or(0)
    }

    pub fn pick<'a>(&mut self, items: &'a [&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

/// A product name like "Mít sấy giòn hộp quà Tết Đắk Lắk 500ml".
pub fn product_name(rng: &mut SplitMix64) -> String {
    let parts = [
        rng.pick(PRODUCTS),
        rng.pick(QUALIFIERS),
        rng.pick(PROVINCES),
        rng.pick(SIZES),
    ];
    parts
        .iter()
        .filter(|p| !p.is_empty())
        .copied()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Two different story sentences, with a province for `{place}`.
fn story(rng: &mut SplitMix64) -> String {
    let first = rng.below(STORY_SENTENCES.len());
    let second = (first + 1 + rng.below(STORY_SENTENCES.len() - 1)) % STORY_SENTENCES.len();
    let place = rng.pick(PROVINCES);
    format!("{} {}", STORY_SENTENCES[first], STORY_SENTENCES[second]).replace("{place}", place)
}

/// Adds `count` generated products (spread over one cooperative per province) in one
/// transaction, with a variant each and a certificate on two products in three.
pub fn generate(catalog: &Catalog, count: usize, seed: u64, today: Date) -> Result<usize> {
    let mut rng = SplitMix64::new(seed);
    catalog.batch(|batch| {
        let mut cooperatives = Vec::with_capacity(PROVINCES.len());
        for province in PROVINCES {
            let mut draft = CooperativeDraft::named(
                &format!("Hợp tác xã nông sản {province}"),
                ProducerType::Cooperative,
            );
            draft.province = Some((*province).to_owned());
            cooperatives.push(batch.create_cooperative(Id::new(), &draft)?.id);
        }
        for index in 0..count {
            let cooperative_id = cooperatives[rng.below(cooperatives.len())];
            let subgroup = SUBGROUPS[rng.below(SUBGROUPS.len())].code;
            let mut draft = ProductDraft::new(cooperative_id, &product_name(&mut rng), subgroup);
            draft.story = Some(story(&mut rng));
            let product = batch.create_product(Id::new(), &draft)?;
            let price = 10_000 + 1_000 * i64::try_from(rng.below(500)).unwrap_or(0);
            let variant = VariantDraft {
                sku: format!("SP-{index:06}"),
                name: None,
                price_vnd: price,
                stock: 10,
            };
            batch.add_variant(Id::new(), product.id, &variant)?;
            if rng.below(3) > 0 {
                let days_ago = i64::try_from(rng.below(1400)).unwrap_or(0);
                let certificate = CertificateDraft {
                    stars: 3 + i64::try_from(rng.below(3)).unwrap_or(0),
                    certificate_no: None,
                    decision_no: None,
                    decision_date: None,
                    issuing_authority: None,
                    valid_from: today - Duration::days(days_ago),
                    valid_until: None,
                };
                batch.add_certificate(Id::new(), product.id, &certificate)?;
            }
        }
        Ok(count)
    })
}
