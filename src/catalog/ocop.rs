//! The OCOP programme's vocabulary (Decision 148/QĐ-TTg, 2023): the six product sectors,
//! the 26 criteria sets ("bộ sản phẩm") a product is scored under, the producer types of
//! criterion A.3.a and the units a net quantity is printed in.
//!
//! Codes are stored in SQLite; names are shown through Fluent (`ocop-sector-…`,
//! `ocop-subgroup-…`), so a code here never changes once released.

use crate::platform::Platform;
use serde::{Deserialize, Serialize};

/// The six OCOP sectors.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum Sector {
    /// I. Thực phẩm.
    Food,
    /// II. Đồ uống.
    Beverage,
    /// III. Dược liệu và sản phẩm từ dược liệu.
    Herbal,
    /// IV. Hàng thủ công mỹ nghệ (incl. textiles and garments).
    Handicraft,
    /// V. Sinh vật cảnh.
    Ornamental,
    /// VI. Dịch vụ du lịch cộng đồng, du lịch sinh thái và điểm du lịch.
    Tourism,
}

impl Sector {
    pub const ALL: [Sector; 6] = [
        Sector::Food,
        Sector::Beverage,
        Sector::Herbal,
        Sector::Handicraft,
        Sector::Ornamental,
        Sector::Tourism,
    ];

    /// The stable code stored in SQLite and used on the command line.
    pub fn code(self) -> &'static str {
        match self {
            Sector::Food => "food",
            Sector::Beverage => "beverage",
            Sector::Herbal => "herbal",
            Sector::Handicraft => "handicraft",
            Sector::Ornamental => "ornamental",
            Sector::Tourism => "tourism",
        }
    }

    /// The Roman numeral that prefixes this sector's subgroup codes.
    pub fn numeral(self) -> &'static str {
        match self {
            Sector::Food => "I",
            Sector::Beverage => "II",
            Sector::Herbal => "III",
            Sector::Handicraft => "IV",
            Sector::Ornamental => "V",
            Sector::Tourism => "VI",
        }
    }

    /// Reads a sector from its code, its numeral, or its name typed in Vietnamese or
    /// English with or without diacritics ("thuc pham", "Đồ uống", "IV", "food").
    pub fn parse(input: &str) -> Option<Sector> {
        let folded = crate::text::fold(input);
        Sector::ALL.into_iter().find(|sector| {
            folded == sector.code()
                || input.trim().eq_ignore_ascii_case(sector.numeral())
                || sector.aliases().contains(&folded.as_str())
        })
    }

    fn aliases(self) -> &'static [&'static str] {
        match self {
            Sector::Food => &["thuc pham", "do an", "food"],
            Sector::Beverage => &["do uong", "beverage", "beverages", "drink", "drinks"],
            Sector::Herbal => &["duoc lieu", "thao duoc", "herbal", "herbs"],
            Sector::Handicraft => &[
                "thu cong my nghe",
                "thu cong",
                "my nghe",
                "vai may mac",
                "handicraft",
                "handicrafts",
                "craft",
            ],
            Sector::Ornamental => &["sinh vat canh", "cay canh", "ornamental", "plants"],
            Sector::Tourism => &["du lich", "dich vu du lich", "tourism"],
        }
    }

    pub fn from_code(code: &str) -> Option<Sector> {
        Sector::ALL.into_iter().find(|sector| sector.code() == code)
    }

    /// Fluent message ID of the sector's name.
    pub fn message_id(self) -> String {
        format!("ocop-sector-{}", self.code())
    }
}

/// One of the 26 OCOP criteria sets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Subgroup {
    /// The code as printed in the criteria tables, e.g. `I.2.b`.
    pub code: &'static str,
    pub sector: Sector,
    /// The slug used in Fluent IDs: `ocop-subgroup-i-2-b`.
    slug: &'static str,
}

impl Subgroup {
    /// Fluent message ID of the subgroup's name.
    pub fn message_id(&self) -> String {
        format!("ocop-subgroup-{}", self.slug)
    }
}

macro_rules! subgroups {
    ($($code:literal, $slug:literal, $sector:ident;)+) => {
        /// The 26 criteria sets of Decision 148/QĐ-TTg, in the official order.
        pub const SUBGROUPS: &[Subgroup] = &[
            $(Subgroup { code: $code, sector: Sector::$sector, slug: $slug }),+
        ];
    };
}

subgroups! {
    "I.1.a", "i-1-a", Food;       // Rau, củ, quả, hạt tươi
    "I.1.b", "i-1-b", Food;       // Thịt, thủy sản, trứng, sữa tươi
    "I.2.a", "i-2-a", Food;       // Gạo, ngũ cốc, hạt sơ chế
    "I.2.b", "i-2-b", Food;       // Mật ong, mật khác
    "I.3.a", "i-3-a", Food;       // Đồ ăn nhanh
    "I.3.b", "i-3-b", Food;       // Chế biến từ gạo, ngũ cốc
    "I.3.c", "i-3-c", Food;       // Chế biến từ rau, củ, quả, hạt
    "I.3.d", "i-3-d", Food;       // Chế biến từ thịt, thủy sản, trứng, sữa, mật ong
    "I.4.a", "i-4-a", Food;       // Tương, nước mắm, gia vị lỏng
    "I.4.b", "i-4-b", Food;       // Gia vị khác
    "I.5.a", "i-5-a", Food;       // Chè
    "I.5.b", "i-5-b", Food;       // Trà từ thực vật khác
    "I.6", "i-6", Food;           // Cà phê, ca cao
    "II.1.a", "ii-1-a", Beverage; // Rượu trắng
    "II.1.b", "ii-1-b", Beverage; // Đồ uống có cồn khác
    "II.2.a", "ii-2-a", Beverage; // Nước khoáng, nước uống đóng chai
    "II.2.b", "ii-2-b", Beverage; // Đồ uống không cồn
    "III.1", "iii-1", Herbal;     // Thực phẩm chức năng, thuốc dược liệu, thuốc cổ truyền
    "III.2", "iii-2", Herbal;     // Mỹ phẩm từ dược liệu
    "III.3", "iii-3", Herbal;     // Tinh dầu và dược liệu khác
    "IV.1", "iv-1", Handicraft;   // Thủ công mỹ nghệ gia dụng, trang trí
    "IV.2", "iv-2", Handicraft;   // Vải, may mặc
    "V.1", "v-1", Ornamental;     // Hoa
    "V.2", "v-2", Ornamental;     // Cây cảnh
    "V.3", "v-3", Ornamental;     // Động vật cảnh
    "VI.1", "vi-1", Tourism;      // Du lịch cộng đồng, du lịch sinh thái, điểm du lịch
}

/// Looks a subgroup up by its code, tolerating case and spaces (`i.2.B`, ` I.2.b `).
pub fn subgroup(code: &str) -> Option<&'static Subgroup> {
    let wanted: String = code.chars().filter(|c| !c.is_whitespace()).collect();
    SUBGROUPS
        .iter()
        .find(|s| s.code.eq_ignore_ascii_case(&wanted))
}

/// Legal form of the producer, as scored by OCOP criterion A.3.a.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum ProducerType {
    /// Hộ kinh doanh có đăng ký kinh doanh.
    HouseholdBusiness,
    /// Trang trại.
    Farm,
    /// Tổ hợp tác.
    CooperativeGroup,
    /// Công ty TNHH một thành viên.
    SingleMemberCompany,
    /// Doanh nghiệp tư nhân.
    PrivateEnterprise,
    /// Công ty TNHH hai thành viên trở lên.
    MultiMemberCompany,
    /// Công ty cổ phần (vốn góp của cộng đồng địa phương dưới 51%).
    JointStockCompany,
    /// Công ty cổ phần có vốn góp của cộng đồng địa phương từ 51% trở lên.
    CommunityJointStockCompany,
    /// Hợp tác xã (Luật Hợp tác xã).
    Cooperative,
}

impl ProducerType {
    pub const ALL: [ProducerType; 9] = [
        ProducerType::Cooperative,
        ProducerType::CooperativeGroup,
        ProducerType::HouseholdBusiness,
        ProducerType::Farm,
        ProducerType::SingleMemberCompany,
        ProducerType::PrivateEnterprise,
        ProducerType::MultiMemberCompany,
        ProducerType::JointStockCompany,
        ProducerType::CommunityJointStockCompany,
    ];

    pub fn code(self) -> &'static str {
        match self {
            ProducerType::HouseholdBusiness => "household_business",
            ProducerType::Farm => "farm",
            ProducerType::CooperativeGroup => "cooperative_group",
            ProducerType::SingleMemberCompany => "single_member_company",
            ProducerType::PrivateEnterprise => "private_enterprise",
            ProducerType::MultiMemberCompany => "multi_member_company",
            ProducerType::JointStockCompany => "joint_stock_company",
            ProducerType::CommunityJointStockCompany => "community_joint_stock_company",
            ProducerType::Cooperative => "cooperative",
        }
    }

    pub fn from_code(code: &str) -> Option<ProducerType> {
        ProducerType::ALL.into_iter().find(|t| t.code() == code)
    }

    /// Reads a producer type from its code or a common Vietnamese/English name
    /// ("HTX", "hộ kinh doanh", "cong ty co phan", "cooperative").
    pub fn parse(input: &str) -> Option<ProducerType> {
        let folded = crate::text::fold(input);
        let code_like = folded.replace(' ', "_");
        if let Some(t) = ProducerType::from_code(&code_like) {
            return Some(t);
        }
        let found = match folded.as_str() {
            "htx" | "hop tac xa" | "cooperative" | "coop" => ProducerType::Cooperative,
            "tht" | "to hop tac" | "cooperative group" => ProducerType::CooperativeGroup,
            "hkd" | "ho kinh doanh" | "household" | "household business" => {
                ProducerType::HouseholdBusiness
            }
            "trang trai" | "farm" => ProducerType::Farm,
            "cong ty tnhh 1 thanh vien" | "cong ty tnhh mot thanh vien" | "tnhh 1tv" => {
                ProducerType::SingleMemberCompany
            }
            "dntn" | "doanh nghiep tu nhan" | "private enterprise" => {
                ProducerType::PrivateEnterprise
            }
            "cong ty tnhh" | "tnhh" | "tnhh 2tv" | "llc" => ProducerType::MultiMemberCompany,
            "cong ty co phan" | "ctcp" | "joint stock company" => ProducerType::JointStockCompany,
            _ => return None,
        };
        Some(found)
    }

    /// Points under criterion A.3.a (1–3): cooperatives and community-owned companies
    /// score highest.
    pub fn ocop_points(self) -> u8 {
        match self {
            ProducerType::Cooperative | ProducerType::CommunityJointStockCompany => 3,
            ProducerType::MultiMemberCompany | ProducerType::JointStockCompany => 2,
            ProducerType::HouseholdBusiness
            | ProducerType::Farm
            | ProducerType::CooperativeGroup
            | ProducerType::SingleMemberCompany
            | ProducerType::PrivateEnterprise => 1,
        }
    }

    pub fn message_id(self) -> String {
        format!("ocop-producer-{}", self.code().replace('_', "-"))
    }
}

/// The unit a net quantity ("định lượng") is printed in.
/// Serialised by its stored code (`"g"`, `"ml"`, `"fruit"`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    #[serde(rename = "g")]
    Gram,
    #[serde(rename = "kg")]
    Kilogram,
    #[serde(rename = "ml")]
    Millilitre,
    #[serde(rename = "l")]
    Litre,
    Piece,
    Fruit,
    Box,
    Pack,
    Bottle,
    Jar,
    Bag,
    Set,
    Pot,
    Person,
}

impl Unit {
    pub const ALL: [Unit; 14] = [
        Unit::Gram,
        Unit::Kilogram,
        Unit::Millilitre,
        Unit::Litre,
        Unit::Piece,
        Unit::Fruit,
        Unit::Box,
        Unit::Pack,
        Unit::Bottle,
        Unit::Jar,
        Unit::Bag,
        Unit::Set,
        Unit::Pot,
        Unit::Person,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Unit::Gram => "g",
            Unit::Kilogram => "kg",
            Unit::Millilitre => "ml",
            Unit::Litre => "l",
            Unit::Piece => "piece",
            Unit::Fruit => "fruit",
            Unit::Box => "box",
            Unit::Pack => "pack",
            Unit::Bottle => "bottle",
            Unit::Jar => "jar",
            Unit::Bag => "bag",
            Unit::Set => "set",
            Unit::Pot => "pot",
            Unit::Person => "person",
        }
    }

    pub fn from_code(code: &str) -> Option<Unit> {
        Unit::ALL.into_iter().find(|u| u.code() == code)
    }

    /// Reads a unit as printed on Vietnamese labels ("gam", "lít", "hũ", "quả").
    pub fn parse(input: &str) -> Option<Unit> {
        let folded = crate::text::fold(input);
        if let Some(unit) = Unit::from_code(&folded) {
            return Some(unit);
        }
        let found = match folded.as_str() {
            "gam" | "gr" | "gram" | "grams" => Unit::Gram,
            "kilogram" | "kilo" | "can" | "kgs" => Unit::Kilogram,
            "mililit" | "millilitre" | "milliliter" => Unit::Millilitre,
            "lit" | "litre" | "liter" | "lit nuoc" => Unit::Litre,
            "cai" | "chiec" | "san pham" | "pieces" | "pcs" => Unit::Piece,
            "qua" | "trai" => Unit::Fruit,
            "hop" => Unit::Box,
            "goi" => Unit::Pack,
            "chai" | "binh" => Unit::Bottle,
            "hu" | "lo" => Unit::Jar,
            "tui" => Unit::Bag,
            "bo" => Unit::Set,
            "chau" => Unit::Pot,
            "khach" | "nguoi" | "suat" | "ve" => Unit::Person,
            _ => return None,
        };
        Some(found)
    }

    /// Fluent message ID of the unit's short printed form.
    pub fn message_id(self) -> String {
        format!("ocop-unit-{}", self.code())
    }
}

/// Every OCOP code with the Fluent ID of its name, for pick lists.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Vocabulary {
    pub sectors: Vec<VocabularyEntry<Sector>>,
    pub subgroups: Vec<SubgroupEntry>,
    pub producer_types: Vec<VocabularyEntry<ProducerType>>,
    pub units: Vec<VocabularyEntry<Unit>>,
    /// The marketplaces, by the names their sellers know (not translated).
    pub platforms: Vec<PlatformEntry>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct PlatformEntry {
    pub code: Platform,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct VocabularyEntry<T> {
    pub code: T,
    pub message_id: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct SubgroupEntry {
    pub code: String,
    pub sector: Sector,
    pub message_id: String,
}

pub fn vocabulary() -> Vocabulary {
    Vocabulary {
        sectors: Sector::ALL
            .into_iter()
            .map(|code| VocabularyEntry {
                code,
                message_id: code.message_id(),
            })
            .collect(),
        subgroups: SUBGROUPS
            .iter()
            .map(|s| SubgroupEntry {
                code: s.code.to_owned(),
                sector: s.sector,
                message_id: s.message_id(),
            })
            .collect(),
        producer_types: ProducerType::ALL
            .into_iter()
            .map(|code| VocabularyEntry {
                code,
                message_id: code.message_id(),
            })
            .collect(),
        units: Unit::ALL
            .into_iter()
            .map(|code| VocabularyEntry {
                code,
                message_id: code.message_id(),
            })
            .collect(),
        platforms: Platform::ALL
            .into_iter()
            .map(|code| PlatformEntry {
                code,
                name: code.name().to_owned(),
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn there_are_26_criteria_sets_covering_six_sectors() {
        assert_eq!(SUBGROUPS.len(), 26);
        for sector in Sector::ALL {
            assert!(SUBGROUPS.iter().any(|s| s.sector == sector), "{sector:?}");
            for subgroup in SUBGROUPS.iter().filter(|s| s.sector == sector) {
                let prefix = format!("{}.", sector.numeral());
                assert!(subgroup.code.starts_with(&prefix), "{}", subgroup.code);
            }
        }
    }

    #[test]
    fn units_serialise_as_their_codes() {
        for unit in Unit::ALL {
            let json = serde_json::to_string(&unit).unwrap_or_default();
            assert_eq!(json, format!("\"{}\"", unit.code()));
        }
    }

    #[test]
    fn lookups_are_forgiving() {
        assert_eq!(subgroup(" i.2.B ").map(|s| s.code), Some("I.2.b"));
        assert!(subgroup("I.9.z").is_none());
        assert_eq!(Sector::parse("Đồ uống"), Some(Sector::Beverage));
        assert_eq!(Sector::parse("thuc pham"), Some(Sector::Food));
        assert_eq!(Sector::parse("IV"), Some(Sector::Handicraft));
        assert_eq!(ProducerType::parse("HTX"), Some(ProducerType::Cooperative));
        assert_eq!(Unit::parse("Lít"), Some(Unit::Litre));
    }
}
